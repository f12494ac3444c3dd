"use client";

import { ComplianceLine } from "./compliance-line";
import { DoseLevelField, type DrugFieldsetProps } from "./dose-level-field";
import { DrugStatusFields } from "./drug-status-fields";
import { ComputedNote } from "@/components/forms/crf/computed-note";

/** Thalidomide: a fixed dose per level (lib/domain/dosing computeThalidomideDose), status and capsules. */
export function ThalidomideFieldset({ form, computed, suggestedLevel, levelSource }: DrugFieldsetProps) {
  const dose = computed.thalidomide;
  return (
    <fieldset>
      <legend>Thalidomide</legend>
      <DoseLevelField
        form={form}
        drug="thalidomide"
        name="Thalidomide"
        suggestedLevel={suggestedLevel}
        levelSource={levelSource}
      />
      <ComputedNote testId="thalidomide-dose" as="p">
        {dose ? (
          <>
            <strong>
              {dose.mgPerDose} mg {dose.dosesPerDay === 2 ? "twice daily" : "once daily"}
            </strong>{" "}
            ({dose.capsulesPerDose} × {dose.capsuleMg} mg capsules per dose, {dose.dailyMg} mg a day)
          </>
        ) : (
          "Choose the dose level."
        )}
      </ComputedNote>
      <DrugStatusFields form={form} drug="thalidomide" name="Thalidomide" />
      <ComplianceLine drug="thalidomide" accounting={dose} />
    </fieldset>
  );
}
