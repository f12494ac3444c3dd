import { CalcInputError } from "@/lib/domain/calc-command";
import { computeBsa, roundBsaForDisplay } from "@/lib/domain/dosing/bsa";
import { computeCompliance } from "@/lib/domain/dosing/compliance";
import { computeThalidomideCapsules } from "@/lib/domain/dosing/thalidomide-capsules";
import { computeThalidomideDose } from "@/lib/domain/dosing/thalidomide-dose";
import { computeUftDose } from "@/lib/domain/dosing/uft-dose";
import { checkWeightChange } from "@/lib/domain/dosing/weight-change";
import type { FormContext } from "@/lib/forms/form-definition";
import { daysBetween, isIsoDate } from "@/lib/domain/iso-date";
import { findPreviousDosing, type PriorDosing } from "./dosing-history";

import type {
  DosingComputed,
  DosingDraft,
  DrugAccounting,
  DrugDraft,
  ThalidomideComputed,
  UftComputed,
  WeightChangeView,
} from "./dosing-computed";

const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const isDosed = (status: unknown) => status !== "held" && status !== "discontinued";

function attempt<T>(run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof CalcInputError) return null;
    throw error;
  }
}

type Issues = Record<string, string[]>;

function accountFor(
  drug: "uft" | "thalidomide",
  draft: DrugDraft | undefined,
  previous: PriorDosing | null,
  visitDate: string | null,
  issues: Issues,
): Pick<DrugAccounting, "compliance" | "complianceNote"> {
  const returned = num(draft?.capsulesReturned);
  const field = `${drug}.capsulesReturned`;
  if (!previous || !visitDate) {
    if (returned !== null && visitDate) issues[field] = ["There is no earlier dosing visit to return capsules from"];
    return { compliance: null, complianceNote: "first dosing visit: no previous period" };
  }
  const prior = previous[drug];
  if (prior.capsulesPerDay === 0)
    return { compliance: null, complianceNote: "not taken in the previous period (held or discontinued)" };
  if (prior.capsulesPerDay === null || prior.capsulesDispensed === null) {
    return { compliance: null, complianceNote: "no capsules dispensed were recorded at the previous visit" };
  }
  if (returned === null) return { compliance: null, complianceNote: "enter the capsules returned" };
  try {
    // Inside the try: a visit date the calendar does not have (2026-02-30) is an input error here.
    const days = daysBetween(previous.visitDate, visitDate);
    const result = computeCompliance({
      dispensed: prior.capsulesDispensed,
      returned,
      prescribedPerDay: prior.capsulesPerDay,
      days,
    });
    return {
      compliance: {
        fromDate: previous.visitDate,
        days,
        dispensed: prior.capsulesDispensed,
        returned,
        prescribedPerDay: prior.capsulesPerDay,
        ...result,
      },
      complianceNote: null,
    };
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    const message =
      error.field === "returned"
        ? `Returned (${returned}) cannot exceed the ${prior.capsulesDispensed} capsules dispensed on ${previous.visitDate}`
        : error.message;
    issues[field] = [message];
    return { compliance: null, complianceNote: message };
  }
}

const frequency = (dosesPerDay: number) =>
  dosesPerDay === 2 ? "bid" : dosesPerDay === 1 ? "daily" : `${dosesPerDay}x daily`;

function summarize(draft: DosingDraft, uft: UftComputed | null, thalidomide: ThalidomideComputed | null): string {
  const uftPart = !isDosed(draft.uft?.status)
    ? `UFT ${String(draft.uft?.status)}`
    : uft
      ? `UFT ${uft.capsulesPerDose} caps ${frequency(uft.dosesPerDay)} (level ${uft.doseLevel}${uft.overridden ? ", override" : ""})`
      : "UFT dose not computed";
  const thalPart = !isDosed(draft.thalidomide?.status)
    ? `thalidomide ${String(draft.thalidomide?.status)}`
    : thalidomide
      ? `thalidomide ${thalidomide.mgPerDose} mg ${frequency(thalidomide.dosesPerDay)}${thalidomide.doseLevel !== 0 ? ` (level ${thalidomide.doseLevel})` : ""}`
      : "thalidomide dose not set";
  return `${uftPart}, ${thalPart}`;
}

