"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { DateField } from "@/components/ui/date-field";
import { TextField } from "@/components/ui/text-field";
import { IMAGING_TECHNIQUES, minimumMeasurableMm, TARGET_LIMITS } from "@/lib/domain/recist";
import { computeBaselineSumMm } from "@/lib/forms/tumour-response";
import { METHOD_LABELS, TRIAL_RECIST_VERSION, TumourBaselineSchema, type TumourBaselineData } from "@/lib/forms/tumour-schemas";
import type { CrfFormProps } from "./crf-form-props";
import { nullIfEmpty, toNumberOrNull } from "./field-values";
import { FormFooter } from "./form-footer";
import { TumourOrganField } from "./tumour-organ-field";
import { useCrfSave } from "./use-crf-save";


/** The next free id with this prefix: T1, T2... (N1, N2... for non-target lesions). */
function nextLesionId(prefix: "T" | "N", ids: readonly string[]): string {
  const used = ids.map((id) => Number(id.slice(1))).filter(Number.isFinite);
  return `${prefix}${Math.max(0, ...used) + 1}`;
}

function MethodOptions() {
  return (
    <>
      <option value="">Choose the method</option>
      {IMAGING_TECHNIQUES.map((t) => (
        <option key={t} value={t}>
          {METHOD_LABELS[t]}
        </option>
      ))}
    </>
  );
}

export function TumourBaselineForm(props: CrfFormProps) {
  const form = useForm<TumourBaselineData>({

    resolver: zodResolver(TumourBaselineSchema),
    defaultValues: (props.record?.data as TumourBaselineData | undefined) ?? {
      assessmentDate: "",
      method: null,
      targetLesions: [{ lesionId: "T1", organ: "", site: "", method: null, longestDiameterMm: null }],
      nonTargetLesions: [],
    },
  });
  const [lastFormMethod, setLastFormMethod] = useState<TumourBaselineData["method"]>(() => form.getValues("method"));
  const targets = useFieldArray({ control: form.control, name: "targetLesions" });
  const nonTargets = useFieldArray({ control: form.control, name: "nonTargetLesions" });
  const { formProps, ...footer } = useCrfSave("tumour-baseline", props, form);
  const targetValues = useWatch({ control: form.control, name: "targetLesions" });
  // The form's imaging method is each lesion's default: new lesions start with it, and changing
  // it carries along every lesion still on the previous default (a lesion set otherwise keeps its own).
  const cascadeMethod = (next: TumourBaselineData["method"]) => {
    const previous = lastFormMethod;
    form.getValues("targetLesions").forEach((lesion, i) => {
      if (lesion.method === null || lesion.method === previous) form.setValue(`targetLesions.${i}.method`, next, { shouldDirty: true });
    });
    setLastFormMethod(next);
  };
  const sum = computeBaselineSumMm({ targetLesions: targetValues ?? [] });
  const { errors, isSubmitting } = form.formState;
  const listError = errors.targetLesions?.root?.message ?? errors.targetLesions?.message;
  const limits = TARGET_LIMITS[TRIAL_RECIST_VERSION];

  return (
    <form {...formProps}>
      <DateField id="assessmentDate" label="Assessment date" max={props.today} error={errors.assessmentDate?.message} {...form.register("assessmentDate")} />
      <SelectField
        id="method"
        label="Imaging method (copied to each lesion unless changed there)"
        error={errors.method?.message}
        {...form.register("method", { setValueAs: nullIfEmpty, onChange: (event: { target: { value: string } }) => cascadeMethod(nullIfEmpty(event.target.value) as TumourBaselineData["method"]) })}
      >
        <MethodOptions />
      </SelectField>

      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">Target lesions</h2>
        <p className="muted">
          RECIST {TRIAL_RECIST_VERSION}: up to {limits.perOrgan} per organ and {limits.total} in total; measurable when the longest diameter is at least{" "}
          {minimumMeasurableMm(TRIAL_RECIST_VERSION, "ct")} mm ({minimumMeasurableMm(TRIAL_RECIST_VERSION, "spiral-ct")} mm by spiral CT).
        </p>
        {targets.fields.map((field, i) => {
          const e = errors.targetLesions?.[i];
          return (
            <fieldset key={field.id} className="radio-group">
              <legend>Target lesion {targetValues?.[i]?.lesionId || i + 1}</legend>
              <div className="inline-form">
                <TextField id={`targetLesions-${i}-lesionId`} label="Lesion id" error={e?.lesionId?.message} size={4} {...form.register(`targetLesions.${i}.lesionId`)} />
                <TumourOrganField form={form} name={`targetLesions.${i}.organ`} id={`targetLesions-${i}-organ`} error={e?.organ?.message} />
                <TextField id={`targetLesions-${i}-site`} label="Site description" error={e?.site?.message} {...form.register(`targetLesions.${i}.site`)} />
                <SelectField id={`targetLesions-${i}-method`} label="Method" error={e?.method?.message} {...form.register(`targetLesions.${i}.method`, { setValueAs: nullIfEmpty })}>
                  <MethodOptions />
                </SelectField>
                <TextField
                  id={`targetLesions-${i}-longestDiameterMm`}
                  label="Longest diameter"
                  unit="mm"
                  type="number"
                  step="0.1"
                  min={0}
                  error={e?.longestDiameterMm?.message}
                  {...form.register(`targetLesions.${i}.longestDiameterMm`, { setValueAs: toNumberOrNull })}
                />
                <button type="button" className="button secondary" onClick={() => targets.remove(i)}>
                  Remove {targetValues?.[i]?.lesionId || "lesion"}
                </button>
              </div>
            </fieldset>
          );
        })}
        {listError ? (
          <p className="field-error" role="alert" id="targetLesions-error">
            {listError}
          </p>
        ) : null}
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            targets.append({ lesionId: nextLesionId("T", form.getValues("targetLesions").map((l) => l.lesionId)), organ: "", site: "", method: form.getValues("method"), longestDiameterMm: null })
          }
        >
          Add target lesion
        </button>
        <p className="computed" aria-live="polite" data-testid="baseline-sum">
          <span className="computed-badge">computed</span> Baseline sum of longest diameters: <strong>{sum === null ? "—" : `${sum} mm`}</strong>
          {sum === null ? " (computed once every diameter is entered)" : null}
        </p>
      </section>

      <section aria-labelledby="non-targets-heading">
        <h2 id="non-targets-heading">Non-target lesions</h2>
        {nonTargets.fields.map((field, i) => {
          const e = errors.nonTargetLesions?.[i];
          const id = form.getValues(`nonTargetLesions.${i}.lesionId`);
          return (
            <fieldset key={field.id} className="radio-group">
              <legend>Non-target lesion {id || i + 1}</legend>
              <div className="inline-form">
                <TextField id={`nonTargetLesions-${i}-lesionId`} label="Lesion id" error={e?.lesionId?.message} size={4} {...form.register(`nonTargetLesions.${i}.lesionId`)} />
                <TumourOrganField form={form} name={`nonTargetLesions.${i}.organ`} id={`nonTargetLesions-${i}-organ`} error={e?.organ?.message} />
                <TextField id={`nonTargetLesions-${i}-description`} label="Description" error={e?.description?.message} {...form.register(`nonTargetLesions.${i}.description`)} />
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
          onClick={() => nonTargets.append({ lesionId: nextLesionId("N", form.getValues("nonTargetLesions").map((l) => l.lesionId)), organ: "", description: "" })}
        >
          Add non-target lesion
        </button>
      </section>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
