import type { Actor } from "@/lib/auth/actor";
import { enrollPatient } from "@/lib/data/enrollment";
import { registerPatient } from "@/lib/data/patients";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { compensatedBaseline } from "@/test/fixtures/baseline-data";
import { maleCounselled } from "@/test/fixtures/pregnancy-test-data";
import { saveNewRecord } from "./new-record";

export interface EnrollmentDates {
  screeningDate: string;
  consentDate: string;
  /** Null leaves the patient screened and eligible but not yet enrolled. */
  enrollmentDate: string | null;
}

/**
 * The enrolment dates most tests share, named by day 1 (the enrollment date), from which the
 * visit windows and study days they assert are counted. Screened on 2026-01-05 in each.
 */
export const DAY1_2026_01_10: EnrollmentDates = {
  screeningDate: "2026-01-05",
  consentDate: "2026-01-04",
  enrollmentDate: "2026-01-10",
};
export const DAY1_2026_01_12: EnrollmentDates = {
  screeningDate: "2026-01-05",
  consentDate: "2026-01-05",
  enrollmentDate: "2026-01-12",
};
export const DAY1_2026_01_15: EnrollmentDates = {
  screeningDate: "2026-01-05",
  consentDate: "2026-01-08",
  enrollmentDate: "2026-01-15",
};

/**
 * A patient registered, found eligible (every inclusion criterion met, no exclusion) and
 * enrolled through the app's own write paths, as the form tests need before any visit form.
 */
export async function createEnrolledPatient(actor: Actor, siteId: string, dates: EnrollmentDates) {
  const patient = await registerPatient(actor, { siteId, screeningDate: dates.screeningDate });
  const answers = eligibleAnswers();
  await saveNewRecord(actor, patient.id, "eligibility", "screening", { consentDate: dates.consentDate, answers });
  if (dates.enrollmentDate) await enrollPatient(actor, { patientId: patient.id, enrollmentDate: dates.enrollmentDate });
  return patient;
}

/**
 * What thalidomide dispensing needs of a male patient (Thalomid REMS; lib/domain/safety/pregnancy-prevention.ts):
 * the sex on a complete baseline form and counselling on contraception recorded by `date`.
 */
export async function recordMaleBaselineAndCounselling(actor: Actor, patientId: string, date: string) {
  const save = (formType: string, visitKey: string | null, data: unknown) =>
    saveNewRecord(actor, patientId, formType, visitKey, data);
  await save(
    "baseline",
    "baseline",
    compensatedBaseline({
      assessmentDate: date,
      sex: "male",
      ageYears: 58,
      ethnicity: "Han Chinese",
      heightCm: 170,
      weightKg: 68,
    }),
  );
  await save("pregnancy-test", null, maleCounselled(date));
}
