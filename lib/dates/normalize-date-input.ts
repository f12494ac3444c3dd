/**
 * What a person types for a date, made ISO 8601 (yyyy-mm-dd) when it is unambiguous: the
 * basic format "20261205" (ISO 8601 section 5.2.1.1) and year-month-day with one-digit parts
 * or slashes or dots ("2026-2-5", "2026/02/05"). Anything else, or a day the calendar does not
 * have ("20260231"), comes back as typed, trimmed, for the form's schema to refuse with a
 * message. Day-first and month-first forms are never guessed: "05/02/2026" stays as typed.
 */
export function normalizeDateInput(raw: string): string {
  const text = raw.trim();
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!match) return text;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return text;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The local calendar date of an instant as yyyy-mm-dd (the device's own clock and zone: the site's). */
export function localIsoDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** The days of a month as a calendar grid: weeks of 7 (Monday first, ISO 8601), null outside the month. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
