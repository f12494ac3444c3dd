"use client";

import type { UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { listDoseLevels } from "@/lib/domain/dosing/dose-levels";
import type { DosingComputed } from "@/lib/forms/dosing/dosing-computed";
import type { DosingData } from "@/lib/forms/dosing/dosing-schema";
import { asNumberOrNull } from "../number-input";
import { ComplianceLine } from "./compliance-line";
import { DrugStatusFields } from "./drug-status-fields";

/** Thalidomide: a fixed dose per level (lib/domain/dosing computeThalidomideDose), status and capsules. */
export function ThalidomideFieldset({ form, computed }: { form: UseFormReturn<DosingData>; computed: DosingComputed }) {
  const errors = form.formState.errors.thalidomide;
  const dose = computed.thalidomide;
  return (
    <fieldset>
      <legend>Thalidomide</legend>
      <SelectField id="thalidomide-doseLevel" label="Thalidomide dose level" error={errors?.doseLevel?.message} {...form.register("thalidomide.doseLevel", { setValueAs: asNumberOrNull })}>
        {listDoseLevels("thalidomide").map((level) => (
          <option key={level.level} value={level.level}>
            {level.level}: {level.label}
          </option>
        ))}
      </SelectField>
      <p className="computed" aria-live="polite" data-testid="thalidomide-dose">
        <span className="computed-badge">computed</span>{" "}
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
      </p>
      <DrugStatusFields form={form} drug="thalidomide" name="Thalidomide" />
      <ComplianceLine drug="thalidomide" accounting={dose} />
    </fieldset>
  );
}
