import "server-only";
import { hasPermission, siteFilter, type Actor } from "@/lib/auth/actor";
import { auditFormEvent } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { flattenFields } from "@/lib/forms/flatten";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPatientOrThrow } from "./patients";

/** One field a monitor verified against the source, still holding the verified value. */
export interface FieldVerificationView {
  fieldPath: string;
  verifierName: string;
  verifiedAt: string;
  recordVersion: number;
}

/** The verified value, wrapped so that a verified empty field (null) fits the required JSONB column. */
const wrap = (value: unknown) => ({ value: value ?? null }) as Prisma.InputJsonValue;
const sameValue = (stored: Prisma.JsonValue, current: unknown) =>
  JSON.stringify((stored as { value?: unknown } | null)?.value ?? null) === JSON.stringify(current ?? null);

/**
 * Targeted source data verification: a monitor verifies one field of the version they
 * compared with the source document (Rave's field-level SDV, beside whole-form SDV in
 * form-review.ts). Naming the version makes verifying data that changed meanwhile a conflict.
 * The verification and its audit record commit together.
 */
export async function verifyField(
  actor: Actor,
  input: { patientId: string; recordId: string; fieldPath: string; version: number },
) {
  const patient = await getPatientOrThrow(actor, input.patientId);
  if (!hasPermission(actor, "sdv.mark", patient.site.id)) throw new ForbiddenError();
  return getPrisma().$transaction(async (tx) => {
    const [record] = await tx.$queryRaw<{ id: string; version: number; form_type: string; data: Prisma.JsonValue }[]>`
      SELECT "id", "version", "form_type", "data" FROM "crf_records"
      WHERE "id" = ${input.recordId}::uuid AND "patient_id" = ${patient.id}::uuid AND "deleted_at" IS NULL
      FOR UPDATE`;
    if (!record) throw new NotFoundError("Form");
    if (record.version !== input.version)
      throw new ConflictError("The form changed after you opened it; review the new version.");
    const fields = flattenFields(record.data);
    if (!(input.fieldPath in fields)) throw new ValidationError({ fieldPath: ["Choose a field of this form"] });
    const value = fields[input.fieldPath];
    const verifiedAt = new Date();
    await tx.fieldVerification.create({
      data: {
        recordId: record.id,
        patientId: patient.id,
        siteId: patient.site.id,
        fieldPath: input.fieldPath,
        value: wrap(value),
        recordVersion: record.version,
        verifiedById: actor.userId,
        verifierName: actor.name,
        verifiedAt,
      },
    });
    await auditFormEvent(
      tx,
      { userId: actor.userId, email: actor.email },
      {
        action: "VERIFY",
        formType: record.form_type,
        recordId: record.id,
        siteId: patient.site.id,
        patientId: patient.id,
        changes: [
          {
            field: `sourceDataVerified.${input.fieldPath}`,
            from: null,
            to: `${JSON.stringify(value ?? null)} (version ${record.version})`,
          },
        ],
      },
    );
    return { verifiedAt: verifiedAt.toISOString() };
  });
}

/**
 * The fields of one form verified and still holding the verified value (the latest
 * verification per field). A corrected field drops out until it is verified again.
 */
export async function listFieldVerifications(
  actor: Actor,
  patientId: string,
  recordId: string,
): Promise<FieldVerificationView[]> {
  const patient = await getPatientOrThrow(actor, patientId);
  const record = await getPrisma().crfRecord.findFirst({
    where: { id: recordId, patientId: patient.id, deletedAt: null, ...siteFilter(actor, "patient.read") },
    select: { data: true, fieldVerifications: { orderBy: { id: "desc" } } },
  });
  if (!record) throw new NotFoundError("Form");
  const current = flattenFields(record.data);
  const seen = new Set<string>();
  const views: FieldVerificationView[] = [];
  for (const row of record.fieldVerifications) {
    if (seen.has(row.fieldPath)) continue;
    seen.add(row.fieldPath);
    if (!(row.fieldPath in current) || !sameValue(row.value, current[row.fieldPath])) continue;
    views.push({
      fieldPath: row.fieldPath,
      verifierName: row.verifierName,
      verifiedAt: row.verifiedAt.toISOString(),
      recordVersion: row.recordVersion,
    });
  }
  return views.sort((a, b) => a.fieldPath.localeCompare(b.fieldPath));
}

/**
 * Per patient, the fields verified one by one that still hold the verified value, in the
 * given site filter (the data-quality page). Compared in SQL: the field path walks the JSON.
 */
export async function countCurrentFieldVerifications(inScope: {
  siteId?: { in: string[] };
}): Promise<Map<string, number>> {
  const siteIds = inScope.siteId?.in ?? null;
  const rows = await getPrisma().$queryRaw<{ patient_id: string; fields: bigint }[]>`
    SELECT r."patient_id"::text AS "patient_id", COUNT(DISTINCT (v."record_id", v."field_path")) AS "fields"
    FROM "field_verifications" v JOIN "crf_records" r ON r."id" = v."record_id"
    WHERE r."deleted_at" IS NULL
      AND (${siteIds === null} OR v."site_id" = ANY(${siteIds ?? []}::uuid[]))
      AND v."id" = (SELECT MAX(l."id") FROM "field_verifications" l WHERE l."record_id" = v."record_id" AND l."field_path" = v."field_path")
      AND (r."data" #> string_to_array(v."field_path", '.')) IS NOT DISTINCT FROM (v."value" -> 'value')
    GROUP BY r."patient_id"`;
  return new Map(rows.map((r) => [r.patient_id, Number(r.fields)]));
}
