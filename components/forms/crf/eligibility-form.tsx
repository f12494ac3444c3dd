"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { RadioGroup } from "@/components/ui/choice-group";
import { evaluateEligibility, TRIAL_ELIGIBILITY_CRITERIA } from "@/lib/domain/eligibility/criteria";
import { EligibilitySchema, type EligibilityData } from "@/lib/forms/eligibility-form";
import type { CrfFormProps } from "./crf-form-props";
import { YES_NO } from "./field-values";
import { FormFooter } from "./form-footer";
import { useCrfSave } from "./use-crf-save";
import { RecordDateField } from "./record-date-field";
import { fieldProps } from "@/components/forms/field-props";
import { ComputedNote } from "@/components/forms/crf/computed-note";

export function EligibilityForm(props: CrfFormProps) {
  const saved = props.record?.data as EligibilityData | undefined;
  const form = useForm<EligibilityData>({
    resolver: zodResolver(EligibilitySchema),
    defaultValues: saved ?? {
      consentDate: "",
      answers: Object.fromEntries(TRIAL_ELIGIBILITY_CRITERIA.map((c) => [c.id, null])),
    },
  });
  const { formProps, ...footer } = useCrfSave("eligibility", props, form);
  const answers = useWatch({ control: form.control, name: "answers" });
  // The same rule the server applies (lib/domain), shown live as the investigator answers.
  const evaluation = evaluateEligibility(answers ?? {});
  const { isSubmitting } = form.formState;

  return (
    <form {...formProps}>
      <RecordDateField form={form} name="consentDate" label="Informed consent date" today={props.today} />
      {(["inclusion", "exclusion"] as const).map((kind) => (
        <section key={kind} aria-labelledby={`${kind}-heading`}>
          <h2 id={`${kind}-heading`}>
            {kind === "inclusion" ? "Inclusion criteria (must be Yes)" : "Exclusion criteria (must be No)"}
          </h2>
          {TRIAL_ELIGIBILITY_CRITERIA.filter((c) => c.kind === kind).map((criterion) => (
            <RadioGroup
              key={criterion.id}
              id={`answers-${criterion.id}`}
              legend={`${criterion.id}. ${criterion.text}`}
              options={YES_NO}
              {...fieldProps(form, `answers.${criterion.id}`, {
                setValueAs: (v: unknown) => (v === "yes" || v === "no" ? v : null),
              })}
            />
          ))}
        </section>
      ))}
      <ComputedNote testId="eligibility-result">
        {evaluation.eligible ? (
          <strong>Eligible: every criterion is met.</strong>
        ) : (
          <>
            <strong>Not eligible yet:</strong>
            <ul>
              {evaluation.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        )}
      </ComputedNote>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
