import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

/**
 * The one way dates are shown: ISO 8601 calendar dates (yyyy-mm-dd) and UTC timestamps
 * (yyyy-mm-dd hh:mm UTC), never the browser's locale. "03/04/2026" is 3 April in one
 * country and 4 March in another; ICH E6(R3) 4.2 / ALCOA+ ask for legible, unambiguous
 * records, and ISO 8601 is also what CDISC SDTM stores (--DTC).
 */
export const DATE_FORMAT_HINT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT_HINT = "yyyy-mm-dd hh:mm";

function toInstant(value: Date | string): Date | null {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date ("2026-03-04") as is; a timestamp as its UTC calendar date. Empty when unknown. */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string" && ISO_DATE_PATTERN.test(value)) return value;
  return toInstant(value)?.toISOString().slice(0, 10) ?? String(value);
}

/** A timestamp in UTC to the minute: "2026-03-04 14:05 UTC" (server time, the audit trail's clock). */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const instant = toInstant(value);
  return instant ? `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC` : String(value);
}

/** A timestamp in UTC to the second, for audit trails: "2026-03-04 14:05:09 UTC". */
export function formatTimestamp(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const instant = toInstant(value);
  return instant ? `${instant.toISOString().slice(0, 19).replace("T", " ")} UTC` : String(value);
}

/** A site-local date and time as entered ("2026-03-04T14:05"), shown without the T. */
export function formatLocalDateTime(value: string | null | undefined): string {
  return value ? value.replace("T", " ") : "";
}

/**
 * A timestamp in a site's time zone to the minute, with the zone and its UTC offset:
 * "2026-12-06 04:21 Asia/Taipei (UTC+08:00)". A site reads its own clock, and the offset keeps
 * it unambiguous beside the UTC audit trail. An unknown zone falls back to UTC.
 */
export function formatDateTimeInZone(value: Date | string | null | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "";
  const instant = toInstant(value);
  if (!instant) return String(value);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    }).formatToParts(instant);
  } catch {
    return formatDateTime(instant);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const offset = part("timeZoneName").replace(/^GMT$/, "GMT+00:00").replace("GMT", "UTC");
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${timeZone} (${offset})`;
}
