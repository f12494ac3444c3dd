"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { fieldProps } from "@/components/forms/field-props";
import { TextField } from "@/components/ui/text-field";
import { toNumberOrNull } from "./field-values";

interface NumberFieldProps<Values extends FieldValues, Parsed> {
  form: UseFormReturn<Values, unknown, Parsed>;
  name: Path<Values>;
  /** The input's id when it is not the field's name (kept stable for links to a field). */
  id?: string;
  label: string;
  unit?: string;
  /** "1" for counts and whole years; measurements take any decimal. */
  step?: "any" | "1";
}

/** A measured number on a CRF: empty stays null (never 0), and the field's own error beside it. */
export function NumberField<Values extends FieldValues, Parsed>({
  form,
  name,
  id = name,
  label,
  unit,
  step = "any",
}: NumberFieldProps<Values, Parsed>) {
  return (
    <TextField
      id={id}
      label={label}
      unit={unit}
      type="number"
      step={step}
      {...fieldProps(form, name, { setValueAs: toNumberOrNull })}
    />
  );
}
