"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { RadioGroup } from "@/components/ui/choice-group";
import { TextField } from "@/components/ui/text-field";
import { DRUG_STATUSES, STATUS_REASONS, type DosingData } from "@/lib/forms/dosing/dosing-schema";
import { toNumberOrNull } from "../field-values";
import { fieldProps } from "@/components/forms/field-props";

const STATUS_LABELS = { given: "Given", held: "Held", reduced: "Reduced", discontinued: "Discontinued" } as const;
const REASON_LABELS = { toxicity: "Toxicity", other: "Other" } as const;

interface Props {
  form: UseFormReturn<DosingData>;
  drug: "uft" | "thalidomide";
  name: string;
}

/** Status of one drug at the visit, the reason when it is not simply given, and the capsule counts. */
export function DrugStatusFields({ form, drug, name }: Props) {
  const status = useWatch({ control: form.control, name: `${drug}.status` });
  return (
    <>
      <RadioGroup
        id={`${drug}-status`}
        legend={`${name} at this visit`}
        options={DRUG_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
        {...fieldProps(form, `${drug}.status`, {
          onChange: (event: { target: { value: string } }) => {
            // A reason belongs only to a hold, reduction or discontinuation: clear it when the drug is given.
            if (event.target.value === "given") {
              form.setValue(`${drug}.statusReason`, null);
              form.setValue(`${drug}.statusReasonText`, "");
            }
          },
        })}
      />
      {status && status !== "given" ? (
        <>
          <RadioGroup
            id={`${drug}-statusReason`}
            legend={`Reason ${name} was ${status}`}
            options={STATUS_REASONS.map((value) => ({ value, label: REASON_LABELS[value] }))}
            {...fieldProps(form, `${drug}.statusReason`, {
              setValueAs: (v: unknown) => (v === "toxicity" || v === "other" ? v : null),
            })}
          />
          <TextField
            id={`${drug}-statusReasonText`}
            label={`${name} reason details (required for other; e.g. which toxicity)`}
            maxLength={500}
            {...fieldProps(form, `${drug}.statusReasonText`)}
          />
        </>
      ) : null}
      <div className="inline-form">
        <TextField
          id={`${drug}-capsulesDispensed`}
          label={`${name} capsules dispensed at this visit`}
          unit="capsules"
          type="number"
          min={0}
          step={1}
          {...fieldProps(form, `${drug}.capsulesDispensed`, { setValueAs: toNumberOrNull })}
        />
        <TextField
          id={`${drug}-capsulesReturned`}
          label={`${name} capsules returned from the previous period`}
          unit="capsules"
          type="number"
          min={0}
          step={1}
          {...fieldProps(form, `${drug}.capsulesReturned`, { setValueAs: toNumberOrNull })}
        />
      </div>
    </>
  );
}
