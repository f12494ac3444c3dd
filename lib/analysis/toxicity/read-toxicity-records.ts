import { AE_ITEM_KEY, isReviewable, labItemKey } from "./review-state";
import type { AttributedDrug } from "@/lib/domain/toxicity/toxicity-filters";

/**
 * Reads the toxicity facts out of stored case report forms (JSONB data and computed values
 * as the adverse-event and labs forms write them: lib/forms/adverse-event-schema.ts,
 * lib/forms/labs/compute-labs.ts). Read defensively: a stored row is never trusted to have
 * today's shape.
 */
export interface AdverseEventFacts {
  term: string;
  soc: string | null;
  grade: number | null;
  serious: boolean;
  onsetDate: string;
  attribution: Record<AttributedDrug, string | null>;
  saeReportDueAt: string | null;
  saeReportedAt: string | null;
  summary: string;
}

export interface LabToxicityFacts {
  test: string;
  term: string;
  grade: number;
  sampleDate: string;
}

/** One thing the review queue tracks inside a record. */
export interface ReviewItemFacts {
  itemKey: string;
  label: string;
  grade: number;
  serious: boolean;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const grade = (value: unknown): number | null =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 5 ? value : null;

export function readAdverseEvent(data: unknown, computed: unknown): AdverseEventFacts | null {
  const d = obj(data);
  const c = obj(computed);
  const term = str(d.term);
  const onsetDate = str(d.onsetDate);
  if (!term || !onsetDate) return null;
  const attribution = obj(d.attribution);
  return {
    term,
    soc: str(c.soc),
    grade: grade(d.grade),
    serious: c.serious === true || d.serious === "yes",
    onsetDate,
    attribution: { thalidomide: str(attribution.thalidomide), uft: str(attribution.uft) },
    saeReportDueAt: str(c.saeReportDueAt),
    saeReportedAt: str(c.saeReportedAt),
    summary: str(c.summary) ?? term,
  };
}

/** The results of grade 3 or more that the labs form's compute listed (computed.grade3Plus). */
export function readLabToxicities(data: unknown, computed: unknown): LabToxicityFacts[] {
  const sampleDate = str(obj(data).sampleDate);
  const list = obj(computed).grade3Plus;
  if (!sampleDate || !Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const result = obj(entry);
    const test = str(result.test);
    const term = str(result.term);
    const resultGrade = grade(result.grade);
    return test && term && resultGrade !== null && resultGrade >= 3
      ? [{ test, term, grade: resultGrade, sampleDate }]
      : [];
  });
}

/** The review items of one record: the event itself when reviewable, or each grade 3+ lab result. */
export function readReviewItems(formType: string, data: unknown, computed: unknown): ReviewItemFacts[] {
  if (formType === "adverse-event") {
    const event = readAdverseEvent(data, computed);
    if (!event || event.grade === null || !isReviewable(event)) return [];
    return [{ itemKey: AE_ITEM_KEY, label: event.summary, grade: event.grade, serious: event.serious }];
  }
  if (formType === "labs") {
    return readLabToxicities(data, computed).map((lab) => ({
      itemKey: labItemKey(lab.test),
      label: `${lab.term}, grade ${lab.grade} (lab ${lab.sampleDate})`,
      grade: lab.grade,
      serious: false,
    }));
  }
  if (formType === "pregnancy-test") {
    const test = data as { result?: unknown; testDate?: unknown } | null;
    return test?.result === "positive"
      ? [{ itemKey: PREGNANCY_ITEM_KEY, label: pregnancyLabel(String(test.testDate ?? "")), grade: 0, serious: true }]
      : [];
  }
  return [];
}

/** The one review item of a positive pregnancy test (no CTCAE grade: recorded as grade 0, serious). */
export const PREGNANCY_ITEM_KEY = "pregnancy";
export const pregnancyLabel = (testDate: string) => `Pregnancy: positive test on ${testDate}`;
