/** A visit key as people read it: "week12" -> "Week 12", "day1" -> "Day 1", "screening" -> "Screening". */
export function visitLabel(visitKey: string | null): string {
  if (!visitKey) return "";
  const match = /^(day|week)(\d+)$/.exec(visitKey);
  if (match) return `${match[1] === "day" ? "Day" : "Week"} ${match[2]}`;
  return visitKey.charAt(0).toUpperCase() + visitKey.slice(1).replace(/-/g, " ");
}
