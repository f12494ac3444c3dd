import { TRIAL_ELIGIBILITY_CRITERIA } from "@/lib/domain/eligibility/criteria";
import type { BaselineInput } from "@/lib/forms/baseline-form";
import type { CytokinesData } from "@/lib/forms/cytokines-form";
import type { EligibilityData } from "@/lib/forms/eligibility-form";
import type { Prng } from "./prng";

/** Eligibility answers that pass every criterion, or fail the one given (a screen failure). */
export function buildEligibility(consentDate: string, failing: string | null): EligibilityData {
  const answers = Object.fromEntries(
    TRIAL_ELIGIBILITY_CRITERIA.map((c) => {
      const passes = c.kind === "inclusion" ? "yes" : "no";
      const fails = c.kind === "inclusion" ? "no" : "yes";
      return [c.id, c.id === failing ? fails : passes];
    }),
  ) as EligibilityData["answers"];
  return { consentDate, answers };
}

/** CLIP points (Child-Pugh, morphology, AFP, portal vein) giving each target score (CLIP Investigators, Hepatology 1998;28:751-755). */
const CLIP_PATTERNS: Readonly<Record<number, readonly (readonly [number, number, number, number])[]>> = {
  1: [
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [1, 0, 0, 0],
  ],
  2: [
    [0, 2, 0, 0],
    [0, 1, 1, 0],
    [0, 1, 0, 1],
    [1, 1, 0, 0],
  ],
  3: [
    [0, 2, 1, 0],
    [0, 2, 0, 1],
    [0, 1, 1, 1],
    [1, 1, 1, 0],
    [1, 2, 0, 0],
  ],
  4: [
    [0, 2, 1, 1],
    [1, 1, 1, 1],
    [1, 2, 1, 0],
    [1, 2, 0, 1],
  ],
};

export interface BaselineDesign {
  clipScore: 1 | 2 | 3 | 4;
  hbv: boolean;
  hcv: boolean;
}

export interface BaselineFacts {
  data: BaselineInput;
  morphology: "uninodular" | "multinodular" | "massive";
  portalVeinInvasion: boolean;
  extrahepaticSites: ("lung" | "lymph-nodes" | "bone")[];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Baseline data of advanced HCC whose inputs give the designed CLIP score when the app
 * computes it; Child-Pugh A (5 points) or B (8 points) from the liver tests.
 */
export function buildBaseline(prng: Prng, assessmentDate: string, design: BaselineDesign): BaselineFacts {
  const [cp, morphologyPoints, afpPoint, pvPoint] = prng.pick(CLIP_PATTERNS[design.clipScore] ?? []);
  const sex = prng.chance(0.84) ? "male" : "female";
  const heightCm = round(sex === "male" ? 158 + prng.uniform(0, 22) : 148 + prng.uniform(0, 18), 1);
  const bmi = prng.uniform(18.5, 27);
  const morphology =
    morphologyPoints === 0
      ? "uninodular"
      : morphologyPoints === 1
        ? "multinodular"
        : prng.chance(0.5)
          ? "massive"
          : "multinodular";
  const extentOver50 = morphologyPoints === 2 && (morphology === "multinodular" || prng.chance(0.5));
  const extrahepatic = prng.chance(0.4);
  const extrahepaticSites = extrahepatic
    ? prng.shuffle(["lung", "lymph-nodes", "bone"] as const).slice(0, prng.int(1, 2))
    : [];
  const childPughB = cp === 1;
  const data: BaselineInput = {
    assessmentDate,
    sex,
    ageYears: prng.int(38, 79),
    ethnicity: "Han Taiwanese",
    heightCm,
    weightKg: round((bmi * heightCm * heightCm) / 10_000, 1),
    ecogPs: prng.pick([0, 1, 1, 1, 2]),
    hbsag: design.hbv ? "positive" : "negative",
    antiHcv: design.hcv ? "positive" : "negative",
    bilirubin: { value: round(childPughB ? prng.uniform(2.1, 2.8) : prng.uniform(0.5, 1.6), 1), unit: "mg/dL" },
    albumin: { value: round(childPughB ? prng.uniform(2.9, 3.4) : prng.uniform(3.6, 4.5), 1), unit: "g/dL" },
    inr: round(childPughB ? prng.uniform(1.1, 1.5) : prng.uniform(0.95, 1.3), 2),
    ascites: childPughB ? "mild" : "none",
    encephalopathy: "none",
    tumourMorphology: morphology,
    tumourExtentOver50Pct: extentOver50 ? "yes" : "no",
    afpNgPerMl: round(afpPoint ? Math.exp(prng.uniform(Math.log(420), Math.log(80_000))) : prng.uniform(3, 380), 1),
    portalVeinInvasion: pvPoint ? "yes" : "no",
    noduleCount: morphology === "multinodular" ? prng.int(2, 6) : 1,
    largestNoduleCm: round(morphology === "massive" ? prng.uniform(9, 15) : prng.uniform(3.5, 9), 1),
    extrahepaticSpread: extrahepatic ? "yes" : "no",
    extrahepaticSites: [...extrahepaticSites],
    extrahepaticOtherSite: null,
  };
  return { data, morphology, portalVeinInvasion: pvPoint === 1, extrahepaticSites: [...extrahepaticSites] };
}

/**
 * The five baseline cytokines. `risk` (0 = longest survival, 1 = shortest) shifts IL-6 and
 * IL-8 upwards, as the trial observed; VEGF, bFGF and TNF-alpha carry no association.
 * Log-normal levels; a level under the assay's LLOQ is recorded as below LLOQ (no value).
 */
export function buildCytokines(prng: Prng, sampleDate: string, risk: number): CytokinesData {
  const analyte = (name: string, logMedian: number, riskSlope: number, sd: number, lloq: number) => {
    const level = Math.exp(logMedian + riskSlope * (risk - 0.5) + sd * prng.normal());
    return level < lloq
      ? { analyte: name, value: null, unit: "pg/mL" as const, lloq, belowLloq: true }
      : { analyte: name, value: round(level, 1), unit: "pg/mL" as const, lloq, belowLloq: false };
  };
  return {
    sampleDate,
    analytes: [
      analyte("IL-6", Math.log(9), 1.4, 0.75, 1.5),
      analyte("IL-8", Math.log(28), 1.2, 0.65, 3.5),
      analyte("VEGF", Math.log(260), 0, 0.6, 31),
      analyte("bFGF", Math.log(7), 0, 0.7, 3),
      analyte("TNF-alpha", Math.log(1.6), 0, 0.6, 1.6),
    ],
  };
}
