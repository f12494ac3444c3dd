import type { Actor } from "@/lib/auth/actor";
import { saveCrfRecord, type SaveCrfRequest } from "@/lib/data/crf-records";

/**
 * The request that saves the first version of a form: no record id, no expected version, no
 * reason. `extra` turns it into a correction (id, version and reason) where a test needs one.
 */
export function newRecordRequest(
  patientId: string,
  formType: string,
  visitKey: string | null,
  data: unknown,
  extra: Partial<SaveCrfRequest> = {},
): SaveCrfRequest {
  return { patientId, formType, visitKey, recordId: null, expectedVersion: null, reason: null, data, ...extra };
}

/** What names one form's save after the actor: patient, form, visit, answers and, for a correction, `extra`. */
export type NewRecordArgs = Parameters<typeof newRecordRequest>;

/** The same after the form's type, for a test of one form: visit, answers, `extra`. */
export type FormRecordArgs = [visitKey: string | null, data: unknown, extra?: Partial<SaveCrfRequest>];

/**
 * Saves the first version of a form through the one write path, as `actor` entering it (or,
 * with `extra`, a correction).
 */
export function saveNewRecord(actor: Actor, ...args: NewRecordArgs) {
  return saveCrfRecord(actor, newRecordRequest(...args));
}

/** The first version of a patient's eligibility form, at screening. */
export function eligibilityRequest(patientId: string, data: unknown, extra: Partial<SaveCrfRequest> = {}) {
  return newRecordRequest(patientId, "eligibility", "screening", data, extra);
}
