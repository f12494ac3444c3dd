import "server-only";
import { hasPermission, scopeOf, type Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PatientStatus } from "@/lib/generated/prisma/enums";
import type { LabRangeContext } from "@/lib/forms/form-definition";
import { LAB_RANGE_COLUMNS, toLabRangeContext, type LabRangeColumns } from "./lab-reference-ranges";
import { STUDY_ID } from "./study-settings";
import { UUID_PATTERN } from "@/lib/schemas/uuid";

/** The patient row as a write sees it while holding its lock, with the study schedule that files its forms. */
export interface LockedPatient {
  id: string;
  siteId: string;
  screeningDate: string;
  enrollmentDate: string | null;
  status: PatientStatus;
  /** Locked for analysis (a coordinator's lock), not the row lock this holds. */
  analysisLockedAt: Date | null;
  schedule: { visitIntervalDays: number; imagingIntervalDays: number; visitForms: string[]; imagingForms: string[] };
  /** The site's laboratory ranges and the patient's sex, when the lock was asked for them. */
  labRanges?: LabRangeContext;
}

interface LockedRow {
  site_id: string;
  screening_date: Date;
  enrollment_date: Date | null;
  locked_at: Date | null;
  status: PatientStatus;
  visit_interval_days: number;
  imaging_interval_days: number;
  visit_forms: string[];
  imaging_forms: string[];
}

/** What a write needs besides the patient row, read in the same statement. */
export interface LockOptions {
  /** The site laboratory's ranges (forms that declare `readsLabReferenceRanges`). */
  labRanges?: boolean;
}

/**
 * Finds the patient the actor may read and locks its row for the rest of the transaction, in
 * one statement: every write to a patient's data takes this lock first, which serializes
 * them (version checks and "one form per visit" hold under concurrency). Another site's
 * patient is "not found", exactly like a missing one; a patient the actor may read but not
 * write is forbidden.
 */
export async function lockPatientForWrite(
  tx: Prisma.TransactionClient,
  actor: Actor,
  patientId: string,
  options: LockOptions = {},
): Promise<LockedPatient> {
  if (!UUID_PATTERN.test(patientId)) throw new NotFoundError("Patient");
  const scope = scopeOf(actor, "patient.read");
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  // The study settings row (one per study) comes along: the save files forms by its schedule.
  const [row] = await tx.$queryRaw<(LockedRow & Partial<LabRangeColumns>)[]>`
    SELECT p."site_id"::text AS "site_id", p."screening_date", p."enrollment_date", p."locked_at", p."status",
           s."visit_interval_days", s."imaging_interval_days", s."visit_forms", s."imaging_forms"
           ${options.labRanges ? Prisma.sql`, ${LAB_RANGE_COLUMNS}` : Prisma.empty}
    FROM "patients" p CROSS JOIN "study_settings" s
    WHERE p."id" = ${patientId}::uuid AND p."deleted_at" IS NULL AND s."id" = ${STUDY_ID}
      AND (${scope.kind === "all"} OR p."site_id" = ANY(${siteIds}::uuid[]))
    FOR UPDATE OF p`;
  if (!row) throw new NotFoundError("Patient");
  if (!hasPermission(actor, "patient.write", row.site_id))
    throw new ForbiddenError("You cannot enter data for this patient.");
  return {
    id: patientId,
    siteId: row.site_id,
    screeningDate: row.screening_date.toISOString().slice(0, 10),
    enrollmentDate: row.enrollment_date?.toISOString().slice(0, 10) ?? null,
    status: row.status,
    analysisLockedAt: row.locked_at,
    schedule: {
      visitIntervalDays: row.visit_interval_days,
      imagingIntervalDays: row.imaging_interval_days,
      visitForms: row.visit_forms,
      imagingForms: row.imaging_forms,
    },
    ...(options.labRanges ? { labRanges: toLabRangeContext(row as LabRangeColumns) } : {}),
  };
}

export const PATIENT_LOCKED_MESSAGE = "The patient's data are locked for analysis; ask a coordinator to unlock them.";

/** A patient locked for analysis takes no change until a coordinator unlocks it (with a reason). */
export function assertNotLockedForAnalysis(patient: LockedPatient): void {
  if (patient.analysisLockedAt) throw new ConflictError(PATIENT_LOCKED_MESSAGE);
}

/**
 * Refuses a change to a patient locked for analysis, for writes that do not take the row
 * lock above. A lock freezes everything about the patient (forms, signatures, source data
 * verification, queries, toxicity reviews) until a coordinator unlocks it with a reason: the
 * data cut must be exactly what was locked. FOR SHARE holds off a concurrent lock until this
 * transaction commits, so a change cannot slip in between the check and the lock.
 */
export async function requireUnlockedPatient(tx: Prisma.TransactionClient, patientId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ locked_at: Date | null }[]>`
    SELECT "locked_at" FROM "patients" WHERE "id" = ${patientId}::uuid FOR SHARE`;
  if (row?.locked_at) throw new ConflictError(PATIENT_LOCKED_MESSAGE);
}
