"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { getDoseLevel, listDoseLevels, type Drug } from "@/lib/domain/dosing/dose-levels";
import type { DosingComputed } from "@/lib/forms/dosing/dosing-computed";
import type { DosingData } from "@/lib/forms/dosing/dosing-schema";
import { toNumberOrNull } from "../field-values";
import { SuggestedValue } from "../suggested-value";
import { fieldProps } from "@/components/forms/field-props";

/** What each drug's fieldset on the dosing form is given. */
export interface DrugFieldsetProps {
  form: UseFormReturn<DosingData>;
  computed: DosingComputed;
  /** The level the protocol or the previous visit suggests; offered, never pre-selected. */
  suggestedLevel: number;
  levelSource: string;
}

type Props = Omit<DrugFieldsetProps, "computed"> & { drug: Drug; name: string };

/** The drug's dose level from the protocol's table, empty until chosen, with the suggested level one click away. */
export function DoseLevelField({ form, drug, name, suggestedLevel, levelSource }: Props) {
  const field = `${drug}.doseLevel` as const;
  const chosen = useWatch({ control: form.control, name: field });
  const suggestion = getDoseLevel(drug, suggestedLevel);
  return (
    <>
      <SelectField
        id={`${drug}-doseLevel`}
        label={`${name} dose level`}
        {...fieldProps(form, field, { setValueAs: toNumberOrNull })}
      >
        <option value="">Choose...</option>
        {listDoseLevels(drug).map((level) => (
          <option key={level.level} value={level.level}>
            {level.level}: {level.label}
          </option>
        ))}
      </SelectField>
      {suggestion ? (
        <SuggestedValue
          label={`level ${suggestion.level}`}
          source={levelSource}
          show={chosen == null || Number.isNaN(chosen)}
          onAccept={() => form.setValue(field, suggestion.level, { shouldDirty: true, shouldValidate: true })}
          testId={`${drug}-level-suggestion`}
        />
      ) : null}
    </>
  );
}
