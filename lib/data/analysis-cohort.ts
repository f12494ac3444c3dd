import "server-only";
import type { SiteScope } from "@/lib/auth/actor";
import { toStoredAnalysisPatient, type CytokineFact, type StoredPatientFacts } from "@/lib/analysis/efficacy-facts";
import type { AnalysisPatientRecords } from "@/lib/analysis/patient-records";
import type { Response } from "@/lib/domain/recist";
import { getPrisma } from "@/lib/db/prisma";
import { assertIsoDateStyle } from "./date-style";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The enrolled patients an analysis covers, one row per patient from patient_efficacy_facts
 * (kept by every save, lib/data/efficacy-facts.ts): no form's JSON is read, and each patient's
 * response (best overall response, progression) comes as stored, so the first request after a
 * save costs what any other does. The analyses read it through the cohort kept in the process
 * (analysis-cohort-store.ts: readCohortChanges, every part, only the patients written since);
 * loadAnalysisCohort is the whole read of one scope, with only the parts asked for, which the
 * store's test compares with and bench/efficacy-profile.ts times. Not exported to pages:
 * lib/data/analysis.ts checks dashboard.read and passes the scope in.
 * lib/data/analysis-cohort.integration.test.ts compares the results with the computation from
 * every saved form read whole.
 */
export interface CohortParts {
  assessments: boolean;
  cytokines: boolean;
}

// One text document, fields split by the unit separator (31) and patients by the record separator (30):
// at 10,000 patients PostgreSQL builds it about three times faster than the same values as
// JSON (BENCHMARKS.md, session 8). The free-text values (subject ID, site code, the cytokines)
// travel JSON-encoded, which escapes every control character, so neither separator occurs in them.
const FIELD_SEPARATOR = "\u001f";
const ROW_SEPARATOR = "\u001e";

/** The fields of every row, in order; each a text expression, '' for NULL. */
const SCALAR_FIELDS = [
  `p."id"::text`,
  `to_json(p."subject_id")::text`,
  `p."status"::text`,
  `p."enrollment_date"::text`,
  `to_json(s."code")::text`,
  `CASE WHEN f."patient_id" IS NOT NULL THEN '1' END`,
  `f."last_visit_date"::text`,
  `f."best_overall_response"`,
  `CASE WHEN f."bor_confirmed" THEN '1' END`,
  `f."progression_date"::text`,
  `f."progression_source"`,
  `CASE WHEN f."end_of_study_record_id" IS NOT NULL THEN '1' END`,
  `f."progression_date_entered"::text`,
  `f."death_date"::text`,
  `f."last_known_alive_date"::text`,
  `f."off_treatment_date"::text`,
  `f."off_study_date"::text`,
  `f."assessment_dates"[cardinality(f."assessment_dates")]::text`,
];
const ASSESSMENT_FIELDS = [
  `array_to_string(f."assessment_dates", ' ')`,
  `array_to_string(f."assessment_responses", ' ')`,
  // float8 as text is the shortest exact form (PostgreSQL 12+), as in JSON; '' for a null.
  `array_to_string(f."assessment_pct_from_baseline", ' ', '')`,
];
const CYTOKINE_FIELDS = [
  `CASE WHEN f."cytokines_record_id" IS NOT NULL THEN json_build_array(f."cytokine_analytes", f."cytokine_values", f."cytokine_units", f."cytokine_lloqs", f."cytokine_below_lloq")::text END`,
];

const ALL_PARTS: CohortParts = { assessments: true, cytokines: true };
const ALL_FIELDS = [...SCALAR_FIELDS, ...ASSESSMENT_FIELDS, ...CYTOKINE_FIELDS];
/** An enrolled patient not deleted: the analyses' population (intention to treat). */
const IS_MEMBER = `p."deleted_at" IS NULL AND p."enrollment_date" IS NOT NULL`;
const rowText = (fields: readonly string[]) =>
  `concat_ws(chr(31), ${fields.map((f) => `coalesce(${f}, '')`).join(", ")})`;
const FROM_PATIENTS = `FROM "patients" p JOIN "sites" s ON s."id" = p."site_id"
    LEFT JOIN "patient_efficacy_facts" f ON f."patient_id" = p."id"`;

export async function loadAnalysisCohort(
  scope: Exclude<SiteScope, { kind: "none" }>,
  parts: CohortParts,
  db: Prisma.TransactionClient = getPrisma(),
): Promise<AnalysisPatientRecords[]> {
  const all = scope.kind === "all";
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  const fields = [
    ...SCALAR_FIELDS,
    ...(parts.assessments ? ASSESSMENT_FIELDS : []),
    ...(parts.cytokines ? CYTOKINE_FIELDS : []),
  ];
  const [result] = await db.$queryRawUnsafe<{ rows: string | null }[]>(
    `SELECT string_agg(${rowText(fields)}, chr(30) ORDER BY p."subject_id") AS "rows"
    ${FROM_PATIENTS}
    WHERE ${IS_MEMBER} AND ($1 OR p."site_id" = ANY($2::uuid[]))`,
    all,
    siteIds,
  );
  if (!result?.rows) return [];
  return result.rows.split(ROW_SEPARATOR).map((line) => toPatient(line.split(FIELD_SEPARATOR), parts));
}

