/**
 * The filters of the toxicity review (page, JSON endpoint): what each one means, as plain
 * predicates. lib/data/toxicity.ts puts the same meaning into the database query; these
 * predicates filter what only exists after expansion (one lab record holds several graded
 * results) and pin the meaning down in unit tests.
 */
export const GRADE_FILTERS = ["1", "2", "3", "4", "5", "3+"] as const;
export type GradeFilter = (typeof GRADE_FILTERS)[number];

/** The CRF's five causality categories, plus "related" = possible, probable or definite. */
export const ATTRIBUTION_VALUES = ["unrelated", "unlikely", "possible", "probable", "definite"] as const;
export const ATTRIBUTION_FILTERS = [...ATTRIBUTION_VALUES, "related"] as const;
export type AttributionFilter = (typeof ATTRIBUTION_FILTERS)[number];
export type AttributedDrug = "thalidomide" | "uft";

export interface ToxicityFilters {
  /** Site code, e.g. TW01 (always narrowed further to the caller's own sites). */
  site?: string;
  term?: string;
  grade?: GradeFilter;
  serious?: "yes" | "no";
  thalidomide?: AttributionFilter;
  uft?: AttributionFilter;
  /** Onset (adverse events) or sample date (labs), inclusive, yyyy-mm-dd. */
  onsetFrom?: string;
  onsetTo?: string;
}

/** The grades a grade filter admits: "3+" is 3 to 5 (CTCAE v5.0 grades 1-5). */
export function gradeBounds(grade: GradeFilter | undefined): { min: number; max: number } {
  if (grade === undefined) return { min: 1, max: 5 };
  if (grade === "3+") return { min: 3, max: 5 };
  const value = Number(grade);
  return { min: value, max: value };
}

/**
 * The recorded attributions an attribution filter admits. "Related" follows the usual
 * oncology-report grouping of possible, probable and definite (WHO-UMC causality terms).
 */
export function attributionValues(filter: AttributionFilter): readonly string[] {
  return filter === "related" ? ["possible", "probable", "definite"] : [filter];
}

export interface FilterableAdverseEvent {
  siteCode: string;
  term: string;
  grade: number | null;
  serious: boolean;
  onsetDate: string;
  attribution: Record<AttributedDrug, string | null>;
}

function inDateRange(date: string, filters: ToxicityFilters): boolean {
  return (!filters.onsetFrom || date >= filters.onsetFrom) && (!filters.onsetTo || date <= filters.onsetTo);
}

function inGradeRange(grade: number | null, filter: GradeFilter | undefined): boolean {
  if (filter === undefined) return true;
  const { min, max } = gradeBounds(filter);
  return grade !== null && grade >= min && grade <= max;
}

export function matchesAdverseEventFilters(event: FilterableAdverseEvent, filters: ToxicityFilters): boolean {
  if (filters.site && event.siteCode !== filters.site) return false;
  if (filters.term && event.term !== filters.term) return false;
  if (!inGradeRange(event.grade, filters.grade)) return false;
  if (filters.serious && event.serious !== (filters.serious === "yes")) return false;
  for (const drug of ["thalidomide", "uft"] as const) {
    const filter = filters[drug];
    if (filter && !attributionValues(filter).includes(event.attribution[drug] ?? "")) return false;
  }
  return inDateRange(event.onsetDate, filters);
}

export interface FilterableLabToxicity {
  siteCode: string;
  term: string;
  grade: number;
  sampleDate: string;
}

/**
 * Lab results carry no seriousness or attribution (those belong to the adverse event an
 * investigator records for them), so only site, term, grade and date apply.
 */
export function matchesLabFilters(result: FilterableLabToxicity, filters: ToxicityFilters): boolean {
  if (filters.site && result.siteCode !== filters.site) return false;
  if (filters.term && result.term !== filters.term) return false;
  if (!inGradeRange(result.grade, filters.grade)) return false;
  return inDateRange(result.sampleDate, filters);
}

/** Whether any filter that does not apply to lab results is set (the page says so). */
export function hasAdverseEventOnlyFilters(filters: ToxicityFilters): boolean {
  return Boolean(filters.serious || filters.thalidomide || filters.uft);
}
