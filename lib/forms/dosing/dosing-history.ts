import { z } from "zod";
import type { FormContext } from "@/lib/forms/form-definition";

// Stored records are read defensively: an older or partial record must never break a new form.
const StoredDrug = z.object({ doseLevel: z.number().optional(), capsulesDispensed: z.number().nullable().optional() });
const StoredDosing = z.object({
  visitDate: z.string(),
  weightKg: z.number(),
  heightCm: z.number().optional(),
  uft: StoredDrug.optional(),
  thalidomide: StoredDrug.optional(),
});
const StoredDrugComputed = z.object({ capsulesPerDay: z.number().nullable().optional() });
const StoredDosingComputed = z.object({
  uft: StoredDrugComputed.nullable().optional(),
  thalidomide: StoredDrugComputed.nullable().optional(),
});

interface PriorDrug {
  doseLevel: number | null;
  capsulesDispensed: number | null;
  /** Capsules a day prescribed at that visit (0 when held or discontinued); null if unknown. */
  capsulesPerDay: number | null;
}

/** A saved dosing visit of the same patient, as the next visit needs it. */
export interface PriorDosing {
  visitKey: string | null;
  visitDate: string;
  weightKg: number;
  heightCm: number | null;
  uft: PriorDrug;
  thalidomide: PriorDrug;
}

/** The patient's other saved dosing visits, by visit date (oldest first). */
export function listPriorDosing(context: FormContext): PriorDosing[] {
  const out: PriorDosing[] = [];
  for (const record of context.records) {
    if (record.formType !== "dosing") continue;
    const data = StoredDosing.safeParse(record.data);
    if (!data.success) continue;
    const computed = StoredDosingComputed.safeParse(record.computed);
    const drug = (name: "uft" | "thalidomide"): PriorDrug => ({
      doseLevel: data.data[name]?.doseLevel ?? null,
      capsulesDispensed: data.data[name]?.capsulesDispensed ?? null,
      capsulesPerDay: (computed.success ? computed.data[name]?.capsulesPerDay : null) ?? null,
    });
    out.push({
      visitKey: record.visitKey,
      visitDate: data.data.visitDate,
      weightKg: data.data.weightKg,
      heightCm: data.data.heightCm ?? null,
      uft: drug("uft"),
      thalidomide: drug("thalidomide"),
    });
  }
  return out.sort((a, b) => a.visitDate.localeCompare(b.visitDate));
}

/** The most recent dosing visit strictly before `visitDate`: the dose this visit follows on from. */
export function findPreviousDosing(context: FormContext, visitDate: string | null | undefined): PriorDosing | null {
  const prior = listPriorDosing(context);
  if (!visitDate) return prior.at(-1) ?? null;
  return prior.filter((p) => p.visitDate < visitDate).at(-1) ?? null;
}

/** Height from the baseline form (built separately; read defensively), if recorded. */
export function findBaselineHeightCm(context: FormContext): number | null {
  const baseline = context.records.find((r) => r.formType === "baseline");
  const parsed = z.object({ heightCm: z.number() }).safeParse(baseline?.data);
  return parsed.success ? parsed.data.heightCm : null;
}

/**
 * Starting values for a new dosing visit: height from baseline (else the last dosing visit),
 * and the dose levels of the last dosing visit (a reduction stays until the prescriber changes it).
 */
export function suggestDosingDefaults(context: FormContext): {
  heightCm: number | null;
  heightSource: string;
  uftLevel: number;
  thalidomideLevel: number;
  levelSource: string;
} {
  const last = findPreviousDosing(context, null);
  const baselineHeight = findBaselineHeightCm(context);
  return {
    heightCm: baselineHeight ?? last?.heightCm ?? null,
    heightSource: baselineHeight !== null ? "the baseline form" : "the previous dosing visit",
    uftLevel: last?.uft.doseLevel ?? 0,
    thalidomideLevel: last?.thalidomide.doseLevel ?? 0,
    // docs/protocol.md: treatment starts at level 0 and continues at the last level given.
    levelSource: last ? "the previous dosing visit" : "the protocol's starting dose",
  };
}
