"use client";

import type { UseFormReturn } from "react-hook-form";
import { CheckboxGroup, RadioGroup } from "@/components/ui/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { NumberField } from "./number-field";
import {
  ALBUMIN_UNITS,
  BILIRUBIN_UNITS,
  EXTRAHEPATIC_SITES,
  type BaselineData,
  type BaselineInput,
} from "@/lib/forms/baseline-form";
import { toChoiceOrNull, toTextOrNull, YES_NO } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

type Form = UseFormReturn<BaselineInput, unknown, BaselineData>;

const SITE_LABELS: Record<(typeof EXTRAHEPATIC_SITES)[number], string> = {
  lung: "Lung",
  "lymph-nodes": "Lymph nodes",
  bone: "Bone",
  adrenal: "Adrenal",
  peritoneum: "Peritoneum",
  other: "Other",
};
const choice = { setValueAs: toChoiceOrNull };

/** Child-Pugh inputs (Pugh 1973), lab values in the unit the report gives. */
export function BaselineLiverFields({ form }: { form: Form }) {
  return (
    <fieldset className="radio-group">
      <legend>Liver function (Child-Pugh)</legend>
      <div className="inline-form">
        <NumberField form={form} name="bilirubin.value" id="bilirubin-value" label="Total bilirubin" />
        <SelectField id="bilirubin-unit" label="Bilirubin unit" {...form.register("bilirubin.unit")}>
          <Options values={BILIRUBIN_UNITS} />
        </SelectField>
        <NumberField form={form} name="albumin.value" id="albumin-value" label="Serum albumin" />
        <SelectField id="albumin-unit" label="Albumin unit" {...form.register("albumin.unit")}>
          <Options values={ALBUMIN_UNITS} />
        </SelectField>
        <NumberField form={form} name="inr" label="INR" unit="ratio" />
      </div>
      <div className="inline-form">
        <SelectField id="ascites" label="Ascites" {...fieldProps(form, "ascites", choice)}>
          <option value="">Choose...</option>
          <option value="none">None</option>
          <option value="mild">Mild</option>
          <option value="moderate-severe">Moderate to severe</option>
        </SelectField>
        <SelectField id="encephalopathy" label="Hepatic encephalopathy" {...fieldProps(form, "encephalopathy", choice)}>
          <option value="">Choose...</option>
          <option value="none">None</option>
          <option value="grade-1-2">Grade 1-2</option>
          <option value="grade-3-4">Grade 3-4</option>
        </SelectField>
      </div>
    </fieldset>
  );
}

/** Tumour burden for CLIP (CLIP 1998) and BCLC (Reig 2022). */
export function BaselineTumourFields({ form }: { form: Form }) {
  return (
    <fieldset className="radio-group">
      <legend>Tumour (CLIP and BCLC)</legend>
      <SelectField id="tumourMorphology" label="Tumour morphology" {...fieldProps(form, "tumourMorphology", choice)}>
        <option value="">Choose...</option>
        <option value="uninodular">Uninodular</option>
        <option value="multinodular">Multinodular</option>
        <option value="massive">Massive</option>
      </SelectField>
      <RadioGroup
        id="tumourExtentOver50Pct"
        legend="Tumour replaces more than 50% of the liver"
        options={YES_NO}
        {...fieldProps(form, "tumourExtentOver50Pct", choice)}
      />
      <div className="inline-form">
        <NumberField form={form} name="afpNgPerMl" label="Alpha-fetoprotein (AFP)" unit="ng/mL" />
        <NumberField form={form} name="noduleCount" label="Number of nodules" unit="count" step="1" />
        <NumberField form={form} name="largestNoduleCm" label="Largest nodule diameter" unit="cm" />
      </div>
      <RadioGroup
        id="portalVeinInvasion"
        legend="Portal vein invasion or thrombosis"
        options={YES_NO}
        {...fieldProps(form, "portalVeinInvasion", choice)}
      />
      <RadioGroup
        id="extrahepaticSpread"
        legend="Extrahepatic spread"
        options={YES_NO}
        {...fieldProps(form, "extrahepaticSpread", choice)}
      />
      <CheckboxGroup
        id="extrahepaticSites"
        legend="Sites of extrahepatic spread"
        options={EXTRAHEPATIC_SITES.map((site) => ({ value: site, label: SITE_LABELS[site] }))}
        {...fieldProps(form, "extrahepaticSites")}
      />
      <TextField
        id="extrahepaticOtherSite"
        label="Other site (if Other)"
        {...fieldProps(form, "extrahepaticOtherSite", { setValueAs: toTextOrNull })}
      />
    </fieldset>
  );
}
