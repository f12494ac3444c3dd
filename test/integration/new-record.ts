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

/** Saves the first version of a form through the one write path, as `actor` entering it. */
export function saveNewRecord(
  actor: Actor,
  patientId: string,
  formType: string,
  visitKey: string | null,
  data: unknown,
) {
  return saveCrfRecord(actor, newRecordRequest(patientId, formType, visitKey, data));
}

/** The first version of a patient's eligibility form, at screening. */
export function eligibilityRequest(patientId: string, data: unknown, extra: Partial<SaveCrfRequest> = {}) {
  return newRecordRequest(patientId, "eligibility", "screening", data, extra);
}
