import { CalcInputError } from "../calc-command";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of an ISO calendar date (yyyy-mm-dd). UTC arithmetic, so daylight
 * saving never shifts an interval by a day. Throws CalcInputError on malformed or impossible dates.
 */
export function parseIsoDateToDay(isoDate: string, field = "date"): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new CalcInputError(`${field} must be an ISO date yyyy-mm-dd, got "${isoDate}"`, field);
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March: reject instead of silently shifting the date.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new CalcInputError(`${field} is not a calendar date: "${isoDate}"`, field);
  }
  return Math.round(ms / MS_PER_DAY);
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return parseIsoDateToDay(toIso) - parseIsoDateToDay(fromIso);
}
