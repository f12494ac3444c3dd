import "server-only";
import type { SiteScope } from "@/lib/auth/actor";
import { toAnalysisPatient, type EfficacyFacts } from "@/lib/analysis/efficacy-facts";
import type { AnalysisPatientRecords } from "@/lib/analysis/patient-records";
import type { Response } from "@/lib/domain/recist";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The enrolled patients an analysis covers, one row per patient from patient_efficacy_facts
 * (kept by every save, lib/data/efficacy-facts.ts): no form's JSON is read, so the first request
 * after a save costs what any other does. Not exported to pages: lib/data/analysis.ts checks
 * dashboard.read and passes the scope in. lib/data/analysis-cohort.integration.test.ts compares
 * the results with the computation from every saved form read whole.
 */
interface CohortRow {
  id: string;
  subject_id: string;
  status: string;
  enrollment_date: string;
  site_code: string;
  has_facts: boolean;
  last_visit_date: string | null;
  assessment_visit_keys: (string | null)[];
  assessment_dates: string[];
  assessment_responses: Response[];
  assessment_pct_from_baseline: (number | null)[];
  best_overall_response: Response;
  bor_confirmed: boolean;
  progression_date: string | null;
  progression_source: "assessments" | "entered" | null;
  progression_record_id: string | null;
  end_of_study_record_id: string | null;
  progression_date_entered: string | null;
  death_date: string | null;
  last_known_alive_date: string | null;
  off_treatment_date: string | null;
  off_study_date: string | null;
  cytokines_record_id: string | null;
  cytokine_analytes: string[];
  cytokine_values: (number | null)[];
  cytokine_units: string[];
  cytokine_lloqs: (number | null)[];
  cytokine_below_lloq: boolean[];
}

const COHORT_COLUMNS: readonly (keyof CohortRow)[] = [
  "id",
  "subject_id",
  "status",
  "enrollment_date",
  "site_code",
  "has_facts",
  "last_visit_date",
  "assessment_visit_keys",
  "assessment_dates",
  "assessment_responses",
  "assessment_pct_from_baseline",
  "best_overall_response",
  "bor_confirmed",
  "progression_date",
  "progression_source",
  "progression_record_id",
  "end_of_study_record_id",
  "progression_date_entered",
  "death_date",
  "last_known_alive_date",
  "off_treatment_date",
  "off_study_date",
  "cytokines_record_id",
  "cytokine_analytes",
  "cytokine_values",
  "cytokine_units",
  "cytokine_lloqs",
  "cytokine_below_lloq",
];

export async function loadAnalysisCohort(
  scope: Exclude<SiteScope, { kind: "none" }>,
  db: Prisma.TransactionClient = getPrisma(),
): Promise<AnalysisPatientRecords[]> {
  const all = scope.kind === "all";
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  const date = (column: string) => `to_char(f."${column}", 'YYYY-MM-DD') AS "${column}"`;
  // One JSON document of every row, parsed once: 10,000 rows of arrays cost seconds through the
  // driver's per-column array parsing (BENCHMARKS.md, session 7), one JSON.parse milliseconds.
  const [result] = await db.$queryRawUnsafe<{ rows: string }[]>(
    `SELECT coalesce(json_agg(json_build_array(${COHORT_COLUMNS.map((c) => `r."${c}"`).join(", ")}) ORDER BY r."subject_id"), '[]')::text AS "rows" FROM (
    SELECT p."id"::text AS "id", p."subject_id", p."status"::text AS "status",
      to_char(p."enrollment_date", 'YYYY-MM-DD') AS "enrollment_date", s."code" AS "site_code",
      f."patient_id" IS NOT NULL AS "has_facts", ${date("last_visit_date")},
      f."assessment_visit_keys", f."assessment_dates"::text[] AS "assessment_dates", f."assessment_responses",
      f."assessment_pct_from_baseline", f."best_overall_response", f."bor_confirmed", ${date("progression_date")},
      f."progression_source", f."progression_record_id"::text AS "progression_record_id", f."end_of_study_record_id"::text AS "end_of_study_record_id",
      ${date("progression_date_entered")}, ${date("death_date")}, ${date("last_known_alive_date")},
      ${date("off_treatment_date")}, ${date("off_study_date")}, f."cytokines_record_id"::text AS "cytokines_record_id",
      f."cytokine_analytes", f."cytokine_values", f."cytokine_units", f."cytokine_lloqs", f."cytokine_below_lloq"
    FROM "patients" p JOIN "sites" s ON s."id" = p."site_id"
    LEFT JOIN "patient_efficacy_facts" f ON f."patient_id" = p."id"
    WHERE p."deleted_at" IS NULL AND p."enrollment_date" IS NOT NULL AND ($1 OR p."site_id" = ANY($2::uuid[]))
    ) r`,
    all,
    siteIds,
  );
  // Positional arrays, not objects: the keys would be two thirds of the document.
  const rows = (JSON.parse(result!.rows) as unknown[][]).map(
    (values) => Object.fromEntries(COHORT_COLUMNS.map((c, i) => [c, values[i]])) as unknown as CohortRow,
  );
  return rows.map((row) =>
    toAnalysisPatient(
      {
        patientId: row.id,
        subjectId: row.subject_id,
        siteCode: row.site_code,
        status: row.status,
        enrollmentDate: row.enrollment_date,
      },
      row.has_facts ? toFacts(row) : null,
      row.last_visit_date,
    ),
  );
}

function toFacts(row: CohortRow): EfficacyFacts {
  return {
    assessments: row.assessment_dates.map((date, i) => ({
      visitKey: row.assessment_visit_keys[i] ?? null,
      date,
      response: row.assessment_responses[i]!,
      pctFromBaseline: row.assessment_pct_from_baseline[i] ?? null,
    })),
    endOfStudyRecordId: row.end_of_study_record_id,
    endOfStudy: {
      progressionDate: row.progression_date_entered,
      deathDate: row.death_date,
      lastKnownAliveDate: row.last_known_alive_date,
      offTreatmentDate: row.off_treatment_date,
      offStudyDate: row.off_study_date,
    },
    cytokinesRecordId: row.cytokines_record_id,
    cytokines: row.cytokine_analytes.map((analyte, i) => ({
      analyte,
      value: row.cytokine_values[i] ?? null,
      unit: row.cytokine_units[i]!,
      lloq: row.cytokine_lloqs[i] ?? null,
      belowLloq: row.cytokine_below_lloq[i]!,
    })),
    bestOverallResponse: row.best_overall_response,
    borConfirmed: row.bor_confirmed,
    progressionDate: row.progression_date,
    progressionSource: row.progression_source,
    progressionRecordId: row.progression_record_id,
  };
}
