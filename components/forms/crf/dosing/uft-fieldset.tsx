"use client";

import { TextField } from "@/components/ui/text-field";
import { toNumberOrNull } from "../field-values";
import { formatNumber } from "../number-input";
import { ComplianceLine } from "./compliance-line";
import { DoseLevelField, type DrugFieldsetProps } from "./dose-level-field";
import { DrugStatusFields } from "./drug-status-fields";
import { fieldProps } from "@/components/forms/field-props";
import { ComputedNote } from "@/components/forms/crf/computed-note";

/** UFT: dose level, the BSA-based dose computed live, the prescriber's override, status and capsules. */
export function UftFieldset({ form, computed, suggestedLevel, levelSource }: DrugFieldsetProps) {
  const uft = computed.uft;
  return (
    <fieldset>
      <legend>UFT (tegafur/uracil), twice daily</legend>
      <DoseLevelField form={form} drug="uft" name="UFT" suggestedLevel={suggestedLevel} levelSource={levelSource} />
      <ComputedNote testId="uft-dose">
        {uft ? (
          <>
            <strong>
              {uft.computedCapsulesPerDose} capsules ({uft.roundedMg} mg tegafur) per dose, twice daily
            </strong>
            <br />
            {uft.mgPerM2} mg/m² × {formatNumber(computed.bsaM2, 2)} m² = {formatNumber(uft.rawMg, 1)} mg; rounded to{" "}
            {uft.roundedMg} mg ({uft.rule}); {uft.capsuleMg} mg tegafur per capsule
          </>
        ) : (
          "Enter weight, height and the dose level to compute the dose."
        )}
      </ComputedNote>
      <TextField
        id="uft-prescribedCapsulesPerDose"
        label="Prescribed capsules per dose (only to override the computed dose)"
        unit="capsules"
        type="number"
        min={1}
        step={1}
        {...fieldProps(form, "uft.prescribedCapsulesPerDose", { setValueAs: toNumberOrNull })}
      />
      {uft?.overridden ? (
        <TextField
          id="uft-overrideReason"
          label={`Reason for prescribing ${uft.capsulesPerDose} instead of the computed ${uft.computedCapsulesPerDose} capsules`}
          maxLength={500}
          {...fieldProps(form, "uft.overrideReason")}
        />
      ) : null}
      <DrugStatusFields form={form} drug="uft" name="UFT" />
      <ComplianceLine drug="uft" accounting={uft} />
    </fieldset>
  );
}