/** What changed in the analysis cohort since a read (lib/data/analysis-cohort-store.ts). */
export interface CohortChanges {
  /** The xmin of this read's snapshot, as text: the next read asks for rows written from it on. */
  xmin: string;
  /**
   * The database (its name and server start) and the sites' codes, which every patient's row
   * carries: a restart (a restore brings transaction ids back) or a new code means a full read.
   */
  origin: string;
  /** Members of the cohort now, to check the kept ones against. */
  members: number;
  /** Each patient read: a member with every part of their facts, or only their id when no longer one. */
  patients: { patientId: string; siteId: string; patient: AnalysisPatientRecords | null }[];
}

/**
 * The patients whose row or efficacy facts a transaction wrote at or after `since` (an earlier
 * read's xmin; migration 20261210000000_cohort_change_xids), or every member when `since` is
 * null, with every part of their facts, in one statement (one snapshot). Members come by
 * subject ID, the order of loadAnalysisCohort.
 */
export async function readCohortChanges(
  since: string | null,
  db: Prisma.TransactionClient = getPrisma(),
): Promise<CohortChanges> {
  const which =
    since === null
      ? IS_MEMBER
      : // An array, not IN (subquery): without statistics on change_xid the planner guessed a third
        // of the patients changed and hashed the whole trial; an array's guess is a few rows, so
        // each changed patient is found by its primary key (bench/efficacy-profile.ts, "kept
        // cohort after one write" at 100,000 patients: 124-165 -> 30-36 ms, BENCHMARKS.md session 11).
        `p."id" = ANY (ARRAY(SELECT "id" FROM "patients" WHERE "change_xid" >= $1::bigint
          UNION SELECT "patient_id" FROM "patient_efficacy_facts" WHERE "change_xid" >= $1::bigint))`;
  const [result] = await db.$queryRawUnsafe<{ xmin: string; origin: string; members: number; rows: string | null }[]>(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS "xmin",
      concat_ws(' ', current_database(), pg_postmaster_start_time()::text,
        (SELECT string_agg(s."id"::text || ' ' || s."code", ',' ORDER BY s."id") FROM "sites" s)) AS "origin",
      (SELECT count(*)::int FROM "patients" p WHERE ${IS_MEMBER}) AS "members",
      (SELECT string_agg(${rowText([`CASE WHEN ${IS_MEMBER} THEN '1' END`, `p."site_id"::text`, ...ALL_FIELDS])}, chr(30))
        ${FROM_PATIENTS} WHERE ${which}) AS "rows"`,
    ...(since === null ? [] : [since]),
  );
  const patients = (result!.rows ? result!.rows.split(ROW_SEPARATOR) : []).map((line) => {
    const [member, siteId, ...values] = line.split(FIELD_SEPARATOR);
    return { patientId: values[0]!, siteId: siteId!, patient: member ? toPatient(values, ALL_PARTS) : null };
  });
  return { xmin: result!.xmin, origin: result!.origin, members: result!.members, patients };
}

const orNull = (value: string): string | null => (value === "" ? null : value);
const list = (value: string): string[] => (value === "" ? [] : value.split(" "));

function toPatient(values: string[], parts: CohortParts): AnalysisPatientRecords {
  const [id, subjectId, status, enrollmentDate, siteCode, hasFacts, lastVisitDate] = values as [string, ...string[]];
  assertIsoDateStyle(enrollmentDate);
  const patient = {
    patientId: id,
    subjectId: JSON.parse(subjectId!) as string,
    siteCode: JSON.parse(siteCode!) as string,
    status: status!,
    enrollmentDate: enrollmentDate!,
  };
  if (!hasFacts) return { ...patient, lastVisitDate: orNull(lastVisitDate!), records: [] };
  const [
    bor,
    confirmed,
    progressionDate,
    progressionSource,
    hasEndOfStudy,
    entered,
    death,
    alive,
    offTreatment,
    offStudy,
    lastAssessment,
  ] = values.slice(7, SCALAR_FIELDS.length);
  let next = SCALAR_FIELDS.length;
  let assessments: StoredPatientFacts["assessments"] = null;
  if (parts.assessments) {
    const dates = list(values[next]!);
    const responses = list(values[next + 1]!);
    const pcts = list(values[next + 2]!);
    assessments = dates.map((date, i) => ({
      visitKey: null,
      date,
      response: responses[i] as Response,
      pctFromBaseline: pcts[i] ? Number(pcts[i]) : null,
    }));
    next += ASSESSMENT_FIELDS.length;
  }
  let cytokines: CytokineFact[] | null = null;
  if (parts.cytokines && values[next]) {
    const [analytes, amounts, units, lloqs, below] = JSON.parse(values[next]!) as [
      string[],
      (number | null)[],
      string[],
      (number | null)[],
      boolean[],
    ];
    cytokines = analytes.map((analyte, i) => ({
      analyte,
      value: amounts[i] ?? null,
      unit: units[i]!,
      lloq: lloqs[i] ?? null,
      belowLloq: below[i]!,
    }));
  }
  return toStoredAnalysisPatient(patient, {
    lastVisitDate: orNull(lastVisitDate!),
    response: {
      bestOverallResponse: bor as Response,
      confirmed: confirmed === "1",
      progressionSource: (orNull(progressionSource!) ?? undefined) as "assessments" | "entered" | undefined,
      progressionDate: orNull(progressionDate!) ?? undefined,
      lastAssessmentDate: orNull(lastAssessment!),
    },
    endOfStudy: hasEndOfStudy
      ? {
          progressionDate: orNull(entered!),
          deathDate: orNull(death!),
          lastKnownAliveDate: orNull(alive!),
          offTreatmentDate: orNull(offTreatment!),
          offStudyDate: orNull(offStudy!),
        }
      : null,
    assessments,
    cytokines,
  });
}
