"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { updatePregnancyPreventionAction } from "@/app/admin/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { UpdatePregnancyPreventionSchema } from "@/lib/schemas/safety-settings";
import { SettingsFormFrame, useSettingsForm } from "./settings-form";
import { fieldProps } from "@/components/forms/field-props";

type Values = z.input<typeof UpdatePregnancyPreventionSchema>;
type Parsed = z.output<typeof UpdatePregnancyPreventionSchema>;

/** The thalidomide pregnancy prevention rules, edited with a reason; the dosing form applies them from the next save. */
export function PregnancyPreventionForm({ initial, version }: { initial: Parsed["rules"]; version: number }) {
  const settingsForm = useSettingsForm<Values, Parsed>(
    zodResolver(UpdatePregnancyPreventionSchema),
    { rules: initial },
    version,
  );
  const { form } = settingsForm;
  return (
    <SettingsFormFrame
      label="Pregnancy prevention rules"
      settingsForm={settingsForm}
      save={updatePregnancyPreventionAction}
      reason={{ id: "pp-reason", label: "Reason for changing the rules" }}
      submitLabel="Save pregnancy prevention rules"
    >
      <fieldset className="radio-group">
        <legend>Female patients of reproductive potential</legend>
        <TextField
          id="pp-window"
          label="Negative pregnancy test within this long before the first dose"
          unit="hours"
          type="number"
          {...fieldProps(form, "rules.firstDoseTestWindowHours")}
        />
        <TextField
          id="pp-retest"
          label="A new negative test before a dispensing when the last is older than"
          unit="days"
          type="number"
          {...fieldProps(form, "rules.retestIntervalDays")}
        />
        <CheckboxField
          id="pp-counselling"
          label="Counselling on pregnancy prevention must be confirmed"
          {...fieldProps(form, "rules.counsellingRequired")}
        />
      </fieldset>
      <fieldset className="radio-group">
        <legend>Every patient</legend>
        <CheckboxField
          id="pp-male-counselling"
          label="Men: counselling on contraception must be recorded"
          {...fieldProps(form, "rules.maleCounsellingRequired")}
        />
        <TextField
          id="pp-supply"
          label="Largest supply per dispensing"
          unit="days"
          type="number"
          {...fieldProps(form, "rules.maxSupplyDays")}
        />
      </fieldset>
    </SettingsFormFrame>
  );
}
