import { computeUftDose } from "@/lib/domain/dosing/uft-dose";
import { addDays } from "@/lib/domain/schedule/visit-schedule";
import type { AdverseEventData } from "@/lib/forms/adverse-event-schema";
import type { DosingData } from "@/lib/forms/dosing/dosing-schema";
import type { EndOfStudyData } from "@/lib/forms/end-of-study-form";
import { LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import type { LabsData } from "@/lib/forms/labs/labs-schema";
import type { PregnancyTestData } from "@/lib/forms/pregnancy-test-form";
import type { Prng } from "./prng";

const THALIDOMIDE_CAPSULES_PER_DAY = 4; // 100 mg twice daily in 50 mg capsules
const DAYS_PER_PERIOD = 28;

/**
 * Dosing at each 4-weekly visit: weight drifts, capsules are dispensed for the next period
 * (the pharmacy counts what the prescription needs; the app computes the dose itself) and
 * the unused ones from the previous period come back.
 */
export function buildDosingVisits(
  prng: Prng,
  visitDates: readonly string[],
  heightCm: number,
  startWeightKg: number,
): DosingData[] {
  let weightKg = startWeightKg;
  return visitDates.map((visitDate, index) => {
    if (index > 0) weightKg = Number((weightKg * prng.uniform(0.97, 1.01)).toFixed(1));
    const uftPerDose = computeUftDose({ heightCm, weightKg, doseLevel: 0 }).capsulesPerDose;
    const returned = (perDay: number) => (index === 0 ? null : Math.min(perDay * 4, prng.int(0, perDay * 2)));
    return {
      visitDate,
      weightKg,
      heightCm,
      uft: {
        doseLevel: 0,
        status: "given",
        statusReason: null,
        statusReasonText: "",
        capsulesDispensed: uftPerDose * 2 * DAYS_PER_PERIOD,
        capsulesReturned: returned(uftPerDose * 2),
        prescribedCapsulesPerDose: null,
        overrideReason: "",
      },
      thalidomide: {
        doseLevel: 0,
        status: "given",
        statusReason: null,
        statusReasonText: "",
        capsulesDispensed: THALIDOMIDE_CAPSULES_PER_DAY * DAYS_PER_PERIOD,
        capsulesReturned: returned(THALIDOMIDE_CAPSULES_PER_DAY),
      },
    };
  });
}

/** Blood counts, liver and kidney tests of advanced HCC on treatment, against the panel's default normal ranges. */
export function buildLabs(prng: Prng, sampleDate: string, cirrhotic: boolean): LabsData {
  const ranges: Record<string, [number, number]> = {
    neutrophils: [1.3, 5.5],
    platelets: [cirrhotic ? 60 : 110, cirrhotic ? 140 : 260],
    hemoglobin: [9.8, 14.8],
    wbc: [3, 9],
    bilirubin: [cirrhotic ? 1.6 : 0.5, cirrhotic ? 2.9 : 1.5],
    ast: [35, 160],
    alt: [25, 120],
    alp: [90, 320],
    creatinine: [0.6, 1.3],
    albumin: [cirrhotic ? 2.8 : 3.4, cirrhotic ? 3.5 : 4.5],
  };
  const results = Object.fromEntries(
    LAB_PANEL.map((p) => {
      const [min, max] = ranges[p.test] ?? [p.lln, p.uln];
      const digits = p.test === "platelets" || p.test === "ast" || p.test === "alt" || p.test === "alp" ? 0 : 1;
      return [
        p.test,
        { value: Number(prng.uniform(min, max).toFixed(digits)), unit: p.defaultUnit, lln: p.lln, uln: p.uln },
      ];
    }),
  ) as LabsData["results"];
  return { sampleDate, results };
}

/** Toxicities typical of thalidomide and metronomic UFT, graded 1-2 (CTCAE v5.0 terms). */
const AE_POOL: readonly { term: string; grades: readonly number[]; drug: "thalidomide" | "uft" }[] = [
  { term: "Fatigue", grades: [1, 2], drug: "thalidomide" },
  { term: "Constipation", grades: [1, 2], drug: "thalidomide" },
  { term: "Somnolence", grades: [1], drug: "thalidomide" },
  { term: "Peripheral sensory neuropathy", grades: [1, 2], drug: "thalidomide" },
  { term: "Rash maculo-papular", grades: [1, 2], drug: "thalidomide" },
  { term: "Dizziness", grades: [1], drug: "thalidomide" },
  { term: "Anorexia", grades: [1, 2], drug: "uft" },
  { term: "Diarrhea", grades: [1, 2], drug: "uft" },
  { term: "Nausea", grades: [1], drug: "uft" },
  { term: "Edema limbs", grades: [1], drug: "thalidomide" },
];

export function buildAdverseEvents(
  prng: Prng,
  enrollmentDate: string,
  treatmentDays: number,
  count: number,
): AdverseEventData[] {
  return prng
    .shuffle(AE_POOL)
    .slice(0, count)
    .map((ae) => {
      const onsetDay = prng.int(3, Math.max(3, treatmentDays - 2));
      const resolutionDay = Math.min(treatmentDays, onsetDay + prng.int(5, 30));
      const related =
        ae.drug === "thalidomide"
          ? { thalidomide: "probable", uft: "unlikely" }
          : { thalidomide: "unlikely", uft: "possible" };
      return {
        term: ae.term,
        grade: prng.pick(ae.grades),
        onsetDate: addDays(enrollmentDate, onsetDay),
        ongoing: false,
        resolutionDate: addDays(enrollmentDate, Math.max(onsetDay, resolutionDay)),
        serious: "no",
        saeCriteria: {
          death: false,
          lifeThreatening: false,
          hospitalization: false,
          disability: false,
          congenitalAnomaly: false,
          otherImportant: false,
        },
        awareAt: null,
        attribution: related as AdverseEventData["attribution"],
        actionTaken: { thalidomide: "none", uft: "none" },
        outcome: "recovered",
        deathDate: null,
      };
    });
}

export interface FollowUp {
  progressionDate: string | null;
  deathDate: string | null;
  lastKnownAliveDate: string | null;
  offTreatmentDate: string | null;
  offTreatmentReason: "progression" | "death" | null;
}

export function buildEndOfStudy(followUp: FollowUp): EndOfStudyData {
  const dead = followUp.deathDate !== null;
  return {
    progressionDate: followUp.progressionDate,
    lastKnownAliveDate: followUp.lastKnownAliveDate,
    deathDate: followUp.deathDate,
    deathCause: dead ? "disease-progression" : null,
    deathCauseOther: null,
    offTreatmentDate: followUp.offTreatmentDate,
    offTreatmentReason: followUp.offTreatmentReason,
    offTreatmentReasonOther: null,
    offStudyDate: followUp.deathDate,
    offStudyReason: dead ? "death" : null,
    offStudyReasonOther: null,
  };
}

/**
 * The pregnancy prevention records thalidomide dispensing needs (lib/domain/safety/pregnancy-prevention):
 * a male is counselled once; a female from 50 is recorded as past natural menopause; a younger
 * female is counselled and has a negative urine test on each dispensing day.
 */
export function buildPregnancyPrevention(
  sex: string | null,
  ageYears: number | null,
  dosingDates: readonly string[],
): PregnancyTestData[] {
  const first = dosingDates[0];
  if (!first) return [];
  const record = (
    testDate: string,
    category: PregnancyTestData["category"],
    method: PregnancyTestData["method"],
    result: PregnancyTestData["result"],
  ): PregnancyTestData => ({
    testDate,
    category,
    noPotentialReason: category === "female-no-reproductive-potential" ? "natural-menopause-24-months" : null,
    counselled: true,
    method,
    result,
  });
  if (sex === "male") return [record(first, "male", "not-done", null)];
  if ((ageYears ?? 0) >= 50) return [record(first, "female-no-reproductive-potential", "not-done", null)];
  return dosingDates.map((date) => record(date, "female-reproductive-potential", "urine-hcg", "negative"));
}
