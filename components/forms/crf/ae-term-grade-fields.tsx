"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { getAllowedGrades, gradeDescription } from "@/lib/domain/ctcae";
import type { AdverseEventData } from "@/lib/forms/adverse-event-schema";
import { AeTermPicker } from "./ae-term-picker";
import { toNumberOrNull } from "./field-values";
import { fieldProps } from "@/components/forms/field-props";

/** The CTCAE term and a grade that term allows, with the grade's CTCAE description. */
export function AeTermGradeFields({ form }: { form: UseFormReturn<AdverseEventData> }) {
  const [term, grade] = useWatch({ control: form.control, name: ["term", "grade"] });
  const allowed = getAllowedGrades(term) ?? [];
  const { errors } = form.formState;
  return (
    <>
      <AeTermPicker
        value={term}
        error={errors.term?.message}
        registration={form.register("term", {
          // CTCAE v5.0: each term has its own grades; a grade the new term lacks is cleared.
          onChange: (event: { target: { value: string } }) => {
            const current = form.getValues("grade");
            if (current !== null && !(getAllowedGrades(event.target.value) ?? []).some((g) => g === current))
              form.setValue("grade", null);
          },
        })}
      />
      <SelectField
        id="grade"
        label="CTCAE grade"
        {...fieldProps(form, "grade", {
          setValueAs: toNumberOrNull,
          onChange: (event: { target: { value: string } }) => {
            if (event.target.value !== "5") form.setValue("deathDate", null);
          },
        })}
      >
        <option value="">{term ? "Choose the grade" : "Choose a term first"}</option>
        {allowed.map((g) => (
          <option key={g} value={g}>
            Grade {g}
          </option>
        ))}
      </SelectField>
      {grade !== null && term ? (
        <p className="muted" data-testid="grade-description">
          Grade {grade}: {gradeDescription(term, grade)}
        </p>
      ) : null}
    </>
  );
}
