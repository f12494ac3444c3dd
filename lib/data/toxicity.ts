import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { classifySaeClock, latestSiteLocalNow, type SaeClock } from "@/lib/analysis/toxicity/sae-clock";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { computeSaeReportDueAt } from "@/lib/forms/adverse-event-rules";
import { summarizePatientToxicity } from "@/lib/analysis/toxicity/patient-toxicity";
import { tabulateWorstGradeCounts, type WorstGradeTable } from "@/lib/analysis/toxicity/worst-grade-table";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";
import { cachedByDataVersion } from "./cached-by-version";
import { countToxicities, loadWorstGradeCounts } from "./toxicity-aggregates";
import { toxicityStore } from "./toxicity-store";
import type { SiteWhere } from "./toxicity-sql";
import {
  loadAdverseEvents,
  loadLabToxicities,
  siteFilterForAny,
  type AdverseEventItem,
  type LabToxicityItem,
} from "./toxicity-items";

export type { AdverseEventItem, LabToxicityItem };

export interface SeriousEventView extends AdverseEventItem {
  clock: SaeClock;
}

/** How many of each list match the filters; the lists themselves stop at TOXICITY_LIST_LIMIT. */
export interface ToxicityCounts {
  adverseEvents: number;
  patientsWithEvents: number;
  seriousAdverseEvents: number;
  overdueSaeReports: number;
  labResultsGrade3Plus: number;
}

export interface ToxicityDashboard {
  /** The first TOXICITY_LIST_LIMIT adverse events, by patient and entry. */
  events: AdverseEventItem[];
  /** The first TOXICITY_LIST_LIMIT SAEs with their reporting clock. */
  seriousEvents: SeriousEventView[];
  /** The first TOXICITY_LIST_LIMIT lab results of grade 3 or more. */
  labs: LabToxicityItem[];
  counts: ToxicityCounts;
  worstGrade: WorstGradeTable & { population: "enrolled"; description: string };
  sites: { code: string; name: string }[];
}

/** Rows each list of the page carries (the page shows them all and says how many more match). */
export const TOXICITY_LIST_LIMIT = 100;

/** Who may look at the toxicity review: dashboard readers and toxicity reviewers, on their sites. */
export const TOXICITY_VIEW_PERMISSIONS = ["dashboard.read", "toxicity.review"] as const;

export const WORST_GRADE_POPULATION =
  "Enrolled patients (enrollment date = day 1 of treatment); treatment-emergent events only (onset on or after day 1).";

/**
 * Adverse events, SAEs with their reporting clock, grade 3+ lab results, their counts and the
 * worst-grade table, for the sites the caller may see, narrowed by the filters. Read from the
 * typed tables (adverse_events, lab_results) with the filtering, counting and worst-grade
 * grouping done by PostgreSQL, so the first request after a save reads counts and the first
 * rows of each list, not every event. What the database gave is kept per (sites, filters,
 * data version).
 */
export async function getToxicityDashboard(
  actor: Actor,
  filters: ToxicityFilters,
  now: Date = new Date(),
): Promise<ToxicityDashboard> {
  const scope = siteFilterForAny(actor, TOXICITY_VIEW_PERMISSIONS);
  if (!scope) throw new ForbiddenError();
  const { events, serious, labs, totals, table, sites } = await cachedByDataVersion(
    `toxicity|${JSON.stringify(scope)}|${JSON.stringify(filters)}`,
    async () => {
      const [events, serious, labs, totals, worst, sites] = await Promise.all([
        loadAdverseEvents(scope, filters, undefined, { limit: TOXICITY_LIST_LIMIT }),
        filters.serious === "no"
          ? []
          : loadAdverseEvents(scope, { ...filters, serious: "yes" }, undefined, { limit: TOXICITY_LIST_LIMIT }),
        loadLabToxicities(scope, filters, { limit: TOXICITY_LIST_LIMIT }),
        ...countsAndWorst(scope, filters),
        getPrisma().site.findMany({
          where: scope.siteId ? { id: { in: scope.siteId.in } } : {},
          orderBy: { code: "asc" },
          select: { code: true, name: true },
        }),
      ]);
      const table = tabulateWorstGradeCounts(worst, totals.enrolledPatients);
      return { events, serious, labs, totals, table, sites };
    },
  );
  // The reporting clock depends on the time of the request, so it is never kept: the SAEs listed
  // get theirs, and the overdue ones are counted among those whose clock still runs, by the same
  // rules (the due time as the form computes it, the clock as the page shows it), not from every SAE.
  const siteNow = latestSiteLocalNow(now);
  const clocked = serious.map((e) => ({ ...e, clock: classifySaeClock(e.saeReportDueAt, siteNow, e.saeReportedAt) }));
  let overdue = 0;
  for (const awareAt of totals.openSaeAwareTimes)
    if (classifySaeClock(computeSaeReportDueAt(awareAt), siteNow).status === "overdue") overdue++;
  return {
    events,
    seriousEvents: clocked,
    labs,
    counts: {
      adverseEvents: totals.adverseEvents,
      patientsWithEvents: totals.patientsWithEvents,
      seriousAdverseEvents: totals.seriousAdverseEvents,
      overdueSaeReports: overdue,
      labResultsGrade3Plus: totals.labResultsGrade3Plus,
    },
    worstGrade: { ...table, population: "enrolled", description: WORST_GRADE_POPULATION },
    sites,
  };
}

/**
 * The totals and the worst-grade counts: with no filter, summed from every patient's toxicity
 * kept in the process (lib/data/toxicity-store.ts: after a save only that patient is read
 * again); with a filter, counted by PostgreSQL (lib/data/toxicity-aggregates.ts), whose rules
 * the kept sums follow.
 */
function countsAndWorst(scope: SiteWhere, filters: ToxicityFilters) {
  if (Object.values(filters).some((value) => value !== undefined))
    return [countToxicities(scope, filters), loadWorstGradeCounts(scope, filters)] as const;
  const summary = toxicityStore.patients(scope.siteId?.in ?? null).then(summarizePatientToxicity);
  return [summary.then((s) => s.totals), summary.then((s) => s.worst)] as const;
}
