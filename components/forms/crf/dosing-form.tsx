"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type DefaultValues } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { evaluateDosing } from "@/lib/forms/dosing/compute-dosing";
import { recommendFromContext } from "@/lib/forms/dosing/dose-recommendations";
import { suggestDosingDefaults } from "@/lib/forms/dosing/dosing-history";
import { DosingSchema, type DosingData } from "@/lib/forms/dosing/dosing-schema";
import type { CrfFormProps } from "./crf-form-props";
import { DoseRecommendation } from "./dosing/dose-recommendation";
import { ThalidomideFieldset } from "./dosing/thalidomide-fieldset";
import { UftFieldset } from "./dosing/uft-fieldset";
import { BodyMeasureWarning } from "./body-measure-warning";
import { FormFooter } from "./form-footer";
import { SuggestedValue } from "./suggested-value";
import { toNumberOrNull } from "./field-values";
import { formatNumber } from "./number-input";
import { useCrfSave } from "./use-crf-save";
import { formatDate } from "@/lib/format-date";
import { RecordDateField } from "./record-date-field";
import { fieldProps } from "@/components/forms/field-props";
import { ComputedNote } from "@/components/forms/crf/computed-note";

// Clinical answers start empty: the dose levels and the height are suggested, never pre-entered.
const drugDefaults = () => ({
  doseLevel: undefined,
  status: undefined,
  statusReason: null,
  statusReasonText: "",
  capsulesDispensed: null,
  capsulesReturned: null,
});

const NEW_VISIT_DEFAULTS: DefaultValues<DosingData> = {
  visitDate: "",
  uft: { ...drugDefaults(), prescribedCapsulesPerDose: null, overrideReason: "" },
  thalidomide: drugDefaults(),
};

export function DosingForm(props: CrfFormProps) {
  const form = useForm<DosingData>({
    resolver: zodResolver(DosingSchema),
    defaultValues: (props.record?.data as DosingData | undefined) ?? NEW_VISIT_DEFAULTS,
  });
  const suggested = suggestDosingDefaults(props.context);
  const { formProps, ...footer } = useCrfSave("dosing", props, form);
  const values = useWatch({ control: form.control });
  // The same computation the server stores (lib/forms/dosing -> lib/domain/dosing), live.
  const { computed } = evaluateDosing(values, props.context);
  const { isSubmitting } = form.formState;
  const change = computed.weightChange;
  const recommendations = recommendFromContext(props.context, values.visitDate);

  return (
    <form {...formProps}>
      <RecordDateField form={form} name="visitDate" label="Visit date" today={props.today} />
      <fieldset>
        <legend>Body measurements</legend>
        <div className="inline-form">
          <TextField
            id="weightKg"
            label="Weight at this visit"
            unit="kg"
            type="number"
            step="0.1"
            {...fieldProps(form, "weightKg", { setValueAs: toNumberOrNull })}
          />
          <TextField
            id="heightCm"
            label="Height"
            unit="cm"
            type="number"
            step="0.1"
            {...fieldProps(form, "heightCm", { setValueAs: toNumberOrNull })}
          />
        </div>
        <BodyMeasureWarning control={form.control} register={form.register} />
        {suggested.heightCm !== null ? (
          <SuggestedValue
            label={`${suggested.heightCm} cm`}
            source={suggested.heightSource}
            show={values.heightCm == null}
            onAccept={() => form.setValue("heightCm", suggested.heightCm!, { shouldDirty: true, shouldValidate: true })}
            testId="height-suggestion"
          />
        ) : null}
        <ComputedNote testId="bsa" as="p">
          Body surface area (Mosteller): <strong>{formatNumber(computed.bsaM2Display, 2)} m²</strong>
        </ComputedNote>
        <ComputedNote testId="weight-change">
          {change ? (
            change.message ? (
              <>
                <strong>{change.message}</strong> ({change.previousWeightKg} kg on{" "}
                {formatDate(change.previousVisitDate)}). The dose on this form is already computed from today&apos;s
                weight; check it before prescribing.
              </>
            ) : (
              <>
                Weight change since the dose was set ({change.previousWeightKg} kg on{" "}
                {formatDate(change.previousVisitDate)}): {formatNumber(change.changePct, 1)}%, below the{" "}
                {change.thresholdPct}% recalculation threshold.
              </>
            )
          ) : values.visitDate ? (
            "No earlier dosing visit: this visit sets the dose."
          ) : (
            "Enter the visit date to compare the weight with the previous dosing visit."
          )}
        </ComputedNote>
      </fieldset>
      <UftFieldset
        form={form}
        computed={computed}
        suggestedLevel={suggested.uftLevel}
        levelSource={suggested.levelSource}
      />
      {recommendations ? (
        <DoseRecommendation form={form} drug="uft" name="UFT" recommendation={recommendations.uft} />
      ) : null}
      <ThalidomideFieldset
        form={form}
        computed={computed}
        suggestedLevel={suggested.thalidomideLevel}
        levelSource={suggested.levelSource}
      />
      {recommendations ? (
        <DoseRecommendation
          form={form}
          drug="thalidomide"
          name="Thalidomide"
          recommendation={recommendations.thalidomide}
        />
      ) : null}
      <ComputedNote testId="dosing-summary" as="p" live={false}>
        {computed.summary}
      </ComputedNote>
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
