import { convertLabValue } from "./convert-lab-value";
import { LAB_CRITERIA, type LabTest } from "./lab-criteria";
import { listAcceptedUnits, NORMALIZED_UNIT } from "./lab-units";

/**
 * Limits of a laboratory value in the test's normalized unit (lib/domain/ctcae/lab-units):
 * outside `hard` the value cannot be a human result and is refused; outside `soft` it is
 * possible but so rare that a typing or unit slip is far likelier, so it is saved only after
 * the user confirms it with a reason. The hard limits lie beyond the most extreme values
 * reported in clinical chemistry (e.g. platelets in essential thrombocythaemia rarely exceed
 * 2000 x10^9/L; haemoglobin above 25 g/dL is incompatible with blood flow); the soft limits
 * are the edges of what an adult oncology clinic sees. The README's "Data-entry rules" table
 * lists every limit for the data manager to review.
 */
export interface LabLimits {
  hard: { min: number; max: number };
  soft: { min: number; max: number };
}

export const LAB_LIMITS: Readonly<Record<LabTest, LabLimits>> = {
  neutrophils: { hard: { min: 0, max: 200 }, soft: { min: 0.05, max: 50 } },
  platelets: { hard: { min: 1, max: 5000 }, soft: { min: 5, max: 1500 } },
  hemoglobin: { hard: { min: 1, max: 25 }, soft: { min: 4, max: 20 } },
  wbc: { hard: { min: 0.05, max: 1000 }, soft: { min: 0.5, max: 100 } },
  bilirubin: { hard: { min: 0, max: 60 }, soft: { min: 0.1, max: 25 } },
  ast: { hard: { min: 1, max: 50000 }, soft: { min: 5, max: 3000 } },
  alt: { hard: { min: 1, max: 50000 }, soft: { min: 3, max: 3000 } },
  alp: { hard: { min: 1, max: 20000 }, soft: { min: 15, max: 2500 } },
  creatinine: { hard: { min: 0.05, max: 40 }, soft: { min: 0.2, max: 12 } },
  albumin: { hard: { min: 0.5, max: 10 }, soft: { min: 1, max: 6.5 } },
};

export type PlausibilityVerdict =
  { kind: "plausible" } | { kind: "impossible" | "implausible"; message: string; likelyUnit: string | null };

const inside = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;

/**
 * Whether `value` in `unit` is a believable result of `test`. When it is not, and the same
 * number read in another accepted unit of the test would be ordinary (inside the soft
 * limits), that unit is named: 85000 typed as x10^9/L is almost certainly a count per mm3.
 */
export function checkLabPlausibility(test: LabTest, value: number, unit: string): PlausibilityVerdict {
  const limits = LAB_LIMITS[test];
  const normalizedUnit = NORMALIZED_UNIT[LAB_CRITERIA[test].family];
  const normalized = convertLabValue(test, value, unit, normalizedUnit);
  if (inside(normalized, limits.soft)) return { kind: "plausible" };
  const kind = inside(normalized, limits.hard) ? "implausible" : "impossible";
  const likelyUnit =
    listAcceptedUnits(LAB_CRITERIA[test].family).find(
      (other) => other !== unit && inside(convertLabValue(test, value, other, normalizedUnit), limits.soft),
    ) ?? null;
  const shown = Number(normalized.toPrecision(3));
  const what = normalizedUnit === unit ? `${value} ${unit}` : `${value} ${unit} (${shown} ${normalizedUnit})`;
  const range = (r: { min: number; max: number }) => `${r.min}-${r.max} ${normalizedUnit}`;
  const hint = likelyUnit ? ` It looks like a value in ${likelyUnit}: check the unit.` : "";
  return kind === "impossible"
    ? { kind, likelyUnit, message: `${what} is not a possible result (limits ${range(limits.hard)}).${hint}` }
    : {
        kind,
        likelyUnit,
        message: `${what} is outside the usual ${range(limits.soft)}.${hint} If it is correct, confirm it with a reason.`,
      };
}
