import { z } from "zod";
import { optionalText } from "@/lib/schemas/optional-text";
import { HEIGHT_CM_RANGE, WEIGHT_KG_RANGE } from "@/lib/domain/dosing/bsa";
import { NODULE_CM_RANGE } from "@/lib/domain/liver/bclc";
import {
  ALBUMIN_G_PER_DL_RANGE,
  ASCITES_VALUES,
  BILIRUBIN_MG_PER_DL_RANGE,
  BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL,
  ENCEPHALOPATHY_VALUES,
  INR_RANGE,
} from "@/lib/domain/liver/child-pugh";
import { TUMOUR_MORPHOLOGIES } from "@/lib/domain/liver/clip";
import type { NumericRange } from "@/lib/domain/validate-range";
import { isoDate } from "@/lib/schemas/iso-date";
import { checkBaselineDate } from "./baseline-dates";
import { requireMeasurementReason } from "./body-measure-reason";
import { computeBaselineScores, summarizeBaselineScores, toAlbuminGPerDl, toBilirubinMgPerDl } from "./baseline-scores";
import { defineForm } from "./form-definition";

/** Age at consent in years: the protocol enrolls adults (eligibility I8); no date of birth is stored. */
export const AGE_YEARS_RANGE: NumericRange = { min: 18, max: 100 };
/** AFP upper plausibility bound in ng/mL (trial-configured; values in the millions occur in HCC). */
export const AFP_NG_PER_ML_MAX = 10_000_000;
export const EXTRAHEPATIC_SITES = ["lung", "lymph-nodes", "bone", "adrenal", "peritoneum", "other"] as const;
export const BILIRUBIN_UNITS = ["mg/dL", "umol/L"] as const;
export const ALBUMIN_UNITS = ["g/dL", "g/L"] as const;

const yesNo = z.enum(["yes", "no"], { error: "Answer yes or no" }).nullable();
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "Choose one" }).nullable();
function measure(label: string, unit: string, range: NumericRange, options: { integer?: boolean } = {}) {
  const number = z.number({ error: `Enter the ${label} as a number (${unit})` });
  return (options.integer ? number.int(`The ${label} is a whole number`) : number)
    .min(range.min, `The ${label} must be at least ${range.min} ${unit}`)
    .max(range.max, `The ${label} must be at most ${range.max} ${unit}`)
    .nullable();
}
const anyNumber = (label: string) => z.number({ error: `Enter the ${label} as a number` }).nullable();

// Lab values are stored as typed with their unit; the plausible ranges are the calculators'
// (lib/domain/liver/child-pugh), converted to the unit chosen.
const RANGE_IN_UNIT = {
  bilirubin: {
    "mg/dL": BILIRUBIN_MG_PER_DL_RANGE,
    "umol/L": {
      min: BILIRUBIN_MG_PER_DL_RANGE.min * BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL,
      max: BILIRUBIN_MG_PER_DL_RANGE.max * BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL,
    },
  },
  albumin: {
    "g/dL": ALBUMIN_G_PER_DL_RANGE,
    "g/L": { min: ALBUMIN_G_PER_DL_RANGE.min * 10, max: ALBUMIN_G_PER_DL_RANGE.max * 10 },
  },
} as const;

const BaselineFields = z.object({
  assessmentDate: isoDate("baseline assessment date"),
  sex: choice(["female", "male"]),
  ageYears: measure("age at consent", "years", AGE_YEARS_RANGE, { integer: true }),
  ethnicity: optionalText(60),
  heightCm: measure("height", "cm", HEIGHT_CM_RANGE),
  weightKg: measure("weight", "kg", WEIGHT_KG_RANGE),
  /** Why an unusual weight or height is right (lib/domain/dosing/body-measure-plausibility), audited with the value. */
  measurementReason: z.string().trim().max(500).nullish(),
  ecogPs: measure("ECOG performance status", "grade", { min: 0, max: 5 }, { integer: true }),
  hbsag: choice(["positive", "negative"]),
  antiHcv: choice(["positive", "negative"]),
  bilirubin: z.object({ value: anyNumber("bilirubin"), unit: z.enum(BILIRUBIN_UNITS) }),
  albumin: z.object({ value: anyNumber("albumin"), unit: z.enum(ALBUMIN_UNITS) }),
  inr: measure("INR", "ratio", INR_RANGE),
  ascites: choice(ASCITES_VALUES),
  encephalopathy: choice(ENCEPHALOPATHY_VALUES),
  tumourMorphology: choice(TUMOUR_MORPHOLOGIES),
  tumourExtentOver50Pct: yesNo,
  afpNgPerMl: measure("AFP", "ng/mL", { min: 0, max: AFP_NG_PER_ML_MAX }),
  portalVeinInvasion: yesNo,
  noduleCount: measure("number of nodules", "nodules", { min: 1, max: 100 }, { integer: true }),
  largestNoduleCm: measure("largest nodule diameter", "cm", NODULE_CM_RANGE),
  extrahepaticSpread: yesNo,
  extrahepaticSites: z.array(z.enum(EXTRAHEPATIC_SITES)).default([]),
  extrahepaticOtherSite: optionalText(60),
});

function checkUnitRange(
  ctx: z.RefinementCtx,
  path: string[],
  label: string,
  value: number | null,
  range: NumericRange,
  unit: string,
) {
  if (value !== null && (value < range.min || value > range.max)) {
    ctx.addIssue({
      code: "custom",
      path,
      message: `The ${label} must be from ${+range.min.toFixed(2)} to ${+range.max.toFixed(2)} ${unit}: check the unit`,
    });
  }
}

