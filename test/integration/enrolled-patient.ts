import type { Actor } from "@/lib/auth/actor";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { enrollPatient } from "@/lib/data/enrollment";
import { registerPatient } from "@/lib/data/patients";
import { TRIAL_ELIGIBILITY_CRITERIA } from "@/lib/domain/eligibility/criteria";

export interface EnrollmentDates {
  screeningDate: string;
  consentDate: string;
  /** Null leaves the patient screened and eligible but not yet enrolled. */
  enrollmentDate: string | null;
}

/**
 * A patient registered, found eligible (every inclusion criterion met, no exclusion) and
 * enrolled through the app's own write paths, as the form tests need before any visit form.
 */
export async function createEnrolledPatient(actor: Actor, siteId: string, dates: EnrollmentDates) {
  const patient = await registerPatient(actor, { siteId, screeningDate: dates.screeningDate });
  const answers = Object.fromEntries(TRIAL_ELIGIBILITY_CRITERIA.map((c) => [c.id, c.kind === "inclusion" ? "yes" : "no"]));
  await saveCrfRecord(actor, {
    patientId: patient.id, formType: "eligibility", visitKey: "screening", recordId: null, expectedVersion: null, reason: null,
    data: { consentDate: dates.consentDate, answers },
  });
  if (dates.enrollmentDate) await enrollPatient(actor, { patientId: patient.id, enrollmentDate: dates.enrollmentDate });
  return patient;
}
