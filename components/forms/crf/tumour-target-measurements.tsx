"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { findBaselineAssessment } from "@/lib/forms/tumour-response";
import { LESION_STATUSES, type TumourAssessmentData } from "@/lib/forms/tumour-schemas";
import { nullIfEmpty, toNumberOrNull } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

type Baseline = ReturnType<typeof findBaselineAssessment>;

/** Follow-up: each baseline target lesion re-measured, with its status and longest diameter. */
export function TumourTargetMeasurements({
  form,
  baseline,
}: {
  form: UseFormReturn<TumourAssessmentData>;
  baseline: Baseline;
}) {
  const measurements = useWatch({ control: form.control, name: "measurements" }) ?? [];
  const { errors } = form.formState;
  const measurementsError = errors.measurements?.root?.message ?? errors.measurements?.message;
  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">Target lesions (from baseline)</h2>
      {measurements.map((m, i) => {
        const lesion = baseline?.targetLesions.find((l) => l.lesionId === m.lesionId);
        return (
          <fieldset key={m.lesionId} className="radio-group">
            <legend>
              {m.lesionId}
              {lesion
                ? `: ${lesion.organ}${lesion.site ? `, ${lesion.site}` : ""} (baseline ${lesion.longestDiameterMm} mm)`
                : ""}
            </legend>
            <div className="inline-form">
              <SelectField
                id={`measurements-${i}-status`}
                label={`${m.lesionId} status`}
                {...fieldProps(form, `measurements.${i}.status`, {
                  setValueAs: nullIfEmpty,
                  onChange: (event: { target: { value: string } }) =>
                    event.target.value !== "measured" && form.setValue(`measurements.${i}.diameterMm`, null),
                })}
              >
                <option value="">Choose</option>
                <Options options={LESION_STATUSES} />
              </SelectField>
              {/* Typing a diameter means the lesion was measured: no separate choice needed. */}
              <TextField
                id={`measurements-${i}-diameterMm`}
                label={`${m.lesionId} longest diameter`}
                unit="mm"
                type="number"
                step="0.1"
                min={0}
                {...fieldProps(form, `measurements.${i}.diameterMm`, {
                  setValueAs: toNumberOrNull,
                  onChange: (event: { target: { value: string } }) =>
                    event.target.value !== "" &&
                    form.getValues(`measurements.${i}.status`) !== "measured" &&
                    form.setValue(`measurements.${i}.status`, "measured", { shouldDirty: true }),
                })}
              />
            </div>
          </fieldset>
        );
      })}
      <FieldError id="measurements" error={measurementsError} />
    </section>
  );
}
