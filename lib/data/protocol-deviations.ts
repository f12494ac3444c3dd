import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export interface ProtocolDeviationView {
  recordId: string;
  patientId: string;
  subjectId: string;
  siteCode: string;
  visitKey: string | null;
  visitDate: string;
  drug: "uft" | "thalidomide";
  status: string;
  doseLevel: number | null;
  reason: string;
}

interface Row {
  id: string;
  patient_id: string;
  subject_id: string;
  site_code: string;
  visit_key: string | null;
  data: { visitDate?: string; uft?: Record<string, unknown>; thalidomide?: Record<string, unknown> };
}

/**
 * Dosing visits whose dose departs from the protocol's dose-modification table (the reason
 * the investigator gave, checked on save by lib/data/dispensing-safety), for the sites where
 * the caller holds quality.read. Filtered in SQL on the stored reason, so the list stays small.
 */
export async function listProtocolDeviations(actor: Actor): Promise<ProtocolDeviationView[]> {
  const scope = scopeOf(actor, "quality.read");
  if (scope.kind === "none") throw new ForbiddenError();
  const sites = scope.kind === "all" ? Prisma.sql`TRUE` : Prisma.sql`r."site_id" = ANY(${scope.siteIds}::uuid[])`;
  const rows = await getPrisma().$queryRaw<Row[]>`
    SELECT r."id", r."patient_id", p."subject_id", s."code" AS "site_code", r."visit_key", r."data"
    FROM "crf_records" r JOIN "patients" p ON p."id" = r."patient_id" JOIN "sites" s ON s."id" = r."site_id"
    WHERE r."form_type" = 'dosing' AND r."deleted_at" IS NULL AND p."deleted_at" IS NULL AND ${sites}
      AND (COALESCE(r."data"->'uft'->>'deviationReason', '') <> '' OR COALESCE(r."data"->'thalidomide'->>'deviationReason', '') <> '')
    ORDER BY s."code", p."subject_id", r."data"->>'visitDate'`;
  return rows.flatMap((row) =>
    (["uft", "thalidomide"] as const).flatMap((drug) => {
      const d = row.data[drug] ?? {};
      const reason = typeof d.deviationReason === "string" ? d.deviationReason : "";
      if (!reason) return [];
      return [
        {
          recordId: row.id,
          patientId: row.patient_id,
          subjectId: row.subject_id,
          siteCode: row.site_code,
          visitKey: row.visit_key,
          visitDate: row.data.visitDate ?? "",
          drug,
          status: String(d.status ?? ""),
          doseLevel: typeof d.doseLevel === "number" ? d.doseLevel : null,
          reason,
        },
      ];
    }),
  );
}
