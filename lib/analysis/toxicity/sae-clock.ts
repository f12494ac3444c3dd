import { formatHoursSpan } from "@/lib/format-count";

/**
 * The 24-hour SAE reporting clock as the review page shows it (ICH E2A III.A.1; the due
 * time itself is computed by the adverse-event form: lib/forms/adverse-event-rules.ts).
 * Due times are site wall-clock times (yyyy-mm-ddThh:mm, no zone).
 */
export type SaeClock =
  | { status: "running"; dueAt: string; hoursLeft: number }
  | { status: "overdue"; dueAt: string; hoursOverdue: number }
  | { status: "reported"; dueAt: string; reportedAt: string; late: boolean }
  | { status: "no-deadline" };

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const HOUR_MS = 3_600_000;

/**
 * The latest wall-clock time any site can have now (UTC+14). The server does not know the
 * site's zone; reading the clock at the latest zone flags an SAE as overdue at the
 * earliest moment it may be, so a safety deadline is never shown as still open after it
 * passed (the same bound the form uses to refuse future awareness times).
 */
export function latestSiteLocalNow(now: Date): string {
  return new Date(now.getTime() + 14 * HOUR_MS).toISOString().slice(0, 16);
}

/**
 * Whole hours left (rounded down) or overdue (rounded up), from site-local times. The report
 * stops the clock; a report after the due time stays visible as late.
 */
export function classifySaeClock(
  dueAt: string | null,
  siteLocalNow: string,
  reportedAt: string | null = null,
): SaeClock {
  if (!dueAt || !LOCAL.test(dueAt) || !LOCAL.test(siteLocalNow)) return { status: "no-deadline" };
  if (reportedAt && LOCAL.test(reportedAt)) return { status: "reported", dueAt, reportedAt, late: reportedAt > dueAt };
  const diff = Date.parse(`${dueAt}:00Z`) - Date.parse(`${siteLocalNow}:00Z`);
  if (Number.isNaN(diff)) return { status: "no-deadline" };
  if (diff >= 0) return { status: "running", dueAt, hoursLeft: Math.floor(diff / HOUR_MS) };
  return { status: "overdue", dueAt, hoursOverdue: Math.ceil(-diff / HOUR_MS) };
}

/** The clock in words, so the state never depends on colour alone. */
export function describeSaeClock(clock: SaeClock): string {
  if (clock.status === "no-deadline") return "No reporting deadline (awareness time missing)";
  const due = clock.dueAt.replace("T", " ");
  if (clock.status === "reported")
    return `Reported ${clock.reportedAt.replace("T", " ")}${clock.late ? ` - LATE (due by ${due})` : " (on time)"}`;
  if (clock.status === "running") return `Report due by ${due} (${formatHoursSpan(clock.hoursLeft)} left)`;
  return `OVERDUE: report was due by ${due} (${formatHoursSpan(clock.hoursOverdue)} ago)`;
}
