"use client";

import type { UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { labelResponse, RESPONSES } from "@/lib/domain/recist";
import type { evaluateFollowUp } from "@/lib/forms/tumour-response";
import type { TumourAssessmentData } from "@/lib/forms/tumour-schemas";
import { nullIfEmpty } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

/** The investigator's optional override of the computed timepoint response, with its reason. */
export function TumourOverrideFields({
  form,
  evaluation,
  inputsComplete,
}: {
  form: UseFormReturn<TumourAssessmentData>;
  evaluation: ReturnType<typeof evaluateFollowUp>;
  inputsComplete: boolean;
}) {
  const { errors } = form.formState;
  return (
    <fieldset className="radio-group">
      <legend>Investigator override (optional)</legend>
      <SelectField
        id="override-response"
        label="Investigator's timepoint response"
        {...fieldProps(form, "override.response", {
          setValueAs: nullIfEmpty,
          onChange: () => form.clearErrors("override"),
        })}
      >
        <option value="">No override: use the computed response</option>
        <Options values={RESPONSES} label={labelResponse} />
      </SelectField>
      <TextField
        id="override-reason"
        label="Reason for the override"
        error={errors.override?.reason?.message}
        maxLength={500}
        {...form.register("override.reason")}
      />
      {evaluation && inputsComplete ? (
        <p data-testid="response-used">
          Response recorded: <strong>{evaluation.response}</strong>
          {evaluation.overridden ? ` (investigator override; computed ${evaluation.computedResponse})` : " (computed)"}
        </p>
      ) : null}
    </fieldset>
  );
}
