import { z } from "zod";

/**
 * The envelope of every form save: which patient, form and visit, which version the user
 * read (for conflict detection) and, for any change after the first save, why.
 */
export const SaveCrfSchema = z.object({
  patientId: z.uuid(),
  formType: z.string().min(1).max(40),
  visitKey: z.string().max(40).nullable().default(null),
  recordId: z.uuid().nullable().default(null),
  expectedVersion: z.number().int().min(1).nullable().default(null),
  reason: z.string().trim().max(500).nullable().default(null),
  data: z.unknown(),
});

export type SaveCrfInput = z.input<typeof SaveCrfSchema>;

// PostgreSQL text cannot hold a NUL byte: refuse it here as a field error, not in the database.
export const ReasonSchema = z
  .string()
  .trim()
  .min(3, "Give a reason for the change (at least 3 characters)")
  .max(500)
  .refine((reason) => !reason.includes("\u0000"), "The reason cannot contain a NUL character");

/** Withdrawing a form entered in error (a soft delete; the reason is checked on the server too). */
export const DeleteCrfSchema = z.object({ patientId: z.uuid(), recordId: z.uuid(), reason: z.string().max(500) });
