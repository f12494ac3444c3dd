"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { DateField } from "@/components/ui/date-field";
import { OUTCOMES, type AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { nullIfEmpty } from "./field-values";

/** The outcome, and the date of death when the event is grade 5. */
export function AeOutcomeFields({ form, today }: { form: UseFormReturn<AdverseEventData>; today: string }) {
  const grade = useWatch({ control: form.control, name: "grade" });
  const { errors } = form.formState;
  return (
    <>
      <SelectField
        id="outcome"
        label="Outcome"
        error={errors.outcome?.message}
        {...form.register("outcome", { setValueAs: nullIfEmpty })}
      >
        <option value="">Choose the outcome</option>
        {OUTCOMES.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      {grade === 5 ? (
        <DateField
          id="deathDate"
          label="Date of death (grade 5)"
          max={today}
          error={errors.deathDate?.message}
          {...form.register("deathDate", { setValueAs: nullIfEmpty })}
        />
      ) : null}
    </>
  );
}
