import { describe, expect, test } from "vitest";
import {
  attributionValues,
  gradeBounds,
  matchesAdverseEventFilters,
  matchesLabFilters,
  type FilterableAdverseEvent,
} from "./toxicity-filters";

const event: FilterableAdverseEvent = {
  siteCode: "TW01",
  term: "Platelet count decreased",
  grade: 3,
  serious: true,
  onsetDate: "2026-02-03",
  attribution: { thalidomide: "possible", uft: "unlikely" },
};

describe("toxicity filters", () => {
  test("grade 3 or more admits 3, 4 and 5", () => {
    expect(gradeBounds("3+")).toEqual({ min: 3, max: 5 });
    expect(gradeBounds("2")).toEqual({ min: 2, max: 2 });
    expect(gradeBounds(undefined)).toEqual({ min: 1, max: 5 });
    expect(matchesAdverseEventFilters({ ...event, grade: 4 }, { grade: "3+" })).toBe(true);
    expect(matchesAdverseEventFilters({ ...event, grade: 2 }, { grade: "3+" })).toBe(false);
    expect(matchesAdverseEventFilters({ ...event, grade: 4 }, { grade: "3" })).toBe(false);
  });

  test("attribution is per drug; related = possible, probable or definite", () => {
    expect(attributionValues("related")).toEqual(["possible", "probable", "definite"]);
    expect(matchesAdverseEventFilters(event, { thalidomide: "related" })).toBe(true);
    expect(matchesAdverseEventFilters(event, { uft: "related" })).toBe(false);
    expect(matchesAdverseEventFilters(event, { uft: "unlikely", thalidomide: "possible" })).toBe(true);
    expect(matchesAdverseEventFilters(event, { thalidomide: "definite" })).toBe(false);
  });

  test("site, term, seriousness and an inclusive onset range all have to match", () => {
    expect(matchesAdverseEventFilters(event, { site: "TW02" })).toBe(false);
    expect(matchesAdverseEventFilters(event, { term: "Fatigue" })).toBe(false);
    expect(matchesAdverseEventFilters(event, { serious: "no" })).toBe(false);
    expect(matchesAdverseEventFilters(event, { serious: "yes", onsetFrom: "2026-02-03", onsetTo: "2026-02-03" })).toBe(
      true,
    );
    expect(matchesAdverseEventFilters(event, { onsetFrom: "2026-02-04" })).toBe(false);
    expect(matchesAdverseEventFilters(event, { onsetTo: "2026-02-02" })).toBe(false);
  });

  test("lab results are filtered by site, term, grade and sample date only", () => {
    const lab = { siteCode: "TW01", term: "Neutrophil count decreased", grade: 4, sampleDate: "2026-03-01" };
    expect(matchesLabFilters(lab, { grade: "3+", onsetFrom: "2026-03-01", site: "TW01" })).toBe(true);
    expect(matchesLabFilters(lab, { grade: "3" })).toBe(false);
    expect(matchesLabFilters(lab, { onsetTo: "2026-02-28" })).toBe(false);
  });
});
