// Which saves alert the safety team at once: a new or upgraded serious adverse event (ICH E2A
// II.A/B: expedited reporting starts at awareness), and a pregnancy under thalidomide (Thalomid
// REMS: report any pregnancy immediately and stop the drug).

export interface SafetyAlert {
  kind: "SAE_NEW" | "SAE_UPGRADED" | "PREGNANCY";
  subject: string;
  body: string;
}

type Data = Record<string, unknown> | null;
const num = (v: unknown) => (typeof v === "number" ? v : null);

/** The alert a save calls for, from the record's data before (null for a new record) and after; null for none. */
export function decideSafetyAlert(
  formType: string,
  before: Data,
  after: Data,
  patient: { subjectId: string; siteCode: string },
): SafetyAlert | null {
  const who = `patient ${patient.subjectId} (site ${patient.siteCode})`;
  if (formType === "adverse-event" && after?.serious === "yes") {
    const term = String(after.term ?? "");
    const grade = num(after.grade);
    const details = `${term}, grade ${grade ?? "not given"}, onset ${String(after.onsetDate ?? "")}; aware at ${String(after.awareAt ?? "not recorded")}.`;
    if (before?.serious !== "yes") {
      return {
        kind: "SAE_NEW",
        subject: `New serious adverse event: ${term}, ${who}`,
        body: `A serious adverse event was recorded for ${who}: ${details}\nReport it within 24 hours of awareness.`,
      };
    }
    const previous = num(before.grade);
    if (grade !== null && previous !== null && grade > previous) {
      return {
        kind: "SAE_UPGRADED",
        subject: `Serious adverse event upgraded to grade ${grade}: ${term}, ${who}`,
        body: `The serious adverse event of ${who} was upgraded from grade ${previous}: ${details}`,
      };
    }
  }
  if (formType === "pregnancy-test" && after?.result === "positive" && before?.result !== "positive") {
    return {
      kind: "PREGNANCY",
      subject: `Pregnancy: positive test for ${who}`,
      body: `A positive pregnancy test dated ${String(after.testDate ?? "")} was recorded for ${who}. Thalidomide dispensing is stopped; report the pregnancy and refer the patient.`,
    };
  }
  return null;
}
