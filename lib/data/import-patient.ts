import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { auditPatientEvent, diffFields } from "@/lib/audit/audit-log";
import { evaluateEligibility } from "@/lib/domain/eligibility/criteria";
import { ConflictError, ValidationError } from "@/lib/errors";
import { readForm } from "@/lib/forms/form-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportPatient } from "@/lib/import/import-bundle";
import { ExternalIdSchema } from "@/lib/schemas/patient";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";
import { writeEnrollment, writeScreenFailure } from "./patient-transitions";

type Found =
  | {
      ok: true;
      patientId: string;
      siteId: string;
      created: boolean;
      /** A new patient that kept the file's number: the site's counter is moved past it by advanceSiteCounter. */
      keptNumber?: number;
    }
  | { ok: false; field: string | null; message: string };

/**
 * The patient an imported subject is: the same subject ID at the same site, else the same
 * site reference (externalId); else, when the file registers the subject, a new patient.
 * A new patient keeps the file's subject ID when it is this site's pattern (TW01-007) and
 * free, so a trial moved between two Trialdesk instances keeps its IDs; the site's counter
 * moves past it so the next registration never collides.
 */
export async function findOrRegisterForImport(
  tx: Prisma.TransactionClient,
  actor: Actor,
  file: ImportPatient,
  sites: ReadonlyMap<string, string>,
  sha256: string,
): Promise<Found> {
  const bySubject = await tx.patient.findFirst({
    where: { subjectId: file.subjectId, deletedAt: null },
    select: { id: true, siteId: true },
  });
  const siteId = file.siteCode ? sites.get(file.siteCode) : bySubject?.siteId;
  if (bySubject) {
    if (!hasPermission(actor, "patient.write", bySubject.siteId) || (siteId && siteId !== bySubject.siteId)) {
      return {
        ok: false,
        field: "subject_id",
        message: `Subject ${file.subjectId} belongs to another site or one you cannot import into.`,
      };
    }
    return { ok: true, patientId: bySubject.id, siteId: bySubject.siteId, created: false };
  }
  if (!file.registered)
    return {
      ok: false,
      field: "subject_id",
      message: `Unknown subject ${file.subjectId}: it is not in the database and the file does not register it.`,
    };
  if (!siteId)
    return {
      ok: false,
      field: "site_code",
      message: `Unknown site ${file.siteCode ?? "(none)"} (or not one of yours).`,
    };
  const externalId = file.externalId ? ExternalIdSchema.safeParse(file.externalId) : null;
  if (externalId && !externalId.success)
    return { ok: false, field: "external_id", message: externalId.error.issues[0]!.message };
  if (externalId?.data) {
    const byReference = await tx.patient.findFirst({
      where: { siteId, externalId: externalId.data, deletedAt: null },
      select: { id: true },
    });
    if (byReference) return { ok: true, patientId: byReference.id, siteId, created: false };
  }
  if (!file.screeningDate || !ISO_DATE_PATTERN.test(file.screeningDate))
    return { ok: false, field: "screening_date", message: "Give the screening date as yyyy-mm-dd." };
  // The site row is locked only to take its next number: a subject keeping the file's number
  // moves the counter at the end of its transaction (advanceSiteCounter), so patients of one site
  // imported at once do not wait for each other's whole import, only for that last statement.
  const [site] = await tx.$queryRaw<{ code: string }[]>`
    SELECT "code" FROM "sites" WHERE "id" = ${siteId}::uuid AND "active"`;
  if (!site) return { ok: false, field: "site_code", message: `Site ${file.siteCode} is not active.` };
  const own = file.subjectId.match(new RegExp(`^${site.code}-(\\d{3,})$`));
  const keep = own && !(await tx.patient.findFirst({ where: { subjectId: file.subjectId }, select: { id: true } }));
  let number: number;
  if (keep) number = Number(own[1]);
  else {
    const [locked] = await tx.$queryRaw<{ next: number }[]>`
      SELECT "next_subject_number" AS "next" FROM "sites" WHERE "id" = ${siteId}::uuid FOR UPDATE`;
    number = locked!.next;
    await tx.$executeRaw`UPDATE "sites" SET "next_subject_number" = ${number + 1} WHERE "id" = ${siteId}::uuid`;
  }
  const subjectId = keep ? file.subjectId : `${site.code}-${String(number).padStart(3, "0")}`;
  const created = await tx.patient.create({
    data: {
      siteId,
      subjectId,
      screeningDate: new Date(`${file.screeningDate}T00:00:00Z`),
      // A subject renumbered here keeps the file's ID as its reference.
      externalId: externalId?.data ?? (keep ? null : file.subjectId.slice(0, 64)),
    },
    select: { id: true, subjectId: true, externalId: true },
  });
  await auditPatientEvent(tx, actor, {
    action: "IMPORT",
    patientId: created.id,
    siteId,
    changes: diffFields(
      null,
      {
        subjectId: created.subjectId,
        externalId: created.externalId,
        status: "SCREENING",
        screeningDate: file.screeningDate,
      },
      ["subjectId", "externalId", "status", "screeningDate"],
    ),
    reason: `Import of a file with SHA-256 ${sha256}`,
  });
  return { ok: true, patientId: created.id, siteId, created: true, ...(keep ? { keptNumber: number } : {}) };
}

