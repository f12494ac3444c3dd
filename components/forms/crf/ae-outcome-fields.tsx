"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { DateField } from "@/components/ui/date-field";
import { OUTCOMES, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { nullIfEmpty } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

/** The outcome, and the date of death when the event is grade 5. */
export function AeOutcomeFields({ form, today }: { form: UseFormReturn<AdverseEventData>; today: string }) {
  const grade = useWatch({ control: form.control, name: "grade" });
  return (
    <>
      <SelectField id="outcome" label="Outcome" {...fieldProps(form, "outcome", { setValueAs: nullIfEmpty })}>
        <option value="">Choose the outcome</option>
        <Options options={OUTCOMES} />
      </SelectField>
      {grade === 5 ? (
        <DateField
          id="deathDate"
          label="Date of death (grade 5)"
          max={today}
          {...fieldProps(form, "deathDate", { setValueAs: nullIfEmpty })}
        />
      ) : null}
    </>
  );
}
