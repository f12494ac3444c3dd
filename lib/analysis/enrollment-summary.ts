/**
 * Enrollment against target per site (the PI's enrollment dashboard). Pure: counts in, counts out.
 * The patients arrive already counted by PostgreSQL (per site and status, and enrollments per site
 * and day): at 100,000 patients a row per patient cost more to send and walk than the page's budget.
 */
export interface EnrollmentSite {
  id: string;
  code: string;
  name: string;
  targetEnrollment: number;
}

/** The patients of one site with one status, enrolled or not. */
export interface EnrollmentStatusCount {
  siteId: string;
  status: string;
  enrolled: boolean;
  patients: number;
}

/** The patients of one site enrolled on one day. */
export interface EnrollmentDay {
  siteId: string;
  date: string;
  patients: number;
}

export interface EnrollmentCounts {
  screened: number;
  screenFailed: number;
  /** Still in screening (neither enrolled nor failed). */
  inScreening: number;
  enrolled: number;
  onTreatment: number;
  /** Off treatment, still followed for progression and survival. */
  inFollowUp: number;
  /** Off study, including deaths. */
  offStudy: number;
  target: number;
  /** enrolled / target, null without a target. */
  percentOfTarget: number | null;
}

export interface EnrollmentSummary {
  sites: (EnrollmentCounts & { code: string; name: string })[];
  total: EnrollmentCounts;
  /** Cumulative enrollment per site: one point per enrollment date. */
  cumulative: { code: string; points: { date: string; enrolled: number }[] }[];
}

function count(groups: readonly EnrollmentStatusCount[], target: number): EnrollmentCounts {
  const sum = (keep: (group: EnrollmentStatusCount) => boolean) =>
    groups.reduce((total, group) => (keep(group) ? total + group.patients : total), 0);
  const withStatus = (...statuses: string[]) => sum((group) => statuses.includes(group.status));
  const enrolled = sum((group) => group.enrolled);
  return {
    screened: sum(() => true),
    screenFailed: withStatus("SCREEN_FAILED"),
    inScreening: withStatus("SCREENING"),
    enrolled,
    onTreatment: withStatus("ON_TREATMENT"),
    inFollowUp: withStatus("OFF_TREATMENT"),
    offStudy: withStatus("OFF_STUDY", "DEAD"),
    target,
    percentOfTarget: target > 0 ? (100 * enrolled) / target : null,
  };
}

/** The cumulative count at the end of each enrollment day, in date order. */
function cumulativeOf(days: readonly EnrollmentDay[]) {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let enrolled = 0;
  return sorted.map((day) => ({ date: day.date, enrolled: (enrolled += day.patients) }));
}

export function summarizeEnrollment(
  sites: readonly EnrollmentSite[],
  statusCounts: readonly EnrollmentStatusCount[],
  days: readonly EnrollmentDay[],
): EnrollmentSummary {
  const siteIds = new Set(sites.map((s) => s.id));
  const inScope = statusCounts.filter((group) => siteIds.has(group.siteId));
  return {
    sites: sites.map((site) => ({
      code: site.code,
      name: site.name,
      ...count(
        inScope.filter((group) => group.siteId === site.id),
        site.targetEnrollment,
      ),
    })),
    total: count(
      inScope,
      sites.reduce((sum, s) => sum + s.targetEnrollment, 0),
    ),
    cumulative: sites.map((site) => ({
      code: site.code,
      points: cumulativeOf(days.filter((day) => day.siteId === site.id)),
    })),
  };
}
