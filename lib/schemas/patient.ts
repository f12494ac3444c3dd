import { z } from "zod";
import { isoDate } from "./iso-date";

/**
 * The site's own reference for a patient (screening log number, a previous system's id).
 * Printable characters only, so it can be typed, filtered on and exported; blank means none.
 */
export const ExternalIdSchema = z
  .string()
  .trim()
  .max(64, "At most 64 characters")
  .regex(/^[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?$|^$/, "Letters, digits and punctuation only")
  .transform((value) => (value === "" ? undefined : value))
  .describe("The site's own reference for the patient, unique per site (e.g. the screening log number)");

/** Registering a patient at screening; the subject ID is assigned by the server. */
export const RegisterPatientSchema = z.object({
  siteId: z.uuid("Choose a site"),
  screeningDate: isoDate("screening date"),
  externalId: ExternalIdSchema.optional(),
});

export type RegisterPatientInput = z.input<typeof RegisterPatientSchema>;

export const EnrollPatientSchema = z.object({
  patientId: z.uuid(),
  enrollmentDate: isoDate("enrollment date"),
});

export const ScreenFailureSchema = z.object({
  patientId: z.uuid(),
  reason: z.string().trim().min(3, "Give the reason for the screen failure").max(500),
});