/**
 * Everything the dosing form computes, with the rules engine only (lib/domain/dosing): BSA,
 * the UFT dose in capsules, the thalidomide dose, the weight-change flag against the previous
 * dosing visit and compliance for the period since it. The browser shows it live from the
 * values typed so far; the server stores it. `issues` are the cross-form field errors.
 */
export function evaluateDosing(draft: DosingDraft, context: FormContext): { computed: DosingComputed; issues: Issues } {
  const issues: Issues = {};
  const visitDate = isIsoDate(draft.visitDate) ? draft.visitDate : null;
  const heightCm = num(draft.heightCm);
  const weightKg = num(draft.weightKg);
  const previous = visitDate ? findPreviousDosing(context, visitDate) : null;

  const bsa = heightCm !== null && weightKg !== null ? attempt(() => computeBsa({ heightCm, weightKg })) : null;
  const uftLevel = num(draft.uft?.doseLevel);
  const uftDose =
    bsa && uftLevel !== null
      ? attempt(() => computeUftDose({ heightCm: heightCm!, weightKg: weightKg!, doseLevel: uftLevel }))
      : null;
  let uft: UftComputed | null = null;
  if (uftDose) {
    const override = num(draft.uft?.prescribedCapsulesPerDose);
    const capsulesPerDose = override ?? uftDose.capsulesPerDose;
    uft = {
      doseLevel: uftDose.doseLevel,
      mgPerM2: uftDose.mgPerM2,
      rawMg: uftDose.rawMg,
      roundedMg: uftDose.roundedMg,
      capsuleMg: uftDose.capsuleMg,
      computedCapsulesPerDose: uftDose.capsulesPerDose,
      capsulesPerDose,
      overridden: override !== null && override !== uftDose.capsulesPerDose,
      dosesPerDay: uftDose.dosesPerDay,
      rule: uftDose.rule,
      status: typeof draft.uft?.status === "string" ? draft.uft.status : null,
      capsulesPerDay: isDosed(draft.uft?.status) ? capsulesPerDose * uftDose.dosesPerDay : 0,
      ...accountFor("uft", draft.uft, previous, visitDate, issues),
    };
  }

  const thalLevel = num(draft.thalidomide?.doseLevel);
  const thalDose = thalLevel !== null ? attempt(() => computeThalidomideDose({ doseLevel: thalLevel })) : null;
  const thalCapsules = thalDose ? attempt(() => computeThalidomideCapsules(thalDose)) : null;
  const thalidomide: ThalidomideComputed | null =
    thalDose && thalCapsules
      ? {
          ...thalDose,
          capsuleMg: thalCapsules.capsuleMg,
          capsulesPerDose: thalCapsules.capsulesPerDose,
          status: typeof draft.thalidomide?.status === "string" ? draft.thalidomide.status : null,
          capsulesPerDay: isDosed(draft.thalidomide?.status) ? thalCapsules.capsulesPerDay : 0,
          ...accountFor("thalidomide", draft.thalidomide, previous, visitDate, issues),
        }
      : null;

  let weightChange: WeightChangeView | null = null;
  const change =
    previous && weightKg !== null
      ? attempt(() => checkWeightChange({ doseWeightKg: previous.weightKg, currentWeightKg: weightKg }))
      : null;
  if (previous && change) {
    const pct = `${change.changePct > 0 ? "+" : ""}${change.changePct.toFixed(1)}%`;
    weightChange = {
      previousVisitKey: previous.visitKey,
      previousVisitDate: previous.visitDate,
      previousWeightKg: previous.weightKg,
      ...change,
      // Trial-configured threshold (lib/domain/dosing/weight-change): the flag tells the prescriber.
      message: change.recalculate ? `recalculate: weight changed by ${pct} since the dose was set` : null,
    };
  }

  const computed: DosingComputed = {
    summary: summarize(draft, uft, thalidomide),
    bsaM2: bsa?.bsaM2 ?? null,
    bsaM2Display: bsa ? roundBsaForDisplay(bsa.bsaM2) : null,
    bsaMethod: bsa?.method ?? null,
    uft,
    thalidomide,
    weightChange,
    previousVisit:
      previous && visitDate
        ? {
            visitKey: previous.visitKey,
            visitDate: previous.visitDate,
            days: daysBetween(previous.visitDate, visitDate),
          }
        : null,
  };
  return { computed, issues };
}