/** Baseline: demographics, body size, performance status, viral status, liver function and tumour staging. */
export const BaselineSchema = BaselineFields.superRefine((data, ctx) => {
  requireMeasurementReason(data, ctx);
  checkUnitRange(
    ctx,
    ["bilirubin", "value"],
    "bilirubin",
    data.bilirubin.value,
    RANGE_IN_UNIT.bilirubin[data.bilirubin.unit],
    data.bilirubin.unit,
  );
  checkUnitRange(
    ctx,
    ["albumin", "value"],
    "albumin",
    data.albumin.value,
    RANGE_IN_UNIT.albumin[data.albumin.unit],
    data.albumin.unit,
  );
  if (data.extrahepaticSpread === "yes" && data.extrahepaticSites.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["extrahepaticSites"],
      message: "Tick at least one site of extrahepatic spread",
    });
  }
  if (data.extrahepaticSpread !== "yes" && data.extrahepaticSites.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["extrahepaticSites"],
      message: "Sites are recorded only when there is extrahepatic spread",
    });
  }
  if (data.extrahepaticSites.includes("other") && !data.extrahepaticOtherSite) {
    ctx.addIssue({ code: "custom", path: ["extrahepaticOtherSite"], message: "Name the other site" });
  }
}).superRefine(
  (data, ctx) => {
    // Whatever the calculators still refuse (e.g. ECOG 5 cannot be staged by BCLC) is a field error too.
    for (const [path, messages] of Object.entries(computeBaselineScores(data).errors)) {
      for (const message of messages) ctx.addIssue({ code: "custom", path: path.split("."), message });
    }
  },
  { when: (payload) => payload.issues.length === 0 },
);

export type BaselineData = z.output<typeof BaselineSchema>;
export type BaselineInput = z.input<typeof BaselineSchema>;

const REQUIRED_FOR_COMPLETE = [
  "sex",
  "ageYears",
  "heightCm",
  "weightKg",
  "ecogPs",
  "hbsag",
  "antiHcv",
  "inr",
  "ascites",
  "encephalopathy",
  "tumourMorphology",
  "tumourExtentOver50Pct",
  "afpNgPerMl",
  "portalVeinInvasion",
  "noduleCount",
  "largestNoduleCm",
  "extrahepaticSpread",
] as const satisfies readonly (keyof BaselineData)[];

export const baselineForm = defineForm({
  type: "baseline",
  title: "Baseline",
  repeating: false,
  placement: "baseline",
  fixedVisitKey: "baseline",
  schema: BaselineSchema,
  labels: {
    assessmentDate: "Baseline assessment date (yyyy-mm-dd)",
    sex: "Sex",
    ageYears: "Age at consent (years)",
    ethnicity: "Ethnicity",
    heightCm: "Height (cm)",
    weightKg: "Weight (kg)",
    measurementReason: "Reason an unusual height or weight is correct",
    ecogPs: "ECOG performance status (0-5)",
    hbsag: "HBsAg",
    antiHcv: "Anti-HCV",
    "bilirubin.value": "Total bilirubin (unit in bilirubin.unit)",
    "bilirubin.unit": "Total bilirubin unit (mg/dL or umol/L)",
    "albumin.value": "Serum albumin (unit in albumin.unit)",
    "albumin.unit": "Serum albumin unit (g/dL or g/L)",
    inr: "INR",
    ascites: "Ascites",
    encephalopathy: "Hepatic encephalopathy",
    tumourMorphology: "Tumour morphology",
    tumourExtentOver50Pct: "Tumour replaces more than 50% of the liver",
    afpNgPerMl: "Alpha-fetoprotein (ng/mL)",
    portalVeinInvasion: "Portal vein invasion / thrombosis",
    noduleCount: "Number of nodules",
    largestNoduleCm: "Largest nodule diameter (cm)",
    extrahepaticSpread: "Extrahepatic spread",
    "extrahepaticSites.*": "Site of extrahepatic spread",
    extrahepaticOtherSite: "Other extrahepatic site",
  },
  isComplete: (data) =>
    REQUIRED_FOR_COMPLETE.every((field) => data[field] !== null) &&
    data.bilirubin.value !== null &&
    data.albumin.value !== null,
  compute: (data) => {
    const { scores } = computeBaselineScores(data);
    return {
      bsaM2: scores.bsa?.bsaM2 ?? null,
      bsaMethod: scores.bsa?.method ?? null,
      ecogDescription: scores.ecogDescription,
      bilirubinMgPerDl:
        data.bilirubin.value === null ? null : toBilirubinMgPerDl(data.bilirubin.value, data.bilirubin.unit),
      albuminGPerDl: data.albumin.value === null ? null : toAlbuminGPerDl(data.albumin.value, data.albumin.unit),
      childPughScore: scores.childPugh?.score ?? null,
      childPughClass: scores.childPugh?.class ?? null,
      childPughPoints: scores.childPugh?.points ?? null,
      clipScore: scores.clip?.score ?? null,
      clipPoints: scores.clip?.points ?? null,
      bclcStage: scores.bclc?.stage ?? null,
      bclcRule: scores.bclc?.rule ?? null,
      summary: summarizeBaselineScores(scores) ?? undefined,
    };
  },
  checkInContext: (data, context) =>
    checkBaselineDate(data.assessmentDate, "assessmentDate", "baseline assessment date", context),
});
