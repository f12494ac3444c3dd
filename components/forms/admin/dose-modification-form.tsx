"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFieldArray } from "react-hook-form";
import type { z } from "zod";
import { updateDoseModificationAction } from "@/app/admin/actions";
import { FieldError } from "@/components/ui/field-error";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { UpdateDoseModificationSchema } from "@/lib/schemas/safety-settings";
import { SettingsFormFrame, useSettingsForm } from "./settings-form";
import { fieldProps } from "@/components/forms/field-props";

type Values = z.input<typeof UpdateDoseModificationSchema>;
type Parsed = z.output<typeof UpdateDoseModificationSchema>;

const ACTION_LABELS = {
  continue: "Continue",
  reduce: "Reduce one level",
  hold: "Hold until grade ≤ 1",
  discontinue: "Discontinue",
} as const;

/** The protocol's dose-modification table, one row per toxicity and drug, edited with a reason. */
export function DoseModificationForm({ initial, version }: { initial: Parsed["rules"]; version: number }) {
  const settingsForm = useSettingsForm<Values, Parsed>(
    zodResolver(UpdateDoseModificationSchema),
    { rules: initial },
    version,
  );
  const { form } = settingsForm;
  const rows = useFieldArray({ control: form.control, name: "rules" });
  const { errors } = form.formState;
  return (
    <SettingsFormFrame
      label="Dose-modification table"
      settingsForm={settingsForm}
      save={updateDoseModificationAction}
      reason={{ id: "dm-reason", label: "Reason for changing the table" }}
      submitLabel="Save dose-modification table"
    >
      <FieldError id="rules" error={errors.rules?.root?.message ?? errors.rules?.message} />
      {rows.fields.map((row, i) => (
        <fieldset key={row.id} className="radio-group" aria-label={`Rule ${i + 1}`}>
          <legend>Rule {i + 1}</legend>
          <TextField id={`dm-term-${i}`} label="CTCAE term" {...fieldProps(form, `rules.${i}.term`)} />
          <TextField
            id={`dm-grade-${i}`}
            label="From grade"
            unit="CTCAE 1-5"
            type="number"
            {...fieldProps(form, `rules.${i}.minGrade`)}
          />
          <SelectField id={`dm-drug-${i}`} label="Drug" {...fieldProps(form, `rules.${i}.drug`)}>
            <option value="thalidomide">Thalidomide</option>
            <option value="uft">UFT</option>
          </SelectField>
          <SelectField id={`dm-action-${i}`} label="Action" {...fieldProps(form, `rules.${i}.action`)}>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField id={`dm-restart-${i}`} label="Restart rule" {...fieldProps(form, `rules.${i}.restart`)} />
          <button type="button" className="button secondary" onClick={() => rows.remove(i)}>
            Remove rule {i + 1}
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button secondary"
          onClick={() => rows.append({ term: "", minGrade: 3, drug: "uft", action: "hold", restart: "" })}
        >
          Add a rule
        </button>
      </p>
    </SettingsFormFrame>
  );
}
