"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useForm, useWatch } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { evaluateFollowUp, findBaselineAssessment } from "@/lib/forms/tumour-response";
import { TumourAssessmentSchema, type TumourAssessmentData } from "@/lib/forms/tumour-schemas";
import type { CrfFormProps } from "./crf-form-props";
import { nullIfEmpty } from "./field-values";
import { FormFooter } from "./form-footer";
import { MethodOptions } from "./tumour-method-options";
import { TumourNonTargetFields } from "./tumour-non-target-fields";
import { TumourOverrideFields } from "./tumour-override-fields";
import { TumourResponsePanel } from "./tumour-response-panel";
import { TumourTargetMeasurements } from "./tumour-target-measurements";
import { useCrfSave } from "./use-crf-save";
import { RecordDateField } from "./record-date-field";
import { fieldProps } from "@/components/forms/field-props";

/** Every baseline target lesion has a status, and a diameter when measured: only then are sums and responses shown. */
function measurementsComplete(values: Partial<TumourAssessmentData>): boolean {
  const measurements = values.measurements ?? [];
  return (
    measurements.length > 0 &&
    measurements.every(
      (m) => m.status != null && (m.status !== "measured" || (m.diameterMm != null && !Number.isNaN(m.diameterMm))),
    )
  );
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
      measurements: (baseline?.targetLesions ?? []).map((l) => ({
        lesionId: l.lesionId,
        status: null,
        diameterMm: null,
      })),
      nonTargetStatus: hasNonTarget ? null : "ABSENT",
      newLesions: null,
      newLesionsDescription: "",
      override: { response: null, reason: "" },
    },
  });
  const { formProps, ...footer } = useCrfSave("tumour-assessment", props, form);
  const values = useWatch({ control: form.control }) as TumourAssessmentData;
  const evaluation = evaluateFollowUp(values, props.context);
  const inputsComplete = measurementsComplete(values);
  const { isSubmitting } = form.formState;

  return (
    <form {...formProps}>
      {baseline ? null : (
        <p className="form-error">
          No baseline tumour assessment yet:{" "}
          <Link href={`/patients/${props.patientId}/forms/tumour-baseline?visit=baseline-imaging`}>
            record the baseline lesions
          </Link>{" "}
          first.
        </p>
      )}
      <RecordDateField form={form} name="assessmentDate" label="Assessment date" today={props.today} />
      <SelectField id="method" label="Imaging method" {...fieldProps(form, "method", { setValueAs: nullIfEmpty })}>
        <MethodOptions />
      </SelectField>

      <TumourTargetMeasurements form={form} baseline={baseline} />
      <TumourNonTargetFields form={form} hasNonTarget={hasNonTarget} />
      <TumourResponsePanel evaluation={evaluation} inputsComplete={inputsComplete} />
      <TumourOverrideFields form={form} evaluation={evaluation} inputsComplete={inputsComplete} />
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
