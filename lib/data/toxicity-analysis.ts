import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import type { ToxicityAnalysisResponse } from "@/lib/schemas/toxicity";
import { getToxicityDashboard } from "./toxicity";
import { listToxicityReviewQueue } from "./toxicity-review";

/**
 * The toxicity dashboard's numbers as JSON (GET /api/v1/analysis/toxicity): the worst-grade
 * table and counts, for the caller's sites. Review counts only for those who review.
 */
export async function getToxicityAnalysis(
  actor: Actor,
  filters: ToxicityFilters,
  now: Date = new Date(),
): Promise<ToxicityAnalysisResponse> {
  const dashboard = await getToxicityDashboard(actor, filters, now);
  const queue = hasPermission(actor, "toxicity.review") ? await listToxicityReviewQueue(actor, filters) : [];
  return {
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string>,
    worstGrade: dashboard.worstGrade,
    counts: {
      adverseEvents: dashboard.events.length,
      patientsWithEvents: new Set(dashboard.events.map((e) => e.patientId)).size,
      seriousAdverseEvents: dashboard.seriousEvents.length,
      overdueSaeReports: dashboard.seriousEvents.filter((e) => e.clock.status === "overdue").length,
      labResultsGrade3Plus: dashboard.labs.length,
      awaitingReview: queue.filter((i) => i.state.state === "needs-review").length,
      escalated: queue.filter((i) => i.state.state === "escalated").length,
    },
  };
}
