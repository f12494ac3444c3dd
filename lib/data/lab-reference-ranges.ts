import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { diffFields, writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { SiteReferenceRange } from "@/lib/domain/ctcae/site-reference-range";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { LabRangeContext } from "@/lib/forms/form-definition";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LabRangeInput, WithdrawLabRangeInput } from "@/lib/schemas/lab-reference-ranges";
import { readPatientForPage } from "./patients";

/**
 * Site laboratory reference ranges (issue 13). Administrators keep them (site.admin, trial-wide
 * like every administration); the labs form reads the patient's site's ranges, and the save
 * path checks a form's limits against the range in force on the sample day.
 */

export interface LabRangeView extends SiteReferenceRange {
  id: string;
  siteId: string;
  siteCode: string;
  createdAt: Date;
  createdBy: string;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
}

function requireSiteAdmin(actor: Actor) {
  if (!hasPermission(actor, "site.admin")) throw new ForbiddenError();
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Every site's ranges, live and withdrawn, for the administration page. */
export async function listLabReferenceRanges(actor: Actor): Promise<LabRangeView[]> {
  requireSiteAdmin(actor);
  const rows = await getPrisma().labReferenceRange.findMany({
    orderBy: [{ site: { code: "asc" } }, { test: "asc" }, { validFrom: "desc" }, { createdAt: "desc" }],
    include: { site: { select: { code: true } }, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    siteId: r.siteId,
    siteCode: r.site.code,
    test: r.test as SiteReferenceRange["test"],
    unit: r.unit,
    sex: r.sex as SiteReferenceRange["sex"],
    lln: r.lln,
    uln: r.uln,
    validFrom: isoDay(r.validFrom),
    createdAt: r.createdAt,
    createdBy: r.createdBy.name,
    withdrawnAt: r.withdrawnAt,
    withdrawReason: r.withdrawReason,
  }));
}

/** Records a range (audited). A second live range for the same site, test, sex and day is a conflict: withdraw the wrong one first. */
export async function addLabReferenceRange(actor: Actor, input: LabRangeInput): Promise<{ id: string }> {
  requireSiteAdmin(actor);
  return getPrisma().$transaction(async (tx) => {
    const site = await tx.site.findUnique({ where: { id: input.siteId }, select: { id: true } });
    if (!site) throw new NotFoundError("Site");
    const clash = await tx.labReferenceRange.findFirst({
      where: {
        siteId: input.siteId,
        test: input.test,
        sex: input.sex,
        validFrom: new Date(input.validFrom),
        withdrawnAt: null,
      },
      select: { id: true },
    });
    if (clash)
      throw new ConflictError(
        "This site already has a range for this test and sex from that day: withdraw it first (with a reason) to replace it.",
      );
    const row = await tx.labReferenceRange.create({
      data: { ...input, validFrom: new Date(input.validFrom), createdById: actor.userId },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "CREATE",
      entityType: "lab_reference_range",
      entityId: row.id,
      siteId: input.siteId,
      changes: diffFields(null, input, ["test", "unit", "sex", "lln", "uln", "validFrom"]),
    });
    return row;
  });
}

/** Withdraws a range entered in error (audited with the reason); forms already saved keep the limits they were given. */
export async function withdrawLabReferenceRange(actor: Actor, input: WithdrawLabRangeInput): Promise<void> {
  requireSiteAdmin(actor);
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.labReferenceRange.updateMany({
      where: { id: input.id, withdrawnAt: null },
      data: { withdrawnAt: new Date(), withdrawReason: input.reason },
    });
    if (!count) throw new NotFoundError("Reference range");
    const row = await tx.labReferenceRange.findUniqueOrThrow({ where: { id: input.id }, select: { siteId: true } });
    await writeAudit(tx, actor, {
      action: "DELETE",
      entityType: "lab_reference_range",
      entityId: input.id,
      siteId: row.siteId,
      reason: input.reason,
      changes: [{ field: "withdrawn", from: false, to: true }],
    });
  });
}

/** What LAB_RANGE_COLUMNS add to a row of "patients" p. */
export interface LabRangeColumns {
  lab_site_code: string;
  lab_sex: string | null;
  lab_ranges: (Omit<SiteReferenceRange, "test" | "sex"> & { test: string; sex: string | null })[];
}

/**
 * The patient's site code, sex (from the baseline form) and the site's live ranges, as columns of
 * a query over "patients" p: the save path adds them to its patient lock, so a labs save reads
 * them in the statement it runs anyway.
 */
export const LAB_RANGE_COLUMNS = Prisma.sql`
  (SELECT s."code" FROM "sites" s WHERE s."id" = p."site_id") AS "lab_site_code",
  (SELECT c."data"->>'sex' FROM "crf_records" c
    WHERE c."patient_id" = p."id" AND c."form_type" = 'baseline' AND c."deleted_at" IS NULL LIMIT 1) AS "lab_sex",
  (SELECT COALESCE(json_agg(json_build_object('test', r."test", 'unit', r."unit", 'sex', r."sex", 'lln', r."lln", 'uln', r."uln",
                                              'validFrom', to_char(r."valid_from", 'YYYY-MM-DD'))), '[]')
    FROM "lab_reference_ranges" r WHERE r."site_id" = p."site_id" AND r."withdrawn_at" IS NULL) AS "lab_ranges"`;

export function toLabRangeContext(row: LabRangeColumns): LabRangeContext {
  const sex = row.lab_sex === "female" || row.lab_sex === "male" ? row.lab_sex : null;
  return { siteCode: row.lab_site_code, sex, ranges: row.lab_ranges as SiteReferenceRange[] };
}

/** The same for the form page: any reader of the patient sees the ranges its forms are filled from. */
export async function getLabRangeContext(actor: Actor, patientId: string): Promise<LabRangeContext> {
  // The page has read the patient already in this render (readPatientForPage is per request).
  const patient = await readPatientForPage(actor, patientId);
  const [row] = await getPrisma().$queryRaw<
    LabRangeColumns[]
  >`SELECT ${LAB_RANGE_COLUMNS} FROM "patients" p WHERE p."id" = ${patient.id}::uuid`;
  if (!row) throw new NotFoundError("Patient");
  return toLabRangeContext(row);
}
