"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useForm, useWatch } from "react-hook-form";
import { RadioGroup } from "@/components/ui/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { DateField } from "@/components/ui/date-field";
import { TextField } from "@/components/ui/text-field";
import { IMAGING_TECHNIQUES, labelNonTargetResponse, labelResponse, RESPONSES } from "@/lib/domain/recist";
import { evaluateFollowUp, findBaselineAssessment } from "@/lib/forms/tumour-response";
import { LESION_STATUSES, METHOD_LABELS, TRIAL_RECIST_VERSION, TumourAssessmentSchema, type TumourAssessmentData } from "@/lib/forms/tumour-schemas";
import type { CrfFormProps } from "./crf-form-props";
import { nullIfEmpty, toNumberOrNull, YES_NO } from "./field-values";
import { FormFooter } from "./form-footer";
import { TumourResponsePanel } from "./tumour-response-panel";
import { useCrfSave } from "./use-crf-save";

const NON_TARGET_CHOICES = ["CR", "NON_CR_NON_PD", "PD", "NE"] as const;

/** Every baseline target lesion has a status, and a diameter when measured: only then are sums and responses shown. */
function measurementsComplete(values: Partial<TumourAssessmentData>): boolean {
  const measurements = values.measurements ?? [];
  return measurements.length > 0 && measurements.every((m) => m.status != null && (m.status !== "measured" || (m.diameterMm != null && !Number.isNaN(m.diameterMm))));
}

export function TumourAssessmentForm(props: CrfFormProps) {
  const baseline = findBaselineAssessment(props.context);
  const hasNonTarget = (baseline?.nonTargetLesions.length ?? 0) > 0;
  const form = useForm<TumourAssessmentData>({

    resolver: zodResolver(TumourAssessmentSchema),
    // A new follow-up lists the baseline target lesions, in baseline order, to be re-measured.
    defaultValues: (props.record?.data as TumourAssessmentData | undefined) ?? {
      assessmentDate: "",
      method: baseline?.method ?? null,
      measurements: (baseline?.targetLesions ?? []).map((l) => ({ lesionId: l.lesionId, status: null, diameterMm: null })),
      nonTargetStatus: hasNonTarget ? null : "ABSENT",
      newLesions: null,
      newLesionsDescription: "",
      override: { response: null, reason: "" },
    },
  });
  const { formProps, ...footer } = useCrfSave("tumour-assessment", props, form);
  const values = useWatch({ control: form.control }) as TumourAssessmentData;
  const evaluation = evaluateFollowUp(values, props.context);
  const { errors, isSubmitting } = form.formState;
  const measurementsError = errors.measurements?.root?.message ?? errors.measurements?.message;

  return (
    <form {...formProps}>
      {baseline ? null : (
        <p className="form-error">
          No baseline tumour assessment yet: <Link href={`/patients/${props.patientId}/forms/tumour-baseline?visit=baseline-imaging`}>record the baseline lesions</Link> first.
        </p>
      )}
      <DateField id="assessmentDate" label="Assessment date" max={props.today} error={errors.assessmentDate?.message} {...form.register("assessmentDate")} />
      <SelectField id="method" label="Imaging method" error={errors.method?.message} {...form.register("method", { setValueAs: nullIfEmpty })}>
        <option value="">Choose the method</option>
        {IMAGING_TECHNIQUES.map((t) => (
          <option key={t} value={t}>
            {METHOD_LABELS[t]}
          </option>
        ))}
      </SelectField>

      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">Target lesions (from baseline)</h2>
        {(values.measurements ?? []).map((m, i) => {
          const lesion = baseline?.targetLesions.find((l) => l.lesionId === m.lesionId);
          const e = errors.measurements?.[i];
          return (
            <fieldset key={m.lesionId} className="radio-group">
              <legend>
                {m.lesionId}
                {lesion ? `: ${lesion.organ}${lesion.site ? `, ${lesion.site}` : ""} (baseline ${lesion.longestDiameterMm} mm)` : ""}
              </legend>
              <div className="inline-form">
                <SelectField
                  id={`measurements-${i}-status`}
                  label={`${m.lesionId} status`}
                  error={e?.status?.message}
                  {...form.register(`measurements.${i}.status`, {
                    setValueAs: nullIfEmpty,
                    onChange: (event: { target: { value: string } }) => event.target.value !== "measured" && form.setValue(`measurements.${i}.diameterMm`, null),
                  })}
                >
                  <option value="">Choose</option>
                  {LESION_STATUSES.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </SelectField>
                {/* Typing a diameter means the lesion was measured: no separate choice needed. */}
                <TextField
                  id={`measurements-${i}-diameterMm`}
                  label={`${m.lesionId} longest diameter`}
                  unit="mm"
                  type="number"
                  step="0.1"
                  min={0}
                  error={e?.diameterMm?.message}
                  {...form.register(`measurements.${i}.diameterMm`, {
                    setValueAs: toNumberOrNull,
                    onChange: (event: { target: { value: string } }) =>
                      event.target.value !== "" && form.getValues(`measurements.${i}.status`) !== "measured" && form.setValue(`measurements.${i}.status`, "measured", { shouldDirty: true }),
                  })}
                />
              </div>
            </fieldset>
          );
        })}
        {measurementsError ? (
          <p className="field-error" role="alert" id="measurements-error">
            {measurementsError}
          </p>
        ) : null}
      </section>

      {hasNonTarget ? (
        <SelectField id="nonTargetStatus" label="Non-target lesions overall" error={errors.nonTargetStatus?.message} {...form.register("nonTargetStatus", { setValueAs: nullIfEmpty })}>
          <option value="">Choose</option>
          {NON_TARGET_CHOICES.map((r) => (
            <option key={r} value={r}>
              {labelNonTargetResponse(TRIAL_RECIST_VERSION, r)}
            </option>
          ))}
        </SelectField>
      ) : (
        <p>Non-target lesions: none recorded at baseline.</p>
      )}
      <RadioGroup id="newLesions" legend="New lesions?" options={YES_NO} error={errors.newLesions?.message} {...form.register("newLesions", { setValueAs: (v: unknown) => (v === "yes" || v === "no" ? v : null) })} />
      {values.newLesions === "yes" ? (
        <TextField id="newLesionsDescription" label="New lesions: site and method" error={errors.newLesionsDescription?.message} {...form.register("newLesionsDescription")} />
      ) : null}

      <TumourResponsePanel evaluation={evaluation} inputsComplete={measurementsComplete(values)} />

      <fieldset className="radio-group">
        <legend>Investigator override (optional)</legend>
        <SelectField id="override-response" label="Investigator's timepoint response" error={errors.override?.response?.message} {...form.register("override.response", { setValueAs: nullIfEmpty, onChange: () => form.clearErrors("override") })}>
          <option value="">No override: use the computed response</option>
          {RESPONSES.map((r) => (
            <option key={r} value={r}>
              {labelResponse(r)}
            </option>
          ))}
        </SelectField>
        <TextField id="override-reason" label="Reason for the override" error={errors.override?.reason?.message} maxLength={500} {...form.register("override.reason")} />
        {evaluation && measurementsComplete(values) ? (
          <p data-testid="response-used">
            Response recorded: <strong>{evaluation.response}</strong>
            {evaluation.overridden ? ` (investigator override; computed ${evaluation.computedResponse})` : " (computed)"}
          </p>
        ) : null}
      </fieldset>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
