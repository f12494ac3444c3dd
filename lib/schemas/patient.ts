import { z } from "zod";
import { isoDate } from "./iso-date";

/** Registering a patient at screening; the subject ID is assigned by the server. */
export const RegisterPatientSchema = z.object({
  siteId: z.uuid("Choose a site"),
  screeningDate: isoDate("screening date"),
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
