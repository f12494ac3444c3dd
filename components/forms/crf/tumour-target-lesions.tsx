"use client";

import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { minimumMeasurableMm, TARGET_LIMITS } from "@/lib/domain/recist";
import { computeBaselineSumMm } from "@/lib/forms/tumour-response";
import { TRIAL_RECIST_VERSION, type TumourBaselineData } from "@/lib/forms/tumour-schemas";
import { MethodOptions, nextLesionId } from "./tumour-method-options";
import { TumourLesionIdentityFields } from "./tumour-lesion-identity-fields";
import { nullIfEmpty, toNumberOrNull } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { ComputedNote } from "@/components/forms/crf/computed-note";

/** Baseline: the target lesions (added and removed here) and their computed sum of diameters. */
export function TumourTargetLesions({ form }: { form: UseFormReturn<TumourBaselineData> }) {
  const targets = useFieldArray({ control: form.control, name: "targetLesions" });
  const targetValues = useWatch({ control: form.control, name: "targetLesions" });
  const sum = computeBaselineSumMm({ targetLesions: targetValues ?? [] });
  const { errors } = form.formState;
  const listError = errors.targetLesions?.root?.message ?? errors.targetLesions?.message;
  const limits = TARGET_LIMITS[TRIAL_RECIST_VERSION];
  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">Target lesions</h2>
      <p className="muted">
        RECIST {TRIAL_RECIST_VERSION}: up to {limits.perOrgan} per organ and {limits.total} in total; measurable when
        the longest diameter is at least {minimumMeasurableMm(TRIAL_RECIST_VERSION, "ct")} mm (
        {minimumMeasurableMm(TRIAL_RECIST_VERSION, "spiral-ct")} mm by spiral CT).
      </p>
      {targets.fields.map((field, i) => {
        return (
          <fieldset key={field.id} className="radio-group">
            <legend>Target lesion {targetValues?.[i]?.lesionId || i + 1}</legend>
            <div className="inline-form">
              <TumourLesionIdentityFields form={form} list="targetLesions" index={i} />
              <TextField
                id={`targetLesions-${i}-site`}
                label="Site description"
                {...fieldProps(form, `targetLesions.${i}.site`)}
              />
              <SelectField
                id={`targetLesions-${i}-method`}
                label="Method"
                {...fieldProps(form, `targetLesions.${i}.method`, { setValueAs: nullIfEmpty })}
              >
                <MethodOptions />
              </SelectField>
              <TextField
                id={`targetLesions-${i}-longestDiameterMm`}
                label="Longest diameter"
                unit="mm"
                type="number"
                step="0.1"
                min={0}
                {...fieldProps(form, `targetLesions.${i}.longestDiameterMm`, { setValueAs: toNumberOrNull })}
              />
              <button type="button" className="button secondary" onClick={() => targets.remove(i)}>
                Remove {targetValues?.[i]?.lesionId || "lesion"}
              </button>
            </div>
          </fieldset>
        );
      })}
      <FieldError id="targetLesions" error={listError} />
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          targets.append({
            lesionId: nextLesionId(
              "T",
              form.getValues("targetLesions").map((l) => l.lesionId),
            ),
            organ: "",
            site: "",
            method: form.getValues("method"),
            longestDiameterMm: null,
          })
        }
      >
        Add target lesion
      </button>
      <ComputedNote testId="baseline-sum" as="p">
        Baseline sum of longest diameters: <strong>{sum === null ? "—" : `${sum} mm`}</strong>
        {sum === null ? " (computed once every diameter is entered)" : null}
      </ComputedNote>
    </section>
  );
}
