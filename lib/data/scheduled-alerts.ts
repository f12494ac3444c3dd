import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { classifySaeClock, latestSiteLocalNow } from "@/lib/analysis/toxicity/sae-clock";
import { getPrisma } from "@/lib/db/prisma";
import { getDataQuality } from "./data-quality";
import { enqueueAlertMail } from "./mail-outbox";
import { alertCrossedStoppingBoundaries } from "./stopping-rule-alerts";
import { loadAdverseEvents } from "./toxicity-items";

/**
 * Alerts no save raises: an SAE whose 24-hour report is now overdue and each investigator's daily
 * list of overdue forms (time alone brings them), and a crossed stopping boundary (it reads the
 * whole trial, which a save must not do under its patient lock). The scheduler
 * (lib/mail/alert-schedule.ts, started by scripts/start.ts) calls runScheduledAlerts; tests call
 * it with an explicit `now`. Each message carries a unique dedupe key in the outbox, so running
 * it again (every few minutes, after a restart, on two instances) adds nothing.
 */
export interface ScheduledAlertsReport {
  overdueSaeReports: number;
  overdueFormDigests: number;
  stoppingBoundaries: number;
}

/**
 * Reads the trial as a coordinator's data-quality page and stopping-rule monitor do, for every
 * site: the system itself, not a user, so the counts in a digest are the page's own figures
 * (lib/data/data-quality.ts) and a boundary is crossed exactly when the monitor says so.
 */
const SCHEDULER: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  email: "scheduler@trialdesk.invalid",
  name: "Scheduled alerts",
  assignments: [{ role: "COORDINATOR", siteId: null }],
};

export async function runScheduledAlerts(now: Date = new Date()): Promise<ScheduledAlertsReport> {
  return {
    overdueSaeReports: await alertOverdueSaeReports(now),
    overdueFormDigests: await sendOverdueFormDigests(now),
    stoppingBoundaries: await alertCrossedStoppingBoundaries(SCHEDULER),
  };
}

/**
 * An SAE without a report time whose 24-hour clock has run out (ICH E2A III.A.1; the clock as the
 * review page reads it, lib/analysis/toxicity/sae-clock.ts) emails the PI, the coordinators and
 * the site's investigators (who file the report, ICH E6(R2) 4.11.1) once per due time.
 * Returns how many new alerts were written.
 */
export async function alertOverdueSaeReports(now: Date): Promise<number> {
  const siteNow = latestSiteLocalNow(now);
  const overdue = (await loadAdverseEvents({}, { serious: "yes" })).flatMap((e) => {
    const clock = classifySaeClock(e.saeReportDueAt, siteNow, e.saeReportedAt);
    return clock.status === "overdue" ? [{ ...e, clock }] : [];
  });
  let written = 0;
  for (const e of overdue) {
    const dedupeKey = `sae-overdue:${e.recordId}:${e.clock.dueAt}`;
    written += await getPrisma().$transaction(async (tx) => {
      if (await tx.mailOutbox.count({ where: { dedupeKey } })) return 0;
      await enqueueAlertMail(tx, {
        kind: "SAE_REPORT_OVERDUE",
        dedupeKey,
        roles: ["PRINCIPAL_INVESTIGATOR", "COORDINATOR", "INVESTIGATOR"],
        siteId: e.siteId,
        patientId: e.patientId,
        subject: `SAE report overdue: ${e.term}, patient ${e.subjectId} (site ${e.siteCode})`,
        body: `The serious adverse event ${e.term} (grade ${e.grade ?? "not given"}) of patient ${e.subjectId} (site ${e.siteCode}) was due to be reported to the sponsor by ${e.clock.dueAt.replace("T", " ")} (24 hours after awareness) and no report time is recorded.\n\nRecord: /patients/${e.patientId}/forms/adverse-event?record=${e.recordId}`,
      });
      return 1;
    });
  }
  return written;
}

/**
 * One email a day to each active investigator: the overdue forms at their sites, with the counts
 * of the data-quality page for that day (UTC date, as the page). Nothing overdue, no email.
 * Returns how many digests were written.
 */
export async function sendOverdueFormDigests(now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const [quality, investigators] = await Promise.all([
    getDataQuality(SCHEDULER, today),
    getPrisma().user.findMany({
      where: { active: true, roleAssignments: { some: { role: "INVESTIGATOR" } } },
      select: {
        id: true,
        email: true,
        roleAssignments: { where: { role: "INVESTIGATOR" }, select: { site: { select: { code: true } } } },
      },
      orderBy: { email: "asc" },
    }),
  ]);
  let written = 0;
  for (const user of investigators) {
    // An investigator held trial-wide (no site) sees every site's overdue forms.
    const codes = user.roleAssignments.some((a) => a.site === null)
      ? null
      : new Set(user.roleAssignments.map((a) => a.site!.code));
    const sites = quality.sites.filter((s) => (codes === null || codes.has(s.siteCode)) && s.overdueForms.count > 0);
    if (!sites.length) continue;
    const total = sites.reduce((sum, s) => sum + s.overdueForms.count, 0);
    const lines = sites.map(
      (s) =>
        `${s.siteCode} ${s.siteName}: ${s.overdueForms.count} overdue ${s.overdueForms.count === 1 ? "form" : "forms"} (${s.overdueForms.patients.map((p) => `${p.subjectId}: ${p.count}`).join(", ")})`,
    );
    const dedupeKey = `overdue-forms:${today}:${user.id}`;
    written += await getPrisma().$transaction(async (tx) => {
      if (await tx.mailOutbox.count({ where: { dedupeKey } })) return 0;
      await enqueueAlertMail(tx, {
        kind: "OVERDUE_FORMS_DIGEST",
        dedupeKey,
        roles: [],
        userIds: [user.id],
        siteId: null,
        patientId: null,
        subject: `Overdue forms on ${today}: ${total} at ${sites.map((s) => s.siteCode).join(", ")}`,
        body: `Forms past their visit window (due date + 7 days) on ${today}, as on the data-quality page:\n\n${lines.join("\n")}\n\nSee /dashboards/data-quality`,
      });
      return 1;
    });
  }
  return written;
}
