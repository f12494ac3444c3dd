import { z } from "zod";
import { defineCalcCommand, type CalcCommand } from "../calc-command";
import { BSA_METHODS, computeBsa } from "./bsa";
import { computeCompliance } from "./compliance";
import { computeThalidomideDose } from "./thalidomide-dose";
import { CAPSULE_ROUNDINGS, computeUftDose } from "./uft-dose";
import { checkWeightChange } from "./weight-change";

// Schemas check types and shape only; clinical plausibility ranges live in the library so that
// the CLI, forms and server share one definition (they throw CalcInputError with the field).
const positive = (field: string, unit: string) =>
  z.number({ error: `${field} must be a number (${unit})` }).positive(`${field} must be > 0 ${unit}`);
const count = (field: string) =>
  z
    .number({ error: `${field} must be a number of capsules` })
    .int(`${field} must be a whole number`)
    .nonnegative(`${field} must be >= 0`);
const bsaMethod = z.enum(BSA_METHODS, { error: `method must be one of ${BSA_METHODS.join(", ")}` });
const rounding = z.enum(CAPSULE_ROUNDINGS, { error: `rounding must be one of ${CAPSULE_ROUNDINGS.join(", ")}` });
const doseLevel = z.number({ error: "doseLevel must be a number (0, -1, -2)" }).int("doseLevel must be a whole number");

const bsaInput = z
  .object({ heightCm: positive("heightCm", "cm"), weightKg: positive("weightKg", "kg"), method: bsaMethod.optional() })
  .strict();

const uftDoseInput = z
  .object({
    heightCm: positive("heightCm", "cm").optional(),
    weightKg: positive("weightKg", "kg").optional(),
    method: bsaMethod.optional(),
    bsaM2: positive("bsaM2", "m2").optional(),
    rounding: rounding.optional(),
    doseLevel: doseLevel.optional(),
  })
  .strict()
  .refine(
    (input) =>
      input.bsaM2 !== undefined
        ? input.heightCm === undefined && input.weightKg === undefined && input.method === undefined
        : input.heightCm !== undefined && input.weightKg !== undefined,
    { error: "give either bsaM2, or heightCm and weightKg (with optional method), not both", path: ["bsaM2"] },
  );

/** Calculators of the dosing area, for `npm run calc -- <name>`. */
export const dosingCalcCommands: Record<string, CalcCommand> = {
  bsa: defineCalcCommand({
    summary: "Body surface area (m2) from heightCm and weightKg; method mosteller (default) or dubois",
    input: bsaInput,
    run: (input) => computeBsa(input),
  }),
  "uft-dose": defineCalcCommand({
    summary: "UFT tegafur dose per administration in whole 100 mg capsules, from heightCm+weightKg or bsaM2",
    input: uftDoseInput,
    run: (input) => {
      const options = { rounding: input.rounding, doseLevel: input.doseLevel };
      if (input.bsaM2 !== undefined) return computeUftDose({ bsaM2: input.bsaM2, ...options });
      // The refine above guarantees both are present here.
      return computeUftDose({
        heightCm: input.heightCm ?? Number.NaN,
        weightKg: input.weightKg ?? Number.NaN,
        method: input.method,
        ...options,
      });
    },
  }),
  "thalidomide-dose": defineCalcCommand({
    summary: "Fixed thalidomide dose (mg per dose, doses per day) at a dose level (default 0)",
    input: z.object({ doseLevel: doseLevel.optional() }).strict(),
    run: (input) => computeThalidomideDose({ doseLevel: input.doseLevel }),
  }),
  "weight-change": defineCalcCommand({
    summary: "Weight change (%) since the dosing weight; recalculate is true at >= thresholdPct (default 10)",
    input: z
      .object({
        doseWeightKg: positive("doseWeightKg", "kg"),
        currentWeightKg: positive("currentWeightKg", "kg"),
        thresholdPct: positive("thresholdPct", "%").optional(),
      })
      .strict(),
    run: (input) => checkWeightChange(input),
  }),
  compliance: defineCalcCommand({
    summary: "Capsule compliance (%) = (dispensed - returned) / (prescribedPerDay x days) x 100",
    input: z
      .object({
        dispensed: count("dispensed"),
        returned: count("returned"),
        prescribedPerDay: positive("prescribedPerDay", "capsules/day"),
        days: z
          .number({ error: "days must be a number" })
          .int("days must be a whole number")
          .positive("days must be >= 1"),
      })
      .strict(),
    run: (input) => computeCompliance(input),
  }),
};
