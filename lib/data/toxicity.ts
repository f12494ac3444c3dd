import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { classifySaeClock, latestSiteLocalNow, type SaeClock } from "@/lib/analysis/toxicity/sae-clock";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import {
  isTreatmentEmergent,
  tabulateWorstGrade,
  type WorstGradeTable,
} from "@/lib/analysis/toxicity/worst-grade-table";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";
import { cachedByDataVersion } from "./cached-by-version";
import {
  loadAdverseEvents,
  loadEnrolledPatientIds,
  loadLabToxicities,
  siteFilterForAny,
  type AdverseEventItem,
  type LabToxicityItem,
} from "./toxicity-items";

export type { AdverseEventItem, LabToxicityItem };

export interface SeriousEventView extends AdverseEventItem {
  clock: SaeClock;
}

export interface ToxicityDashboard {
  events: AdverseEventItem[];
  seriousEvents: SeriousEventView[];
  labs: LabToxicityItem[];
  worstGrade: WorstGradeTable & { population: "enrolled"; description: string };
  sites: { code: string; name: string }[];
}

/** Who may look at the toxicity review: dashboard readers and toxicity reviewers, on their sites. */
export const TOXICITY_VIEW_PERMISSIONS = ["dashboard.read", "toxicity.review"] as const;

export const WORST_GRADE_POPULATION =
  "Enrolled patients (enrollment date = day 1 of treatment); treatment-emergent events only (onset on or after day 1).";

/**
 * Adverse events, SAEs with their reporting clock, grade 3+ lab results and the worst-grade
 * table, for the sites the caller may see, narrowed by the filters (in the query). What the
 * database gave is kept per (sites, filters, data version).
 */
export async function getToxicityDashboard(
  actor: Actor,
  filters: ToxicityFilters,
  now: Date = new Date(),
): Promise<ToxicityDashboard> {
  const scope = siteFilterForAny(actor, TOXICITY_VIEW_PERMISSIONS);
  if (!scope) throw new ForbiddenError();
  const { events, labs, table, sites } = await cachedByDataVersion(
    `toxicity|${JSON.stringify(scope)}|${JSON.stringify(filters)}`,
    async () => {
      const [events, labs, enrolled, sites] = await Promise.all([
        loadAdverseEvents(scope, filters),
        loadLabToxicities(scope, filters),
        loadEnrolledPatientIds(scope, filters),
        getPrisma().site.findMany({
          where: scope.siteId ? { id: { in: scope.siteId.in } } : {},
          orderBy: { code: "asc" },
          select: { code: true, name: true },
        }),
      ]);
      const table = tabulateWorstGrade(
        events
          .filter((e) => e.grade !== null && isTreatmentEmergent(e.onsetDate, e.enrollmentDate))
          .map((e) => ({ ...e, grade: e.grade! })),
        enrolled,
      );
      return { events, labs, table, sites };
    },
  );
  // The reporting clock depends on the time of the request, so it is never kept.
  const siteNow = latestSiteLocalNow(now);
  return {
    events,
    seriousEvents: events
      .filter((e) => e.serious)
      .map((e) => ({ ...e, clock: classifySaeClock(e.saeReportDueAt, siteNow, e.saeReportedAt) })),
    labs,
    worstGrade: { ...table, population: "enrolled", description: WORST_GRADE_POPULATION },
    sites,
  };
}
