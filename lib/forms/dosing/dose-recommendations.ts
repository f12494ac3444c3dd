import {
  departsFromRecommendation,
  recommendDoseModification,
  type DoseModificationRule,
  type DrugRecommendation,
} from "@/lib/domain/dosing/dose-modification";
import type { FormContext, RelatedRecord } from "@/lib/forms/form-definition";
import { findPreviousDosing } from "./dosing-history";
import { listToxicityFindings } from "./toxicity-findings";

export interface DrugChoice {
  doseLevel?: unknown;
  status?: unknown;
  deviationReason?: unknown;
}

export interface DoseRecommendations {
  uft: DrugRecommendation;
  thalidomide: DrugRecommendation;
}

/** The table's recommendation per drug at a visit, from the other records (browser and server alike). */
export function recommendForVisit(
  rules: readonly DoseModificationRule[],
  records: readonly RelatedRecord[],
  visitDate: string,
  levels: { uft: number; thalidomide: number },
): DoseRecommendations {
  const findings = listToxicityFindings(records, visitDate);
  return {
    uft: recommendDoseModification(rules, "uft", levels.uft, findings),
    thalidomide: recommendDoseModification(rules, "thalidomide", levels.thalidomide, findings),
  };
}

/**
 * The recommendation at a visit from the context's table (null without one), measured from
 * the previous dosing visit's levels: "reduce one level" is one below what the patient was taking.
 */
export function recommendFromContext(
  context: FormContext,
  visitDate: string | null | undefined,
): DoseRecommendations | null {
  if (!context.doseModificationRules || !visitDate) return null;
  const previous = findPreviousDosing(context, visitDate);
  return recommendForVisit(context.doseModificationRules, context.records, visitDate, {
    uft: previous?.uft.doseLevel ?? 0,
    thalidomide: previous?.thalidomide.doseLevel ?? 0,
  });
}

const ACTION_TEXT: Record<DrugRecommendation["action"], string> = {
  continue: "continuing",
  reduce: "reducing one level",
  hold: "holding",
  discontinue: "discontinuing",
};

/** Field errors for each drug whose chosen status or level departs from the table without a reason. */
export function checkDeviationReasons(
  recommendations: DoseRecommendations,
  chosen: { uft: DrugChoice; thalidomide: DrugChoice },
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const drug of ["uft", "thalidomide"] as const) {
    const rec = recommendations[drug];
    const choice = chosen[drug];
    if (typeof choice.status !== "string" || typeof choice.doseLevel !== "number") continue;
    if (!departsFromRecommendation(rec, { status: choice.status, doseLevel: choice.doseLevel })) continue;
    const reason = typeof choice.deviationReason === "string" ? choice.deviationReason.trim() : "";
    if (reason.length < 3) {
      const name = drug === "uft" ? "UFT" : "thalidomide";
      errors[`${drug}.deviationReason`] = [
        `The protocol's table recommends ${ACTION_TEXT[rec.action]} ${name} (${rec.rule}). Give the reason for choosing otherwise; it is recorded as a protocol deviation`,
      ];
    }
  }
  return errors;
}
