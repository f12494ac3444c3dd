"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { RadioGroup } from "@/components/ui/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { NumberField } from "./number-field";
import { ECOG_PERFORMANCE_STATUS } from "@/lib/domain/liver/ecog";
import { BaselineSchema, type BaselineData, type BaselineInput } from "@/lib/forms/baseline-form";
import { computeBaselineScores, type BaselineScoreInput } from "@/lib/forms/baseline-scores";
import { ComputedBsa, ComputedChildPugh, ComputedStaging } from "./baseline-computed";
import { BaselineLiverFields, BaselineTumourFields } from "./baseline-sections";
import type { CrfFormProps } from "./crf-form-props";
import { toChoiceOrNull, toNumberOrNull, toTextOrNull } from "./field-values";
import { BodyMeasureWarning } from "./body-measure-warning";
import { FormFooter } from "./form-footer";
import { useCrfSave } from "./use-crf-save";
import { RecordDateField } from "./record-date-field";
import { fieldProps } from "@/components/forms/field-props";

export const POS_NEG = [
  { value: "positive", label: "Positive" },
  { value: "negative", label: "Negative" },
] as const;

const EMPTY: BaselineInput = {
  assessmentDate: "",
  sex: null,
  ageYears: null,
  ethnicity: null,
  heightCm: null,
  weightKg: null,
  ecogPs: null,
  hbsag: null,
  antiHcv: null,
  bilirubin: { value: null, unit: "mg/dL" },
  albumin: { value: null, unit: "g/dL" },
  inr: null,
  ascites: null,
  encephalopathy: null,
  tumourMorphology: null,
  tumourExtentOver50Pct: null,
  afpNgPerMl: null,
  portalVeinInvasion: null,
  noduleCount: null,
  largestNoduleCm: null,
  extrahepaticSpread: null,
  extrahepaticSites: [],
  extrahepaticOtherSite: null,
};

export function BaselineForm(props: CrfFormProps) {
  const form = useForm<BaselineInput, unknown, BaselineData>({
    resolver: zodResolver(BaselineSchema),
    defaultValues: (props.record?.data as BaselineInput | undefined) ?? EMPTY,
  });
  const { formProps, ...footer } = useCrfSave("baseline", props, form);
  const values = useWatch({ control: form.control });
  // The same calculators the server stores from (lib/domain), live as the investigator types.
  const { scores } = computeBaselineScores(values as BaselineScoreInput);
  const { isSubmitting } = form.formState;
  const number = { setValueAs: toNumberOrNull };
  const choice = { setValueAs: toChoiceOrNull };

  return (
    <form {...formProps}>
      <RecordDateField form={form} name="assessmentDate" label="Baseline assessment date" today={props.today} />
      <fieldset className="radio-group">
        <legend>Demographics</legend>
        <RadioGroup
          id="sex"
          legend="Sex"
          options={[
            { value: "female", label: "Female" },
            { value: "male", label: "Male" },
          ]}
          {...fieldProps(form, "sex", choice)}
        />
        <NumberField form={form} name="ageYears" label="Age at consent" unit="years" step="1" />
        <TextField
          id="ethnicity"
          label="Ethnicity (optional)"
          {...fieldProps(form, "ethnicity", { setValueAs: toTextOrNull })}
        />
      </fieldset>
      {/* min-width 0: a fieldset otherwise grows to its longest ECOG description. */}
      <fieldset className="radio-group" style={{ minWidth: 0 }}>
        <legend>Body size and performance status</legend>
        <div className="inline-form">
          <NumberField form={form} name="heightCm" label="Height" unit="cm" />
          <NumberField form={form} name="weightKg" label="Weight" unit="kg" />
        </div>
        <BodyMeasureWarning control={form.control} register={form.register} />
        <ComputedBsa scores={scores} />
        <SelectField
          id="ecogPs"
          label="ECOG performance status"
          style={{ maxWidth: "100%" }}
          {...fieldProps(form, "ecogPs", number)}
        >
          <option value="">Choose...</option>
          {Object.entries(ECOG_PERFORMANCE_STATUS).map(([grade, text]) => (
            <option key={grade} value={grade}>
              {grade}: {text}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="radio-group">
        <legend>Viral hepatitis</legend>
        <RadioGroup id="hbsag" legend="HBsAg" options={POS_NEG} {...fieldProps(form, "hbsag", choice)} />
        <RadioGroup id="antiHcv" legend="Anti-HCV" options={POS_NEG} {...fieldProps(form, "antiHcv", choice)} />
      </fieldset>
      <BaselineLiverFields form={form} />
      <ComputedChildPugh scores={scores} />
      <BaselineTumourFields form={form} />
      <ComputedStaging scores={scores} />
      <FormFooter {...footer} submitting={isSubmitting} />
    </form>
  );
}
