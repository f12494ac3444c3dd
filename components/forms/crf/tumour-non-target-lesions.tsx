"use client";

import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import type { TumourBaselineData } from "@/lib/forms/tumour-schemas";
import { nextLesionId } from "./tumour-method-options";
import { TumourLesionIdentityFields } from "./tumour-lesion-identity-fields";
import { fieldProps } from "@/components/forms/field-props";

/** Baseline: the non-target lesions, each with its organ and a description. */
export function TumourNonTargetLesions({ form }: { form: UseFormReturn<TumourBaselineData> }) {
  const nonTargets = useFieldArray({ control: form.control, name: "nonTargetLesions" });
  const nonTargetValues = useWatch({ control: form.control, name: "nonTargetLesions" });
  return (
    <section aria-labelledby="non-targets-heading">
      <h2 id="non-targets-heading">Non-target lesions</h2>
      {nonTargets.fields.map((field, i) => {
        const id = nonTargetValues?.[i]?.lesionId;
        return (
          <fieldset key={field.id} className="radio-group">
            <legend>Non-target lesion {id || i + 1}</legend>
            <div className="inline-form">
              <TumourLesionIdentityFields form={form} list="nonTargetLesions" index={i} />
              <TextField
                id={`nonTargetLesions-${i}-description`}
                label="Description"
                {...fieldProps(form, `nonTargetLesions.${i}.description`)}
              />
              <button type="button" className="button secondary" onClick={() => nonTargets.remove(i)}>
                Remove {id || "lesion"}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          nonTargets.append({
            lesionId: nextLesionId(
              "N",
              form.getValues("nonTargetLesions").map((l) => l.lesionId),
            ),
            organ: "",
            description: "",
          })
        }
      >
        Add non-target lesion
      </button>
    </section>
  );
}
