import { CalcInputError } from "./calc-command";

/**
 * ISO 8601 calendar dates (yyyy-mm-dd), the one form dates take in this app (lib/format-date.ts
 * says why): the pattern, a type guard and day arithmetic, for every layer above.
 */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const MS_PER_DAY = 86_400_000;

/** Whether a value is a string shaped yyyy-mm-dd (not whether the calendar has that day). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && ISO_DATE_PATTERN.test(value);
}

// The analyses convert the same few thousand dates many times per request (every patient's
// PFS, OS and swimmer lane): valid dates' day numbers are kept, a bounded number of them.
const dayNumbers = new Map<string, number>();
const MAX_KEPT_DAY_NUMBERS = 100_000;

/**
 * Days since 1970-01-01 of an ISO calendar date (yyyy-mm-dd). UTC arithmetic, so daylight
 * saving never shifts an interval by a day. Throws CalcInputError on malformed or impossible dates.
 */
export function parseIsoDateToDayNumber(isoDate: string, field = "date"): number {
  const known = dayNumbers.get(isoDate);
  if (known !== undefined) return known;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new CalcInputError(`${field} must be an ISO date yyyy-mm-dd, got "${isoDate}"`, field);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March: reject instead of silently shifting the date.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new CalcInputError(`${field} is not a calendar date: "${isoDate}"`, field);
  }
  const dayNumber = Math.round(ms / MS_PER_DAY);
  if (dayNumbers.size >= MAX_KEPT_DAY_NUMBERS) dayNumbers.clear();
  dayNumbers.set(isoDate, dayNumber);
  return dayNumber;
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return parseIsoDateToDayNumber(toIso) - parseIsoDateToDayNumber(fromIso);
}

// The inverse, kept too: the schedule counts format a due date per patient per request.
const isoDates = new Map<number, string>();

/** The ISO calendar date (yyyy-mm-dd) of a day number, the inverse of parseIsoDateToDayNumber. */
export function isoDateOfDayNumber(dayNumber: number): string {
  let iso = isoDates.get(dayNumber);
  if (iso === undefined) {
    if (isoDates.size >= MAX_KEPT_DAY_NUMBERS) isoDates.clear();
    isoDates.set(dayNumber, (iso = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10)));
  }
  return iso;
}
