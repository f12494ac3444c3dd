/** "1 query", "2 queries", "0 forms": a count with its noun in the right number (English). */
export function formatCount(count: number, singular: string, plural: string = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

const HOURS_PER_DAY = 24;

/**
 * A span of whole hours as people say it: hours up to two days ("36 h"), whole days beyond
 * ("36 days", not "866 h").
 */
export function formatHoursSpan(hours: number): string {
  if (hours <= 2 * HOURS_PER_DAY) return `${hours} h`;
  return formatCount(Math.floor(hours / HOURS_PER_DAY), "day");
}
