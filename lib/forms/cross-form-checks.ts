import type { RelatedRecord } from "./form-definition";
import { findAssessedProgression } from "./end-of-study-endpoints";

/** A saved form that a check found inconsistent with another form of the same patient. */
export interface CrossFormFinding {
  checkKey: string;
  recordId: string;
  formType: string;
  fieldPath: string;
  message: string;
}

/**
 * An edit check across forms. It never blocks a save (either form may be the one that is
 * wrong, and the site may be waiting for a source document): a failing check opens a system
 * query on the field for the site to answer, and closes it when a later save makes the check
 * pass. `reads` names the form types it looks at: it runs when one of them is saved.
 */
export interface CrossFormCheck {
  key: string;
  reads: readonly string[];
  run: (records: readonly RelatedRecord[], patient: { enrollmentDate: string | null }) => CrossFormFinding[];
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const field = (record: RelatedRecord | undefined, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (value, key) =>
        typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      record?.data,
    );
const one = (records: readonly RelatedRecord[], formType: string) => records.find((r) => r.formType === formType);
const all = (records: readonly RelatedRecord[], formType: string) => records.filter((r) => r.formType === formType);

/** An eligibility answer of "yes" that the baseline form's measured or computed value contradicts. */
function eligibilityAgainstBaseline(
  key: string,
  criterion: string,
  what: string,
  contradicts: (baseline: RelatedRecord) => string | null,
): CrossFormCheck {
  return {
    key,
    reads: ["eligibility", "baseline"],
    run: (records) => {
      const eligibility = one(records, "eligibility");
      const baseline = one(records, "baseline");
      if (!eligibility || !baseline || field(eligibility, `answers.${criterion}`) !== "yes") return [];
      const found = contradicts(baseline);
      return found
        ? [
            {
              checkKey: key,
              recordId: eligibility.id,
              formType: "eligibility",
              fieldPath: `answers.${criterion}`,
              message: `Criterion ${criterion} (${what}) is answered yes, but the baseline form ${found}. Check the source and correct one of the forms.`,
            },
          ]
        : [];
    },
  };
}

export const CROSS_FORM_CHECKS: readonly CrossFormCheck[] = [
  // The protocol's inclusion criteria I5, I6 and I8 (lib/domain/eligibility/criteria) against the baseline measurements.
  eligibilityAgainstBaseline("eligibility-child-pugh", "I6", "Child-Pugh class A or B", (b) =>
    b.computed.childPughClass === "C" ? `computes Child-Pugh C (score ${String(b.computed.childPughScore)})` : null,
  ),
  eligibilityAgainstBaseline("eligibility-ecog", "I5", "ECOG performance status 0 to 2", (b) => {
    const ecog = field(b, "ecogPs");
    return typeof ecog === "number" && ecog > 2 ? `records ECOG ${ecog}` : null;
  }),
  eligibilityAgainstBaseline("eligibility-age", "I8", "age 18 or older", (b) => {
    const age = field(b, "ageYears");
    return typeof age === "number" && age < 18 ? `records an age of ${age}` : null;
  }),
  {
    // One progression date (lib/domain/survival/progression-date): a later typed date cannot be the progression.
    key: "progression-after-pd-scan",
    reads: ["end-of-study", "tumour-assessment"],
    run: (records, patient) => {
      const endOfStudy = one(records, "end-of-study");
      const entered = text(field(endOfStudy, "progressionDate"));
      const scan = patient.enrollmentDate ? findAssessedProgression(records, patient.enrollmentDate) : null;
      if (!endOfStudy || !entered || !scan || entered <= scan.date) return [];
      return [
        {
          checkKey: "progression-after-pd-scan",
          recordId: endOfStudy.id,
          formType: "end-of-study",
          fieldPath: "progressionDate",
          message: `The progression date ${entered} is later than the first tumour assessment with progressive disease (${scan.date}${scan.visitKey ? `, ${scan.visitKey}` : ""}); PFS uses ${scan.date}. Correct the date or the assessment.`,
        },
      ];
    },
  },
  {
    key: "adverse-event-after-death",
    reads: ["end-of-study", "adverse-event"],
    run: (records) => {
      const death = text(field(one(records, "end-of-study"), "deathDate"));
      if (!death) return [];
      return all(records, "adverse-event")
        .filter((ae) => (text(field(ae, "onsetDate")) ?? "") > death)
        .map((ae) => ({
          checkKey: "adverse-event-after-death",
          recordId: ae.id,
          formType: "adverse-event",
          fieldPath: "onsetDate",
          message: `The onset date ${String(field(ae, "onsetDate"))} is after the patient's death on ${death}.`,
        }));
    },
  },
  {
    key: "dosing-after-end-of-treatment",
    reads: ["end-of-study", "dosing"],
    run: (records) => {
      const offTreatment = text(field(one(records, "end-of-study"), "offTreatmentDate"));
      if (!offTreatment) return [];
      const dispensed = (d: RelatedRecord) =>
        ["uft", "thalidomide"].some(
          (drug) => field(d, `${drug}.status`) === "given" || field(d, `${drug}.status`) === "reduced",
        );
      return all(records, "dosing")
        .filter((d) => (text(field(d, "visitDate")) ?? "") > offTreatment && dispensed(d))
        .map((d) => ({
          checkKey: "dosing-after-end-of-treatment",
          recordId: d.id,
          formType: "dosing",
          fieldPath: "visitDate",
          message: `Study drug is recorded as given on ${String(field(d, "visitDate"))}, after the end of treatment on ${offTreatment}.`,
        }));
    },
  },
];

/** The checks a save of `formType` can change the outcome of, and the form types they read. */
export function checksAffectedBy(formType: string): { checks: CrossFormCheck[]; reads: string[] } {
  const checks = CROSS_FORM_CHECKS.filter((c) => c.reads.includes(formType));
  return { checks, reads: [...new Set(checks.flatMap((c) => c.reads))] };
}

export function runCrossFormChecks(
  checks: readonly CrossFormCheck[],
  records: readonly RelatedRecord[],
  patient: { enrollmentDate: string | null },
): CrossFormFinding[] {
  return checks.flatMap((check) => check.run(records, patient));
}
