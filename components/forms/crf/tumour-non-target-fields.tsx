"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { RadioGroup } from "@/components/ui/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { labelNonTargetResponse } from "@/lib/domain/recist";
import { TRIAL_RECIST_VERSION, type TumourAssessmentData } from "@/lib/forms/tumour-schemas";
import { YES_NO, nullIfEmpty } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

const NON_TARGET_CHOICES = ["CR", "NON_CR_NON_PD", "PD", "NE"] as const;

/** Follow-up: the non-target lesions overall (when baseline had any) and new lesions. */
export function TumourNonTargetFields({
  form,
  hasNonTarget,
}: {
  form: UseFormReturn<TumourAssessmentData>;
  hasNonTarget: boolean;
}) {
  const newLesions = useWatch({ control: form.control, name: "newLesions" });
  return (
    <>
      {hasNonTarget ? (
        <SelectField
          id="nonTargetStatus"
          label="Non-target lesions overall"
          {...fieldProps(form, "nonTargetStatus", { setValueAs: nullIfEmpty })}
        >
          <option value="">Choose</option>
          <Options values={NON_TARGET_CHOICES} label={(r) => labelNonTargetResponse(TRIAL_RECIST_VERSION, r)} />
        </SelectField>
      ) : (
        <p>Non-target lesions: none recorded at baseline.</p>
      )}
      <RadioGroup
        id="newLesions"
        legend="New lesions?"
        options={YES_NO}
        {...fieldProps(form, "newLesions", { setValueAs: (v: unknown) => (v === "yes" || v === "no" ? v : null) })}
      />
      {newLesions === "yes" ? (
        <TextField
          id="newLesionsDescription"
          label="New lesions: site and method"
          {...fieldProps(form, "newLesionsDescription")}
        />
      ) : null}
    </>
  );
}