/**
 * The site's next subject number moved past a number the file kept, as the last write of the
 * patient's transaction (the row lock is then held only until the commit). A registration at
 * the site meanwhile that took the same number waits on the subject ID's unique index; if that
 * ends in a deadlock, PostgreSQL aborts one of the two, and the import retries its patient alone.
 */
export async function advanceSiteCounter(tx: Prisma.TransactionClient, siteId: string, keptNumber: number) {
  await tx.$executeRaw`UPDATE "sites" SET "next_subject_number" = GREATEST("next_subject_number", ${keptNumber + 1}) WHERE "id" = ${siteId}::uuid`;
}

/** Enrollment as lib/data/enrollment.ts does it (eligibility met, not before consent or screening), inside the import's transaction. */
export async function enrollInTransaction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  patientId: string,
  enrollmentDate: string | null,
): Promise<void> {
  if (!enrollmentDate) return;
  const [row] = await tx.$queryRaw<
    { status: string; screening_date: Date; enrollment_date: Date | null; site_id: string }[]
  >`
    SELECT "status", "screening_date", "enrollment_date", "site_id"::text AS "site_id" FROM "patients" WHERE "id" = ${patientId}::uuid FOR UPDATE`;
  const current = row!.enrollment_date?.toISOString().slice(0, 10) ?? null;
  if (current === enrollmentDate) return;
  if (current !== null)
    throw new ConflictError(
      `The patient was enrolled on ${current}, not ${enrollmentDate}; correct it in the application.`,
    );
  if (!ISO_DATE_PATTERN.test(enrollmentDate))
    throw new ValidationError({ enrollment_date: ["Give the enrollment date as yyyy-mm-dd"] });
  if (row!.status !== "SCREENING") throw new ConflictError("Only a patient in screening can be enrolled.");
  const eligibility = await tx.crfRecord.findFirst({ where: { patientId, formType: "eligibility", deletedAt: null } });
  if (!eligibility)
    throw new ValidationError({ enrollment_date: ["Enrollment needs the screening and eligibility form"] });
  const data = readForm(eligibility, "eligibility")!;
  const evaluation = evaluateEligibility(data.answers);
  if (!evaluation.eligible) throw new ValidationError({ enrollment_date: evaluation.reasons });
  if (enrollmentDate < data.consentDate)
    throw new ValidationError({ enrollment_date: ["Enrollment cannot be before informed consent"] });
  if (enrollmentDate < row!.screening_date.toISOString().slice(0, 10))
    throw new ValidationError({ enrollment_date: ["Enrollment cannot be before screening"] });
  await writeEnrollment(tx, actor, {
    patientId,
    siteId: row!.site_id,
    fromStatus: row!.status,
    enrollmentDate,
    action: "IMPORT",
    reason: "Enrollment (import)",
  });
}

/** A screen failure recorded in the file, for a patient still in screening. */
export async function markScreenFailedInTransaction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  patientId: string,
  file: ImportPatient,
): Promise<void> {
  if (file.status !== "SCREEN_FAILED") return;
  const [row] = await tx.$queryRaw<
    { status: string; site_id: string }[]
  >`SELECT "status", "site_id"::text AS "site_id" FROM "patients" WHERE "id" = ${patientId}::uuid FOR UPDATE`;
  if (row!.status === "SCREEN_FAILED") return;
  if (row!.status !== "SCREENING")
    throw new ConflictError("Only a patient in screening can be recorded as a screen failure.");
  const reason = (file.screenFailureReason ?? "").trim();
  if (reason.length < 3)
    throw new ValidationError({ screen_failure_reason: ["Give the reason for the screen failure"] });
  await writeScreenFailure(tx, actor, {
    patientId,
    siteId: row!.site_id,
    fromStatus: row!.status,
    screenFailureReason: reason.slice(0, 500),
    action: "IMPORT",
    reason: "Screen failure (import)",
  });
}
