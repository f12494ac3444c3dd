import { z } from "zod";
import { HEIGHT_CM_RANGE, WEIGHT_KG_RANGE } from "@/lib/domain/dosing/bsa";
import { getDoseLevel, type Drug } from "@/lib/domain/dosing/dose-levels";
import { computeUftDose } from "@/lib/domain/dosing/uft-dose";
import { isoDate } from "@/lib/schemas/iso-date";
import { requireMeasurementReason } from "../body-measure-reason";

/** What happened to each drug at this visit (issue 5: holds, reductions, discontinuation). */
export const DRUG_STATUSES = ["given", "held", "reduced", "discontinued"] as const;
export type DrugStatus = (typeof DRUG_STATUSES)[number];
export const STATUS_REASONS = ["toxicity", "other"] as const;

const measured = (label: string, unit: string, range: { min: number; max: number }) =>
  z
    .number({ error: `Enter the ${label} (${unit})` })
    .min(range.min, `The ${label} must be ${range.min}-${range.max} ${unit}`)
    .max(range.max, `The ${label} must be ${range.min}-${range.max} ${unit}`);

const capsuleCount = (label: string) =>
  z
    .number({ error: `Enter the ${label} as a whole number` })
    .int(`Enter the ${label} as a whole number`)
    .min(0, `The ${label} cannot be negative`)
    .max(2000, `The ${label} must be at most 2000`)
    .nullable();

const doseLevel = (drug: Drug, name: string) =>
  z
    .number({ error: `Choose the ${name} dose level` })
    .refine((level) => getDoseLevel(drug, level) !== null, `Choose a ${name} dose level from the protocol's table`);

const drugFields = (drug: Drug, name: string) => ({
  doseLevel: doseLevel(drug, name),
  status: z.enum(DRUG_STATUSES, { error: `Choose what happened to ${name} at this visit` }),
  statusReason: z.enum(STATUS_REASONS, { error: "Choose toxicity or other" }).nullable(),
  statusReasonText: z.string().trim().max(500),
  capsulesDispensed: capsuleCount("capsules dispensed"),
  capsulesReturned: capsuleCount("capsules returned"),
  /** Why the dose departs from the protocol's dose-modification table (recorded as a protocol deviation); absent when it follows it. */
  deviationReason: z.string().trim().max(500).optional(),
});

const UftSchema = z.object({
  ...drugFields("uft", "UFT"),
  /** The prescriber's capsules per dose when it differs from the computed dose; null = as computed. */
  prescribedCapsulesPerDose: z
    .number({ error: "Enter whole capsules per dose" })
    .int("Enter whole capsules per dose")
    .min(1, "At least 1 capsule per dose")
    .max(10, "At most 10 capsules per dose")
    .nullable(),
  overrideReason: z.string().trim().max(500),
});

const ThalidomideSchema = z.object(drugFields("thalidomide", "thalidomide"));

export type DrugData = z.output<typeof ThalidomideSchema>;

const STATUS_VERB: Record<Exclude<DrugStatus, "given">, string> = {
  held: "held",
  reduced: "reduced",
  discontinued: "discontinued",
};

/** Dosing at one visit: weight/height (BSA and the UFT dose are computed), per-drug level, status and capsule counts. */
export const DosingSchema = z
  .object({
    visitDate: isoDate("visit date"),
    weightKg: measured("weight", "kg", WEIGHT_KG_RANGE),
    heightCm: measured("height", "cm", HEIGHT_CM_RANGE),
    /** Why an unusual weight or height is right (lib/domain/dosing/body-measure-plausibility): the dose follows it. */
    measurementReason: z.string().trim().max(500).nullish(),
    uft: UftSchema,
    thalidomide: ThalidomideSchema,
  })
  .superRefine((data, ctx) => {
    requireMeasurementReason(data, ctx);
    for (const drug of ["uft", "thalidomide"] as const) {
      const { status, statusReason, statusReasonText } = data[drug];
      if (status === "given") continue;
      if (!statusReason)
        ctx.addIssue({
          code: "custom",
          path: [drug, "statusReason"],
          message: `Give the reason the dose was ${STATUS_VERB[status]}`,
        });
      if (statusReason === "other" && statusReasonText.length < 3) {
        ctx.addIssue({
          code: "custom",
          path: [drug, "statusReasonText"],
          message: "Describe the reason (at least 3 characters)",
        });
      }
    }
    const { prescribedCapsulesPerDose, overrideReason, doseLevel: level } = data.uft;
    if (prescribedCapsulesPerDose === null) return;
    let computed: number;
    try {
      computed = computeUftDose({ heightCm: data.heightCm, weightKg: data.weightKg, doseLevel: level }).capsulesPerDose;
    } catch {
      return; // the height, weight or level already carries its own error
    }
    if (prescribedCapsulesPerDose !== computed && overrideReason.length < 3) {
      ctx.addIssue({
        code: "custom",
        path: ["uft", "overrideReason"],
        message: `Give the reason for prescribing ${prescribedCapsulesPerDose} instead of the computed ${computed} capsules per dose`,
      });
    }
  });

export type DosingData = z.output<typeof DosingSchema>;
