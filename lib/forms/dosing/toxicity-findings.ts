import type { ToxicityFinding } from "@/lib/domain/dosing/dose-modification";
import type { RelatedRecord } from "@/lib/forms/form-definition";

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * The toxicities a dosing visit's recommendation is made from: every graded result of the
 * latest labs panel sampled on or before the visit, and every adverse event ongoing at the
 * visit (onset on or before it, not resolved before it).
 */
export function listToxicityFindings(records: readonly RelatedRecord[], visitDate: string): ToxicityFinding[] {
  const labs = records
    .filter(
      (r) => r.formType === "labs" && (text((r.data as { sampleDate?: unknown }).sampleDate) ?? "9999") <= visitDate,
    )
    .sort((a, b) =>
      String((a.data as { sampleDate: string }).sampleDate).localeCompare(
        String((b.data as { sampleDate: string }).sampleDate),
      ),
    )
    .at(-1);
  const findings: ToxicityFinding[] = [];
  if (labs) {
    const date = String((labs.data as { sampleDate: string }).sampleDate);
    const results = (labs.computed.results ?? {}) as Record<string, { term?: unknown; grade?: unknown }>;
    for (const result of Object.values(results)) {
      if (typeof result.term === "string" && typeof result.grade === "number" && result.grade > 0)
        findings.push({ term: result.term, grade: result.grade, source: "lab", recordId: labs.id, date });
    }
  }
  for (const ae of records.filter((r) => r.formType === "adverse-event")) {
    const data = ae.data as {
      term?: unknown;
      grade?: unknown;
      onsetDate?: unknown;
      ongoing?: unknown;
      resolutionDate?: unknown;
    };
    const onset = text(data.onsetDate);
    const resolved = text(data.resolutionDate);
    if (!onset || onset > visitDate || typeof data.term !== "string" || typeof data.grade !== "number") continue;
    if (data.ongoing === true || (resolved !== null && resolved >= visitDate))
      findings.push({ term: data.term, grade: data.grade, source: "adverse-event", recordId: ae.id, date: onset });
  }
  return findings;
}
