import "server-only";
import { hasPermission, scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { classifySaeClock, latestSiteLocalNow } from "@/lib/analysis/toxicity/sae-clock";
import type { QualityPatient, QualityRecord } from "@/lib/analysis/data-quality";
import {
  buildSafetyWorkLists,
  buildWorkLists,
  type SiteSet,
  type WorkKind,
  type WorkList,
  type WorkQuery,
} from "@/lib/analysis/work-list";
import { getPrisma } from "@/lib/db/prisma";
import { listUsers } from "./admin";
import { getEnrollmentTotal } from "./analysis";
import { cachedByDataVersion } from "./cached-by-version";
import { getDataQuality } from "./data-quality";
import { queryOnFormSelect, toQueryOnForm } from "./query-on-form";
import { keptPatientCounts, type PatientCounts } from "./schedule-facts";
import { getStudySettings } from "./study-settings";
import { getToxicityReviewSummary } from "./toxicity-review";
import { loadAdverseEvents, loadLabToxicities, siteFilterForAny } from "./toxicity-items";

export interface MyWork {
  today: string;
  /** Whether the caller sees patients at all (links to the inbox and the grid). */
  canReadPatients: boolean;
  lists: WorkList[];
  /** Coordinator and PI: adverse events and labs of grade 3+ waiting for review, and those escalated (the oldest few linked). */
  toxicity: { needsReview: number; escalated: number; escalatedItems: EscalatedItem[] } | null;
  /** Coordinator, monitor and PI (quality.read): overdue forms per site, the data-quality page's own numbers. */
  overdueBySite: { siteCode: string; siteName: string; count: number }[] | null;
  /** PI: enrolled against the sites' target. */
  enrollment: { enrolled: number; target: number } | null;
  /** Administrator: accounts that need attention. */
  accounts: { lockedSignIn: AccountItem[]; withoutRoles: AccountItem[]; deactivated: AccountItem[] } | null;
}

/** An event escalated to the PI, as the toxicity review queue names it. */
export interface EscalatedItem {
  recordId: string;
  itemKey: string;
  subjectId: string;
  label: string;
}

/** Escalated events linked from home; the count stays exact. */
const ESCALATED_SHOWN = 10;

export interface AccountItem {
  id: string;
  email: string;
  name: string;
}

/**
 * Everything on the caller's home page, within the sites where each of their permissions
 * applies. The clinical lists are kept per (caller, day, data version) like the dashboards.
 */
export async function getMyWork(
  actor: Actor,
  today: string = new Date().toISOString().slice(0, 10),
  now: Date = new Date(),
): Promise<MyWork> {
  const [clinical, safety, toxicity, enrollment, accounts, quality] = await Promise.all([
    scopeOf(actor, "patient.read").kind === "none"
      ? []
      : cachedByDataVersion(
          `work-lists|${actor.userId}|${JSON.stringify(actor.assignments)}|${actor.readOnly ?? false}|${today}`,
          (version) => loadClinicalWork(actor, today, version),
        ),
    loadSafetyWork(actor, now),
    hasPermission(actor, "toxicity.review") ? loadToxicityCounts(actor) : null,
    hasPermission(actor, "dashboard.read") ? getEnrollmentTotal(actor) : null,
    hasPermission(actor, "user.admin") ? loadAccountWork(actor) : null,
    hasPermission(actor, "quality.read") && !hasPermission(actor, "patient.write")
      ? getDataQuality(actor, today)
      : null,
  ]);
  const lists = [...clinical, ...safety];
  const overdueBySite = quality
    ? quality.sites.map((s) => ({ siteCode: s.siteCode, siteName: s.siteName, count: s.overdueForms.count }))
    : null;
  return {
    today,
    canReadPatients: scopeOf(actor, "patient.read").kind !== "none",
    lists,
    toxicity,
    enrollment,
    accounts,
    overdueBySite,
  };
}

async function loadClinicalWork(actor: Actor, today: string, version: string): Promise<WorkList[]> {
  const inScope = siteFilter(actor, "patient.read");
  const [counts, queries, sites, settings] = await Promise.all([
    keptPatientCounts(scopeOf(actor, "patient.read"), today, version),
    loadOpenQueries(inScope),
    getPrisma().site.findMany({ select: { id: true, code: true } }),
    getStudySettings(actor),
  ]);
  const codeOf = new Map(sites.map((s) => [s.id, s.code]));
  const sitesFor = (permission: Permission): SiteSet => {
    const scope = scopeOf(actor, permission);
    if (scope.kind === "all") return "all";
    return new Set(scope.kind === "sites" ? scope.siteIds.map((id) => codeOf.get(id) ?? id) : []);
  };
  const abilities = {
    userId: actor.userId,
    enter: sitesFor("patient.write"),
    sign: sitesFor("form.sign"),
    verify: sitesFor("sdv.mark"),
    answer: sitesFor("query.answer"),
    close: sitesFor("query.close"),
  };
  // The exact counts come from the kept facts; the items (the oldest few of each list) from the
  // forms of the few patients that can hold them, through the same code as before.
  const measures = scheduleWorkMeasures(abilities);
  const candidates = new Set(measures.flatMap((m) => pickCandidates(counts, m, WORK_ITEMS_SHOWN)));
  const candidateCounts = counts.filter((c) => candidates.has(c.patientId));
  const records = await loadCandidateRecords([...candidates]);
  const patients = new Map<string, QualityPatient>(
    queries.map((q) => [
      q.patientId,
      { id: q.patientId, subjectId: q.subjectId, siteCode: q.siteCode, enrollmentDate: null, scheduleEnd: null },
    ]),
  );
  for (const c of candidateCounts)
    patients.set(c.patientId, {
      id: c.patientId,
      subjectId: c.subjectId,
      siteCode: c.siteCode,
      enrollmentDate: c.enrollmentDate,
      scheduleEnd: { offStudyDate: c.scheduleEnd },
    });
  const lists = buildWorkLists({
    patients: [...patients.values()],
    records,
    queries,
    today,
    schedule: settings.schedule,
    abilities,
    limit: WORK_ITEMS_SHOWN,
  });
  for (const list of lists) {
    const measure = measures.find((m) => m.kind === list.kind);
    if (!measure) continue;
    const bySite: Record<string, number> = {};
    for (const c of counts)
      if (measure.applies(c) && measure.count(c) > 0) bySite[c.siteCode] = (bySite[c.siteCode] ?? 0) + measure.count(c);
    list.bySite = bySite;
    list.count = Object.values(bySite).reduce((sum, n) => sum + n, 0);
  }
  return lists;
}

/** Items shown per list (buildWorkLists' default); every count stays exact. */
const WORK_ITEMS_SHOWN = 20;

interface WorkMeasure {
  kind: WorkKind;
  count: (c: PatientCounts) => number;
  applies: (c: PatientCounts) => boolean;
  /** The patient's oldest item's sort key, as buildWorkLists sorts (date, then subject). */
  firstItemDate: (c: PatientCounts) => string;
}

function scheduleWorkMeasures(abilities: { enter: SiteSet; sign: SiteSet; verify: SiteSet }): WorkMeasure[] {
  const at = (set: SiteSet) => (c: PatientCounts) => set === "all" || set.has(c.siteCode);
  return [
    {
      kind: "overdue",
      count: (c) => c.overdue,
      applies: at(abilities.enter),
      firstItemDate: (c) => c.firstGapDue ?? "",
    },
    {
      kind: "due-this-week",
      count: (c) => c.dueThisWeek,
      applies: at(abilities.enter),
      firstItemDate: (c) => c.currentVisitDue ?? "",
    },
    { kind: "to-sign", count: (c) => c.unsigned, applies: at(abilities.sign), firstItemDate: () => "" },
    { kind: "to-verify", count: (c) => c.unverified, applies: at(abilities.verify), firstItemDate: () => "" },
  ];
}

/**
 * The patients whose items can be among the `limit` oldest of a list: each patient's first item
 * is dated by the kept facts, so the first `limit` patients in (date, subject) order hold them all.
 */
function pickCandidates(counts: readonly PatientCounts[], measure: WorkMeasure, limit: number): string[] {
  return counts
    .filter((c) => measure.applies(c) && measure.count(c) > 0)
    .sort(
      (a, b) =>
        measure.firstItemDate(a).localeCompare(measure.firstItemDate(b)) || a.subjectId.localeCompare(b.subjectId),
    )
    .slice(0, limit)
    .map((c) => c.patientId);
}

/** The candidate patients' forms (no answers), as buildWorkLists reads them. */
async function loadCandidateRecords(patientIds: string[]): Promise<(QualityRecord & { id: string })[]> {
  if (patientIds.length === 0) return [];
  const rows = await getPrisma().crfRecord.findMany({
    where: { patientId: { in: patientIds }, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, patientId: true, formType: true, visitKey: true, status: true, signedAt: true, sdvAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patientId,
    formType: r.formType,
    visitKey: r.visitKey,
    status: r.status,
    signed: r.signedAt !== null,
    verified: r.sdvAt !== null,
  }));
}

/** The sites' own safety follow-up, for those who enter data there (the investigators). */
async function loadSafetyWork(actor: Actor, now: Date): Promise<WorkList[]> {
  const scope = siteFilterForAny(actor, ["patient.write"]);
  if (!scope) return [];
  const { events, labs } = await cachedByDataVersion(`work-safety|${JSON.stringify(scope)}`, async () => {
    const [events, labs] = await Promise.all([
      loadAdverseEvents(scope, {}, undefined, { safetyWork: true }),
      loadLabToxicities(scope, {}),
    ]);
    return { events, labs };
  });
  // The clock depends on the time of the request, so it is never kept (as on the toxicity page).
  const siteNow = latestSiteLocalNow(now);
  return buildSafetyWorkLists(events, labs, (dueAt, reportedAt) => classifySaeClock(dueAt, siteNow, reportedAt));
}

/** Open and answered queries in the read scope, each with the form it is on. */
async function loadOpenQueries(
  inScope: ReturnType<typeof siteFilter>,
): Promise<(WorkQuery & { subjectId: string; siteCode: string })[]> {
  const rows = await getPrisma().dataQuery.findMany({
    // A deleted patient's queries are no one's work (the patient list leaves them out too).
    where: { ...inScope, status: { in: ["OPEN", "ANSWERED"] }, record: { patient: { deletedAt: null } } },
    orderBy: { openedAt: "asc" },
    select: queryOnFormSelect,
  });
  // The where clause keeps only open and answered queries.
  return rows.map((r) => ({ ...toQueryOnForm(r), status: r.status as "OPEN" | "ANSWERED" }));
}

async function loadToxicityCounts(actor: Actor) {
  const queue = await getToxicityReviewSummary(actor);
  return {
    needsReview: queue.counts.needsReview,
    escalated: queue.counts.escalated,
    escalatedItems: queue.escalated
      .slice(0, ESCALATED_SHOWN)
      .map(({ recordId, itemKey, subjectId, label }) => ({ recordId, itemKey, subjectId, label })),
  };
}

async function loadAccountWork(actor: Actor) {
  const users = await listUsers(actor);
  const item = (u: (typeof users)[number]): AccountItem => ({ id: u.id, email: u.email, name: u.name });
  return {
    lockedSignIn: users.filter((u) => u.signInLockedUntil !== null).map(item),
    withoutRoles: users.filter((u) => u.active && u.roleAssignments.length === 0).map(item),
    deactivated: users.filter((u) => !u.active).map(item),
  };
}
