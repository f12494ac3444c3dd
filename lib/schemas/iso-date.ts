import { z } from "zod";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

/** A calendar date as clinicians enter it (yyyy-mm-dd), real and not in the future. */
export function isoDate(label: string) {
  return z
    .string({ error: `Enter the ${label}` })
    .regex(ISO_DATE_PATTERN, `Enter the ${label} as yyyy-mm-dd`)
    .refine(isRealCalendarDate, `The ${label} is not a real date`)
    .refine((value) => value <= new Date().toISOString().slice(0, 10), `The ${label} cannot be in the future`);
}

/**
 * Whether yyyy-mm-dd names a day of the calendar (not 2026-02-30). Safe on any string: zod
 * runs refinements even after the format check failed, and an invalid Date has no ISO form.
 */
export function isRealCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
