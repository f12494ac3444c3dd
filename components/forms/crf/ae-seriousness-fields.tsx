"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { RadioGroup } from "@/components/ui/choice-group";
import { DateTimeField } from "@/components/ui/date-field";
import { errorIdOf, FieldError } from "@/components/ui/field-error";
import { computeSaeReportDueAt } from "@/lib/forms/adverse-event-rules";
import { SAE_CRITERIA, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { formatLocalDateTime } from "@/lib/format-date";
import { nullIfEmpty, YES_NO } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";
import { ComputedNote } from "@/components/forms/crf/computed-note";

// Typed as shown ("2026-02-04 09:15"), stored as the schema's local date-time ("2026-02-04T09:15").
const toLocalDateTime = (v: unknown) =>
  typeof v === "string" ? nullIfEmpty(v.trim().replace(" ", "T")) : nullIfEmpty(v);

/** Seriousness: the ICH E2A criteria and, for the 24-hour report, when the site became aware. */
export function AeSeriousnessFields({ form }: { form: UseFormReturn<AdverseEventData> }) {
  const serious = useWatch({ control: form.control, name: "serious" });
  const awareAt = useWatch({ control: form.control, name: "awareAt" });
  const { errors } = form.formState;
  const dueAt = serious === "yes" && awareAt ? computeSaeReportDueAt(awareAt) : null;
  return (
    <>
      <RadioGroup
        id="serious"
        legend="Serious adverse event (SAE)?"
        options={YES_NO}
        {...fieldProps(form, "serious", {
          setValueAs: (v: unknown) => (v === "yes" || v === "no" ? v : null),
          // Criteria and awareness belong to serious events only: clear them when the answer is No.
          onChange: (event: { target: { value: string } }) => {
            if (event.target.value !== "no") return;
            for (const c of SAE_CRITERIA) form.setValue(`saeCriteria.${c.key}`, false);
            form.setValue("awareAt", null);
            form.setValue("reportedAt", null);
          },
        })}
      />
      {serious === "yes" ? (
        <>
          <fieldset
            className="radio-group"
            aria-describedby={errors.saeCriteria ? errorIdOf("saeCriteria") : undefined}
          >
            <legend>Seriousness criteria (at least one)</legend>
            {SAE_CRITERIA.map((c) => (
              <CheckboxField
                key={c.key}
                id={`saeCriteria-${c.key}`}
                label={c.label}
                {...form.register(`saeCriteria.${c.key}`, { onChange: () => form.clearErrors("saeCriteria") })}
              />
            ))}
            <FieldError id="saeCriteria" error={errors.saeCriteria?.message} />
          </fieldset>
          <DateTimeField
            id="awareAt"
            label="Site became aware of the SAE"
            note="site time"
            {...fieldProps(form, "awareAt", { setValueAs: toLocalDateTime })}
          />
          <ComputedNote testId="sae-due" as="p">
            SAE report due by{" "}
            <strong>{dueAt ? formatLocalDateTime(dueAt) : "(enter when the site became aware)"}</strong> (24 hours after
            the site became aware)
          </ComputedNote>
          <DateTimeField
            id="reportedAt"
            label="SAE reported to the sponsor"
            note="site time; leave empty until reported"
            {...fieldProps(form, "reportedAt", { setValueAs: toLocalDateTime })}
          />
        </>
      ) : null}
    </>
  );
}
