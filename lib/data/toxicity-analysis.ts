import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import type { ToxicityAnalysisResponse } from "@/lib/schemas/toxicity";
import { getToxicityDashboard } from "./toxicity";
import { getToxicityReviewSummary } from "./toxicity-review";

/**
 * The toxicity dashboard's numbers as JSON (GET /api/v1/analysis/toxicity): the worst-grade
 * table and counts, for the caller's sites. Review counts only for those who review.
 */
export async function getToxicityAnalysis(
  actor: Actor,
  filters: ToxicityFilters,
  now: Date = new Date(),
): Promise<ToxicityAnalysisResponse> {
  const [dashboard, queue] = await Promise.all([
    getToxicityDashboard(actor, filters, now),
    hasPermission(actor, "toxicity.review") ? getToxicityReviewSummary(actor, filters) : null,
  ]);
  return {
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>,
    worstGrade: dashboard.worstGrade,
    counts: {
      ...dashboard.counts,
      awaitingReview: queue?.counts.needsReview ?? 0,
      escalated: queue?.counts.escalated ?? 0,
    },
  };
}
