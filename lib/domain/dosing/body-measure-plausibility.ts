import { HEIGHT_CM_RANGE, WEIGHT_KG_RANGE } from "./bsa";

/**
 * Soft limits for the body measurements the dose is computed from (trial-configured, like the
 * hard limits in ./bsa.ts): outside them an adult in this HCC trial is rare enough that the
 * value is saved only when the user confirms it with a reason, because BSA, and so the UFT
 * dose, follows it. Outside the hard limits the value is refused.
 */
export const BODY_MEASURE_LIMITS = {
  weightKg: { label: "weight", unit: "kg", hard: WEIGHT_KG_RANGE, soft: { min: 35, max: 150 } },
  heightCm: { label: "height", unit: "cm", hard: HEIGHT_CM_RANGE, soft: { min: 135, max: 200 } },
} as const;

export type BodyMeasure = keyof typeof BODY_MEASURE_LIMITS;

export type BodyMeasureVerdict = { kind: "plausible" } | { kind: "impossible" | "implausible"; message: string };

const LB_PER_KG = 2.20462;
const inside = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;

/** Whether a typed weight or height is believable; a weight that reads as pounds says so. */
export function checkBodyMeasure(measure: BodyMeasure, value: number): BodyMeasureVerdict {
  const { label, unit, hard, soft } = BODY_MEASURE_LIMITS[measure];
  if (inside(value, soft)) return { kind: "plausible" };
  const asKg = value / LB_PER_KG;
  const hint =
    measure === "weightKg" && value > soft.max && inside(asKg, soft)
      ? ` It looks like a weight in pounds (${value} lb = ${asKg.toFixed(1)} kg).`
      : "";
  if (!inside(value, hard))
    return {
      kind: "impossible",
      message: `A ${label} of ${value} ${unit} is not possible (limits ${hard.min}-${hard.max} ${unit}).${hint}`,
    };
  return {
    kind: "implausible",
    message: `A ${label} of ${value} ${unit} is outside the usual ${soft.min}-${soft.max} ${unit}.${hint} If it is correct, confirm it with a reason.`,
  };
}

/** The measurements outside their soft limits (but possible), with their messages. */
export function implausibleBodyMeasures(
  values: Partial<Record<BodyMeasure, number | null>>,
): { measure: BodyMeasure; message: string }[] {
  return (Object.keys(BODY_MEASURE_LIMITS) as BodyMeasure[]).flatMap((measure) => {
    const value = values[measure];
    if (typeof value !== "number" || !Number.isFinite(value)) return [];
    const verdict = checkBodyMeasure(measure, value);
    return verdict.kind === "implausible" ? [{ measure, message: verdict.message }] : [];
  });
}
