import { AE_GRADES, type AeGrade, type AeTerm, type AeTermDefinition } from "./ae-term-types";
import { AE_TERM_SYNONYMS } from "./ae-term-synonyms";
import { cardiacVascularTerms } from "./terms/cardiac-vascular";
import { gastrointestinalTerms } from "./terms/gastrointestinal";
import { generalTerms } from "./terms/general";
import { hepatobiliaryInfectionsTerms } from "./terms/hepatobiliary-infections";
import { investigationsBloodTerms } from "./terms/investigations-blood";
import { metabolismTerms } from "./terms/metabolism";
import { nervousPsychiatricTerms } from "./terms/nervous-psychiatric";
import { otherSocsTerms } from "./terms/other-socs";
import { respiratoryTerms } from "./terms/respiratory";
import { skinTerms } from "./terms/skin";

// CTCAE lists SOCs alphabetically; the AE form shows them in the same order.
const DEFINITIONS: readonly AeTermDefinition[] = [
  ...investigationsBloodTerms,
  ...cardiacVascularTerms,
  ...gastrointestinalTerms,
  ...generalTerms,
  ...hepatobiliaryInfectionsTerms,
  ...metabolismTerms,
  ...nervousPsychiatricTerms,
  ...otherSocsTerms,
  ...respiratoryTerms,
  ...skinTerms,
].sort((a, b) => a.soc.localeCompare(b.soc) || compareWithinSoc(a.term, b.term));

// CTCAE prints each SOC's "Other, specify" term last.
function compareWithinSoc(a: string, b: string): number {
  const aOther = a.endsWith("Other, specify");
  const bOther = b.endsWith("Other, specify");
  if (aOther !== bOther) return aOther ? 1 : -1;
  return a.localeCompare(b);
}

function toAeTerm(definition: AeTermDefinition): AeTerm {
  const grades = AE_GRADES.filter((grade) => definition.grades[grade] !== undefined);
  return Object.freeze({
    term: definition.term,
    soc: definition.soc,
    ...(definition.meddraCode === undefined ? {} : { meddraCode: definition.meddraCode }),
    grades: Object.freeze(grades),
  });
}

const TERMS: readonly AeTerm[] = Object.freeze(DEFINITIONS.map(toAeTerm));
const DEFINITION_BY_KEY = new Map(DEFINITIONS.map((d) => [d.term.toLowerCase(), d]));
const TERM_BY_KEY = new Map(TERMS.map((t) => [t.term.toLowerCase(), t]));

/** Every CTCAE v5.0 term the AE form offers for this trial, by SOC then term (CTCAE order). */
export function listAeTerms(): readonly AeTerm[] {
  return TERMS;
}

/** The term record for an exact CTCAE term name (case-insensitive), or null when not offered. */
export function getAeTerm(term: string): AeTerm | null {
  return TERM_BY_KEY.get(term.trim().toLowerCase()) ?? null;
}

/** Grades CTCAE v5.0 defines for the term, ascending; null when the term is not offered. */
export function getAllowedGrades(term: string): readonly AeGrade[] | null {
  return getAeTerm(term)?.grades ?? null;
}

/** True when the term is offered and CTCAE v5.0 defines this grade for it (no dash). */
export function isGradeAllowed(term: string, grade: number): boolean {
  const grades = getAllowedGrades(term);
  return grades !== null && grades.some((g) => g === grade);
}

/** CTCAE v5.0 criteria text for the term and grade; null when the term or grade does not exist. */
export function gradeDescription(term: string, grade: number): string | null {
  const definition = DEFINITION_BY_KEY.get(term.trim().toLowerCase());
  if (definition === undefined || !isAeGrade(grade)) return null;
  return definition.grades[grade] ?? null;
}

function isAeGrade(grade: number): grade is AeGrade {
  return AE_GRADES.some((g) => g === grade);
}

// Ranks, best first: the whole term starts with the query; every query word starts a word of
// the term; every query word occurs inside the term; the query matched a synonym only.
const RANK_TERM_PREFIX = 0;
const RANK_WORD_PREFIX = 1;
const RANK_SUBSTRING = 2;
const RANK_SYNONYM = 3;

/**
 * Terms matching a free-text query, case-insensitive: every word of the query must occur
 * somewhere in the term (or in one of its search synonyms, e.g. "thrombocytopenia").
 * Prefix matches rank first; ties are alphabetical. An empty query returns every term.
 */
export function searchAeTerms(query: string): readonly AeTerm[] {
  const normalizedQuery = normalizeText(query);
  if (normalizedQuery === "") return TERMS;
  const queryWords = normalizedQuery.split(" ");
  const ranked: { term: AeTerm; rank: number }[] = [];
  for (const term of TERMS) {
    const rank = rankTerm(term, normalizedQuery, queryWords);
    if (rank !== null) ranked.push({ term, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.term.term.localeCompare(b.term.term));
  return ranked.map((r) => r.term);
}

function rankTerm(term: AeTerm, query: string, queryWords: readonly string[]): number | null {
  const text = normalizeText(term.term);
  if (text.startsWith(query)) return RANK_TERM_PREFIX;
  const words = text.split(/[^a-z0-9]+/).filter((w) => w !== "");
  if (queryWords.every((q) => words.some((w) => w.startsWith(q)))) return RANK_WORD_PREFIX;
  if (queryWords.every((q) => text.includes(q))) return RANK_SUBSTRING;
  const synonyms = (AE_TERM_SYNONYMS[term.term] ?? []).map(normalizeText);
  if (synonyms.some((s) => queryWords.every((q) => s.includes(q)))) return RANK_SYNONYM;
  return null;
}

function normalizeText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}
