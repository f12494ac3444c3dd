import { addDays } from "@/lib/domain/schedule/visit-schedule";
import { daysBetween } from "@/lib/domain/iso-date";
import type { EligibilityData } from "@/lib/forms/eligibility-form";
import { DEMO_SITES } from "../demo-accounts";
import { buildBaseline, buildCytokines, buildEligibility } from "./cohort-baseline";
import { buildTumourAssessment, buildTumourBaseline, planFindings } from "./cohort-tumour";
import {
  buildAdverseEvents,
  buildDosingVisits,
  buildEndOfStudy,
  buildLabs,
  buildPregnancyPrevention,
} from "./cohort-visits";
import { createPrng, type Prng } from "./prng";
import { SURVIVAL_DESIGN, type SurvivalProfile } from "./survival-design";

/** Synthetic data: no real person. Seeded, so every start and every machine gets the same cohort. */
export const DEMO_COHORT_SEED = 20_120_601;
/** Everyone alive is last known alive on this date; every date of the cohort is on or before it. */
export const DEMO_DATA_CUTOFF = "2026-10-31";
const FIRST_ENROLLMENT = "2024-01-15";
const ENROLLMENT_SPAN_DAYS = 530;

export type DemoSiteCode = (typeof DEMO_SITES)[number]["code"];

export interface PlannedForm {
  formType: string;
  visitKey: string | null;
  data: unknown;
}

export interface PlannedPatient {
  siteCode: DemoSiteCode;
  screeningDate: string;
  eligibility: EligibilityData;
  /** null for a screen failure. */
  enrollmentDate: string | null;
  screenFailureReason: string | null;
  /** Forms entered after enrollment, in the order an investigator would enter them. */
  forms: PlannedForm[];
  /** The designed course (kept for tests and documentation; never stored). */
  profile: SurvivalProfile | null;
}

const SCREEN_FAILURES: readonly { siteCode: DemoSiteCode; criterion: string; reason: string }[] = [
  { siteCode: "TW01", criterion: "I6", reason: "Child-Pugh class C at screening" },
  { siteCode: "TW01", criterion: "I7", reason: "Platelets 52 x10^9/L, below the protocol minimum" },
  { siteCode: "TW01", criterion: "E3", reason: "Brain metastasis on screening MRI" },
  { siteCode: "TW02", criterion: "I5", reason: "ECOG performance status 3" },
  { siteCode: "TW02", criterion: "I3", reason: "Prior sorafenib" },
  { siteCode: "TW03", criterion: "E2", reason: "Variceal bleeding two weeks before screening" },
];

function enrollmentDates(prng: Prng, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    Math.round((i * ENROLLMENT_SPAN_DAYS) / (n - 1) + (i === 0 || i === n - 1 ? 0 : prng.uniform(-4, 4))),
  )
    .sort((a, b) => a - b)
    .map((day) => addDays(FIRST_ENROLLMENT, day));
}

/** Patients ranked by survival (risk 1 = shortest OS): cytokines and CLIP follow it, as prognostic factors do. */
function riskByPatient(profiles: readonly SurvivalProfile[]): number[] {
  const order = profiles
    .map((p, i) => ({ i, key: (p.osDay ?? 10_000) + (p.pfsDay ?? 10_000) / 100_000 }))
    .sort((a, b) => a.key - b.key);
  const risk = new Array<number>(profiles.length).fill(0);
  order.forEach(({ i }, rank) => (risk[i] = 1 - rank / (profiles.length - 1)));
  return risk;
}

function clipScores(prng: Prng, risk: readonly number[]): (1 | 2 | 3 | 4)[] {
  const order = risk.map((r, i) => ({ i, key: r + prng.uniform(-0.35, 0.35) })).sort((a, b) => b.key - a.key);
  const scores = new Array<1 | 2 | 3 | 4>(risk.length).fill(1);
  // Shao et al. 2012: 16 of 43 patients had CLIP 4.
  order.forEach(({ i }, rank) => (scores[i] = rank < 16 ? 4 : rank < 27 ? 3 : rank < 37 ? 2 : 1));
  return scores;
}

function planImagingDays(prng: Prng, profile: SurvivalProfile, followUpDays: number): number[] {
  if (profile.response === "NE") return [];
  if (profile.response === "PD") return [profile.pfsDay ?? 56];
  const days: number[] = [];
  for (let week8 = 1; week8 <= 8; week8++) {
    const day = 56 * week8 + prng.int(-2, 3);
    if (profile.pfsDay !== null ? day >= profile.pfsDay - 20 : day > followUpDays) break;
    days.push(day);
  }
  return profile.pfsDay !== null ? [...days, profile.pfsDay] : days;
}

