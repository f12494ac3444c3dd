import { isIsoDate } from "@/lib/domain/iso-date";

/**
 * The readers take dates as PostgreSQL's text (::text): a session whose DateStyle is not ISO would
 * hand them another shape, so a date read is checked and anything else is refused loudly.
 */
export function assertIsoDateStyle(date: string | null | undefined): void {
  if (date && !isIsoDate(date)) throw new Error(`Dates must be read as YYYY-MM-DD (DateStyle ISO), got ${date}`);
}
