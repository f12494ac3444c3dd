"use client";

import type { UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { ACTIONS, AE_DRUGS, ATTRIBUTIONS, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { nullIfEmpty } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { Options } from "@/components/ui/options";

/** Per study drug: how related the event is, and what was done with the drug. */
export function AeAttributionFields({ form }: { form: UseFormReturn<AdverseEventData> }) {
  return (
    <>
      {AE_DRUGS.map((drug) => (
        <fieldset key={drug.key} className="radio-group">
          <legend>{drug.label}</legend>
          <SelectField
            id={`attribution-${drug.key}`}
            label={`Attribution to ${drug.label}`}
            {...fieldProps(form, `attribution.${drug.key}`, { setValueAs: nullIfEmpty })}
          >
            <option value="">Choose</option>
            <Options options={ATTRIBUTIONS} />
          </SelectField>
          <SelectField
            id={`actionTaken-${drug.key}`}
            label={`Action taken with ${drug.label}`}
            {...fieldProps(form, `actionTaken.${drug.key}`, { setValueAs: nullIfEmpty })}
          >
            <option value="">Choose</option>
            <Options options={ACTIONS} />
          </SelectField>
        </fieldset>
      ))}
    </>
  );
}
