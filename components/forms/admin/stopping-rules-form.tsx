"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { updateStoppingRulesAction } from "@/app/admin/actions";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { UpdateStoppingRulesSchema } from "@/lib/schemas/stopping-rules";
import { SettingsFormFrame, useSettingsForm } from "./settings-form";
import { fieldProps } from "@/components/forms/field-props";

type Values = z.input<typeof UpdateStoppingRulesSchema>;
type Parsed = z.output<typeof UpdateStoppingRulesSchema>;

/**
 * The trial's stopping rules, edited with a reason. The server computes the Simon design from
 * the rates (or checks the protocol's own design) and refuses rates for which none exists.
 */
export function StoppingRulesForm({ initial, version }: { initial: Values["settings"]; version: number }) {
  const settingsForm = useSettingsForm<Values, Parsed>(
    zodResolver(UpdateStoppingRulesSchema),
    { settings: initial },
    version,
  );
  const { form } = settingsForm;
  const custom = useWatch({ control: form.control, name: "settings.designChoice" }) === "CUSTOM";
  return (
    <SettingsFormFrame
      label="Stopping rules"
      settingsForm={settingsForm}
      save={() => updateStoppingRulesAction(form.getValues())}
      reason={{ id: "rule-reason", label: "Reason for changing the stopping rules" }}
      submitLabel="Save stopping rules"
    >
      <fieldset className="radio-group">
        <legend>Response: Simon two-stage design</legend>
        <TextField
          id="rule-p0"
          label="Uninteresting response rate p0"
          unit="proportion, 0-1"
          inputMode="decimal"
          {...fieldProps(form, "settings.responseP0")}
        />
        <TextField
          id="rule-p1"
          label="Promising response rate p1"
          unit="proportion, 0-1"
          inputMode="decimal"
          {...fieldProps(form, "settings.responseP1")}
        />
        <TextField
          id="rule-alpha"
          label="Type I error alpha"
          unit="one-sided, 0-1"
          inputMode="decimal"
          {...fieldProps(form, "settings.responseAlpha")}
        />
        <TextField
          id="rule-beta"
          label="Type II error beta"
          unit="1 - power, 0-1"
          inputMode="decimal"
          {...fieldProps(form, "settings.responseBeta")}
        />
        <SelectField id="rule-design" label="Design in force" {...fieldProps(form, "settings.designChoice")}>
          <option value="OPTIMAL">Optimal (smallest expected size under p0)</option>
          <option value="MINIMAX">Minimax (smallest total size)</option>
          <option value="CUSTOM">The protocol&apos;s own design</option>
        </SelectField>
        {custom ? (
          <>
            <TextField
              id="rule-r1"
              label="Stop after stage 1 with at most r1 responders"
              unit="r1, patients"
              type="number"
              {...fieldProps(form, "settings.customR1")}
            />
            <TextField
              id="rule-n1"
              label="Stage 1 size n1"
              unit="evaluable patients"
              type="number"
              {...fieldProps(form, "settings.customN1")}
            />
            <TextField
              id="rule-r"
              label="Reject with at most r responders in total"
              unit="r, patients"
              type="number"
              {...fieldProps(form, "settings.customR")}
            />
            <TextField
              id="rule-n"
              label="Total size n"
              unit="evaluable patients"
              type="number"
              {...fieldProps(form, "settings.customN")}
            />
          </>
        ) : null}
      </fieldset>
      <fieldset className="radio-group">
        <legend>Toxicity: stop if P(DLT rate &gt; θ | data) &gt; c</legend>
        <TextField
          id="rule-theta"
          label="Unacceptable DLT rate θ"
          unit="proportion, 0-1"
          inputMode="decimal"
          {...fieldProps(form, "settings.toxicityTheta")}
        />
        <TextField
          id="rule-threshold"
          label="Stop when the posterior probability exceeds c"
          unit="0-1"
          inputMode="decimal"
          {...fieldProps(form, "settings.toxicityThreshold")}
        />
        <TextField
          id="rule-prior-a"
          label="Beta prior a"
          unit="prior toxicities"
          inputMode="decimal"
          {...fieldProps(form, "settings.toxicityPriorA")}
        />
        <TextField
          id="rule-prior-b"
          label="Beta prior b"
          unit="prior patients without toxicity"
          inputMode="decimal"
          {...fieldProps(form, "settings.toxicityPriorB")}
        />
      </fieldset>
    </SettingsFormFrame>
  );
}
