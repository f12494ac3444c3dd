/** Enrollment against target per site (the PI's enrollment dashboard). Pure: plain rows in, counts out. */
export interface EnrollmentSite {
  id: string;
  code: string;
  name: string;
  targetEnrollment: number;
}

export interface EnrollmentPatient {
  siteId: string;
  status: string;
  enrollmentDate: string | null;
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

function count(patients: readonly EnrollmentPatient[], target: number): EnrollmentCounts {
  const withStatus = (...statuses: string[]) => patients.filter((p) => statuses.includes(p.status)).length;
  const enrolled = patients.filter((p) => p.enrollmentDate !== null).length;
  return {
    screened: patients.length,
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

export function summarizeEnrollment(
  sites: readonly EnrollmentSite[],
  patients: readonly EnrollmentPatient[],
): EnrollmentSummary {
  const siteIds = new Set(sites.map((s) => s.id));
  const inScope = patients.filter((p) => siteIds.has(p.siteId));
  return {
    sites: sites.map((site) => ({
      code: site.code,
      name: site.name,
      ...count(
        inScope.filter((p) => p.siteId === site.id),
        site.targetEnrollment,
      ),
    })),
    total: count(
      inScope,
      sites.reduce((sum, s) => sum + s.targetEnrollment, 0),
    ),
    cumulative: sites.map((site) => {
      const dates = inScope.flatMap((p) => (p.siteId === site.id && p.enrollmentDate ? [p.enrollmentDate] : [])).sort();
      return { code: site.code, points: dates.map((date, i) => ({ date, enrolled: i + 1 })) };
    }),
  };
}