function planEnrolledPatient(
  prng: Prng,
  siteCode: DemoSiteCode,
  enrollmentDate: string,
  profile: SurvivalProfile,
  risk: number,
  clip: 1 | 2 | 3 | 4,
  hbv: boolean,
  hcv: boolean,
): PlannedPatient {
  const screeningDate = addDays(enrollmentDate, -prng.int(5, 14));
  const baselineDate = addDays(screeningDate, prng.int(0, 3));
  const day = (d: number) => addDays(enrollmentDate, d);
  const followUpDays = daysBetween(enrollmentDate, DEMO_DATA_CUTOFF);

  const baseline = buildBaseline(prng, baselineDate, { clipScore: clip, hbv, hcv });
  const tumour = buildTumourBaseline(prng, baselineDate, baseline);
  const hasNonTarget = tumour.data.nonTargetLesions.length > 0;

  const progressed = profile.progression === "recist" || profile.progression === "clinical";
  const offTreatmentDay =
    profile.pfsDay === null
      ? null
      : Math.min(profile.pfsDay + (profile.progression === "death" ? 0 : prng.int(0, 2)), profile.osDay ?? Infinity);
  const lastTreatedDay = offTreatmentDay ?? followUpDays;

  const dated: { date: string; order: number; form: PlannedForm }[] = [];
  const visitDays: number[] = [];
  for (let k = 0; 28 * k < lastTreatedDay; k++) visitDays.push(k === 0 ? 0 : 28 * k + prng.int(0, 2));
  const dosing = buildDosingVisits(
    prng,
    visitDays.map(day),
    baseline.data.heightCm ?? 165,
    baseline.data.weightKg ?? 60,
  );
  visitDays.forEach((d, k) => {
    const visitKey = k === 0 ? "day1" : `week${4 * k}`;
    dated.push({ date: day(d), order: 0, form: { formType: "dosing", visitKey, data: dosing[k] } });
    dated.push({
      date: day(d),
      order: 1,
      form: { formType: "labs", visitKey, data: buildLabs(prng, day(d), clip >= 3 && prng.chance(0.5)) },
    });
  });

  // Before the dosing of the same day (order -1); deterministic, so the seeded cohort is unchanged.
  for (const data of buildPregnancyPrevention(
    baseline.data.sex ?? null,
    baseline.data.ageYears ?? null,
    visitDays.map(day),
  )) {
    dated.push({ date: data.testDate, order: -1, form: { formType: "pregnancy-test", visitKey: null, data } });
  }

  const imagingDays = planImagingDays(prng, profile, followUpDays);
  if (profile.response !== "NE") {
    const findings = planFindings(prng, profile.response, imagingDays.length, profile.progression === "recist");
    imagingDays.forEach((d, i) => {
      const data = buildTumourAssessment(
        prng,
        day(d),
        tumour.targets,
        hasNonTarget,
        findings[i] ?? { scale: 1, newLesions: false },
      );
      dated.push({
        date: day(d),
        order: 2,
        form: { formType: "tumour-assessment", visitKey: `week${8 * Math.round(d / 56)}`, data },
      });
    });
  }
  for (const ae of buildAdverseEvents(prng, enrollmentDate, lastTreatedDay, prng.int(0, 3))) {
    dated.push({ date: ae.onsetDate, order: 3, form: { formType: "adverse-event", visitKey: null, data: ae } });
  }
  dated.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);

  const forms: PlannedForm[] = [
    { formType: "baseline", visitKey: "baseline", data: baseline.data },
    { formType: "cytokines", visitKey: "baseline", data: buildCytokines(prng, baselineDate, risk) },
    { formType: "tumour-baseline", visitKey: "baseline-imaging", data: tumour.data },
    ...dated.map((d) => d.form),
  ];
  if (offTreatmentDay !== null || profile.osDay !== null) {
    forms.push({
      formType: "end-of-study",
      visitKey: "end-of-study",
      data: buildEndOfStudy({
        progressionDate: progressed && profile.pfsDay !== null ? day(profile.pfsDay) : null,
        deathDate: profile.osDay === null ? null : day(profile.osDay),
        lastKnownAliveDate: profile.osDay === null ? DEMO_DATA_CUTOFF : null,
        offTreatmentDate: offTreatmentDay === null ? null : day(offTreatmentDay),
        offTreatmentReason: offTreatmentDay === null ? null : progressed ? "progression" : "death",
      }),
    });
  }
  return {
    siteCode,
    screeningDate,
    eligibility: buildEligibility(screeningDate, null),
    enrollmentDate,
    screenFailureReason: null,
    forms,
    profile,
  };
}

/**
 * The demo cohort: 43 enrolled patients (the published trial's size) across the demo sites
 * in proportion to their enrollment targets, plus a few screen failures; each with the forms
 * an investigator would enter. Pure: it returns plain form data, and computes nothing the
 * app computes (scores, doses, grades, responses, survival) except the capsules the pharmacy
 * dispenses for the prescribed dose.
 */
export function generateDemoCohort(seed: number = DEMO_COHORT_SEED): PlannedPatient[] {
  const prng = createPrng(seed);
  const profiles = prng.shuffle(SURVIVAL_DESIGN);
  const n = profiles.length;
  const dates = enrollmentDates(prng, n);
  const sites = prng.shuffle(DEMO_SITES.flatMap((s) => Array.from({ length: s.targetEnrollment }, () => s.code)));
  const risk = riskByPatient(profiles);
  const clip = clipScores(prng, risk);
  // Shao et al. 2012: 72% (31/43) chronic hepatitis B; hepatitis C mostly in the others.
  const viral = prng.shuffle(Array.from({ length: n }, (_, i) => i));
  const hbv = new Set(viral.slice(0, 31));
  const hcv = new Set([...viral.slice(31, 38), ...viral.slice(0, 2)]);

  const patients = profiles.map((profile, i) =>
    planEnrolledPatient(
      prng,
      sites[i] ?? "TW01",
      dates[i] ?? FIRST_ENROLLMENT,
      profile,
      risk[i] ?? 0.5,
      clip[i] ?? 1,
      hbv.has(i),
      hcv.has(i),
    ),
  );
  for (const failure of SCREEN_FAILURES) {
    const screeningDate = addDays(FIRST_ENROLLMENT, prng.int(0, ENROLLMENT_SPAN_DAYS));
    patients.push({
      siteCode: failure.siteCode,
      screeningDate,
      eligibility: buildEligibility(screeningDate, failure.criterion),
      enrollmentDate: null,
      screenFailureReason: failure.reason,
      forms: [],
      profile: null,
    });
  }
  // Subject IDs are issued per site in screening order.
  return patients.sort(
    (a, b) => a.siteCode.localeCompare(b.siteCode) || a.screeningDate.localeCompare(b.screeningDate),
  );
}
