"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { DateField } from "@/components/ui/date-field";
import { fieldProps } from "@/components/forms/field-props";

/**
 * A CRF's own date (the visit, sample, assessment or consent date the form is filed under), first
 * on the form: its id is the field's name and the calendar offers no day after today (the shared
 * schema refuses a future date on save).
 */
export function RecordDateField<T extends FieldValues>({
  form,
  name,
  label,
  today,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  today: string;
}) {
  return <DateField id={name} label={label} max={today} {...fieldProps(form, name)} />;
}
