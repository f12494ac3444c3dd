"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { updateStudySettingsAction } from "@/app/admin/actions";
import { CheckboxGroup } from "@/components/ui/choice-group";
import { TextField } from "@/components/ui/text-field";
import { UpdateStudySettingsSchema } from "@/lib/schemas/study-settings";
import { SettingsFormFrame, useSettingsForm } from "./settings-form";
import { fieldProps } from "@/components/forms/field-props";

type Values = z.input<typeof UpdateStudySettingsSchema>;
type Parsed = z.output<typeof UpdateStudySettingsSchema>;

interface Props {
  initial: Values["settings"];
  version: number;
  visitForms: readonly { value: string; label: string }[];
}

/**
 * The study settings, edited with a reason; every field's error is shown beside it. The
 * browser validates with the shared schema, then sends the values as typed: the server parses
 * them again (the panel is comma-separated text until parsed).
 */
export function StudySettingsForm({ initial, version, visitForms }: Props) {
  const settingsForm = useSettingsForm<Values, Parsed>(
    zodResolver(UpdateStudySettingsSchema),
    { settings: initial },
    version,
  );
  const { form } = settingsForm;
  const { errors } = form.formState;
  const s = errors.settings;
  return (
    <SettingsFormFrame
      label="Study settings"
      settingsForm={settingsForm}
      save={() => updateStudySettingsAction(form.getValues())}
      reason={{ id: "study-reason", label: "Reason for the change" }}
      submitLabel="Save study settings"
    >
      <TextField id="study-name" label="Study name" {...fieldProps(form, "settings.name")} />
      <TextField id="study-protocol" label="Protocol code" {...fieldProps(form, "settings.protocolCode")} />
      <TextField
        id="study-visit-interval"
        label="Visit interval"
        unit="days, whole weeks"
        type="number"
        {...fieldProps(form, "settings.visitIntervalDays")}
      />
      <TextField
        id="study-imaging-interval"
        label="Imaging interval"
        unit="days"
        type="number"
        {...fieldProps(form, "settings.imagingIntervalDays")}
      />
      <TextField
        id="study-window"
        label="Visit window, overdue after"
        unit="days after the due date"
        type="number"
        {...fieldProps(form, "settings.windowDays")}
      />
      <CheckboxGroup
        id="study-visit-forms"
        legend="Forms at every visit"
        options={visitForms}
        error={s?.visitForms?.message ?? s?.visitForms?.root?.message}
        {...form.register("settings.visitForms")}
      />
      <CheckboxGroup
        id="study-imaging-forms"
        legend="Additional forms at imaging visits"
        options={visitForms}
        error={s?.imagingForms?.message ?? s?.imagingForms?.root?.message}
        {...form.register("settings.imagingForms")}
      />
      <TextField
        id="study-cytokines"
        label="Baseline cytokine panel"
        unit="analyte names, comma-separated"
        {...fieldProps(form, "settings.cytokinePanel")}
      />
    </SettingsFormFrame>
  );
}
