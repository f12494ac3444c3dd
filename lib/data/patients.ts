import "server-only";
import { cache } from "react";
import { scopeOf, hasPermission, siteFilter, type Actor } from "@/lib/auth/actor";
import { auditPatientEvent, diffFields } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { PatientStatus } from "@/lib/generated/prisma/enums";
import { UUID_PATTERN } from "@/lib/schemas/uuid";

export interface PatientSummary {
  id: string;
  subjectId: string;
  externalId: string | null;
  site: { id: string; code: string; name: string; timeZone: string };
  status: PatientStatus;
  screeningDate: string;
  enrollmentDate: string | null;
  screenFailureReason: string | null;
  lockedAt: string | null;
  version: number;
}

const summarySelect = {
  id: true,
  subjectId: true,
  externalId: true,
  status: true,
  screeningDate: true,
  enrollmentDate: true,
  screenFailureReason: true,
  lockedAt: true,
  version: true,
  site: { select: { id: true, code: true, name: true, timeZone: true } },
} as const;

function toSummary(row: {
  id: string;
  subjectId: string;
  externalId: string | null;
  status: PatientStatus;
  screeningDate: Date;
  enrollmentDate: Date | null;
  screenFailureReason: string | null;
  lockedAt: Date | null;
  version: number;
  site: PatientSummary["site"];
}): PatientSummary {
  return {
    ...row,
    lockedAt: row.lockedAt?.toISOString() ?? null,
    screeningDate: row.screeningDate.toISOString().slice(0, 10),
    enrollmentDate: row.enrollmentDate?.toISOString().slice(0, 10) ?? null,
  };
}

/** Patients the actor may read, by subject ID, one page at a time (cursor = last subject ID). */
export async function listPatients(
  actor: Actor,
  options: { pageSize: number; cursor?: string; externalId?: string; siteId?: string },
): Promise<{ data: PatientSummary[]; nextCursor: string | null }> {
  if (scopeOf(actor, "patient.read").kind === "none") throw new ForbiddenError();
  const rows = await getPrisma().patient.findMany({
    where: {
      ...siteFilter(actor, "patient.read"),
      deletedAt: null,
      ...(options.cursor ? { subjectId: { gt: options.cursor } } : {}),
      ...(options.externalId !== undefined ? { externalId: options.externalId } : {}),
      // A second condition on siteId: the scope filter above stays in force.
      ...(options.siteId !== undefined ? { AND: [{ siteId: options.siteId }] } : {}),
    },
    orderBy: { subjectId: "asc" },
    take: options.pageSize + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, options.pageSize).map(toSummary);
  return { data: page, nextCursor: rows.length > options.pageSize ? page[page.length - 1]!.subjectId : null };
}

/** One patient; another site's patient is "not found", exactly like a missing one. */
export async function getPatientOrThrow(actor: Actor, patientId: string): Promise<PatientSummary> {
  if (!UUID_PATTERN.test(patientId)) throw new NotFoundError("Patient");
  const row = await getPrisma().patient.findFirst({
    where: { id: patientId, deletedAt: null, ...siteFilter(actor, "patient.read") },
    select: summarySelect,
  });
  if (!row) throw new NotFoundError("Patient");
  return toSummary(row);
}

/**
 * getPatientOrThrow once per server render: a page and the data functions it calls read the
 * patient once. For pages only; writes read the patient under its row lock (patient-lock.ts).
 */
export const readPatientForPage = cache(getPatientOrThrow);

/** Sites where the actor may register patients (for the registration form). */
export async function listSitesForRegistration(actor: Actor): Promise<{ id: string; code: string; name: string }[]> {
  const scope = scopeOf(actor, "patient.write");
  if (scope.kind === "none") return [];
  return getPrisma().site.findMany({
    where: { active: true, ...(scope.kind === "sites" ? { id: { in: scope.siteIds } } : {}) },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
}

/**
 * Registers a patient at screening with the site's next subject ID (e.g. TW01-007). The
 * counter, the patient and the audit record commit together, so a number is never
 * issued twice and never reused, even when two investigators register at once.
 */
export async function registerPatient(
  actor: Actor,
  input: { siteId: string; screeningDate: string; externalId?: string | undefined },
): Promise<PatientSummary> {
  if (!hasPermission(actor, "patient.write", input.siteId)) {
    // A site the actor cannot write to: say "not found" if they cannot even read it.
    if (!hasPermission(actor, "patient.read", input.siteId)) throw new NotFoundError("Site");
    throw new ForbiddenError("You cannot register patients at this site.");
  }
  return getPrisma().$transaction(async (tx) => {
    const [site] = await tx.$queryRaw<{ code: string; number: number }[]>`
      UPDATE "sites" SET "next_subject_number" = "next_subject_number" + 1
      WHERE "id" = ${input.siteId}::uuid AND "active"
      RETURNING "code", "next_subject_number" - 1 AS "number"`;
    if (!site) throw new NotFoundError("Site");
    if (
      input.externalId !== undefined &&
      (await tx.patient.findFirst({
        where: { siteId: input.siteId, externalId: input.externalId },
        select: { id: true },
      }))
    ) {
      // The unique index also refuses it (two registrations at once); this says so by field.
      throw new ValidationError({ externalId: ["Another patient of this site already has this reference."] });
    }
    const created = await tx.patient.create({
      data: {
        siteId: input.siteId,
        subjectId: `${site.code}-${String(site.number).padStart(3, "0")}`,
        screeningDate: new Date(`${input.screeningDate}T00:00:00Z`),
        externalId: input.externalId ?? null,
      },
      select: summarySelect,
    });
    const patient = toSummary(created);
    await auditPatientEvent(tx, actor, {
      action: "CREATE",
      patientId: patient.id,
      siteId: input.siteId,
      changes: diffFields(
        null,
        {
          subjectId: patient.subjectId,
          externalId: patient.externalId,
          status: patient.status,
          screeningDate: patient.screeningDate,
        },
        ["subjectId", "externalId", "status", "screeningDate"],
      ),
    });
    return patient;
  });
}

/**
 * The patient list's search, filters and sorting: subject ID contains `q`, a site, a status;
 * sorted by subject ID, screening date (newest first) or status; offset pages with the exact total.
 */
export async function searchPatients(
  actor: Actor,
  filter: { q?: string; site?: string; status?: PatientStatus; sort: "subject" | "screening" | "status"; page: number },
  pageSize = 50,
): Promise<{ data: PatientSummary[]; total: number }> {
  if (scopeOf(actor, "patient.read").kind === "none") throw new ForbiddenError();
  const where = {
    AND: [
      siteFilter(actor, "patient.read"),
      { deletedAt: null },
      filter.site ? { siteId: filter.site } : {},
      filter.status ? { status: filter.status } : {},
      filter.q ? { subjectId: { contains: filter.q, mode: "insensitive" as const } } : {},
    ],
  };
  const orderBy =
    filter.sort === "screening"
      ? [{ screeningDate: "desc" as const }, { subjectId: "asc" as const }]
      : filter.sort === "status"
        ? [{ status: "asc" as const }, { subjectId: "asc" as const }]
        : [{ subjectId: "asc" as const }];
  const [total, rows] = await Promise.all([
    getPrisma().patient.count({ where }),
    getPrisma().patient.findMany({
      where,
      orderBy,
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: summarySelect,
    }),
  ]);
  return { data: rows.map(toSummary), total };
}
