import { describe, expect, test } from "vitest";
import { FORM_DEPENDENCIES, listDependentFormTypes, movesFirstDate, recordDateOf } from "./form-dependencies";
import { listFormDefinitions } from "./registry";

describe("listDependentFormTypes", () => {
  test("a change to the tumour baseline reaches the assessments, then the end-of-study endpoints that read their responses", () => {
    expect(listDependentFormTypes("tumour-baseline")).toEqual(["tumour-assessment", "end-of-study"]);
  });

  test("forms that read their own earlier records recompute their own type", () => {
    // Labs read the first dose date: the pre-treatment baseline ends there.
    expect(listDependentFormTypes("dosing")).toEqual(["dosing", "labs"]);
    expect(listDependentFormTypes("labs")).toEqual(["labs"]);
    expect(listDependentFormTypes("tumour-assessment")).toEqual(["tumour-assessment", "end-of-study"]);
  });

  test("forms nothing reads trigger nothing", () => {
    expect(listDependentFormTypes("adverse-event")).toEqual([]);
    expect(listDependentFormTypes("end-of-study")).toEqual([]);
  });

  test("dependencies come before dependents whatever the declaration order", () => {
    const table = {
      c: { dependsOn: ["b"], dateField: null },
      b: { dependsOn: ["a"], dateField: null },
      d: { dependsOn: ["a", "c"], dateField: null },
    };
    expect(listDependentFormTypes("a", table)).toEqual(["b", "c", "d"]);
  });
});

describe("movesFirstDate", () => {
  test("a record dated after another of its type cannot move the first date", () => {
    expect(movesFirstDate(["2026-02-09"], ["2026-01-12"])).toBe(false);
    expect(movesFirstDate(["2026-02-09", "2026-03-01"], ["2026-02-09"])).toBe(false);
  });
  test("a record dated before every other, the only one, or undated may move it", () => {
    expect(movesFirstDate(["2026-01-10"], ["2026-01-12"])).toBe(true);
    // An edit that moves the first record later than another one.
    expect(movesFirstDate(["2026-03-01", "2026-01-10"], ["2026-01-12"])).toBe(true);
    expect(movesFirstDate(["2026-01-10"], [])).toBe(true);
    expect(movesFirstDate([""], ["2026-01-12"])).toBe(true);
  });
});

describe("the dependency table", () => {
  test("names only registered forms, and each dated form's date field is one of its labelled fields", () => {
    const forms = new Map(listFormDefinitions().map((f) => [f.type, f]));
    for (const [type, { dependsOn, dateField }] of Object.entries(FORM_DEPENDENCIES)) {
      expect(forms.get(type)?.compute, type).toBeTypeOf("function");
      for (const dependency of dependsOn) expect(forms.has(dependency), dependency).toBe(true);
      if (dateField) expect(Object.keys(forms.get(type)!.labels), type).toContain(dateField);
    }
  });

  test("recordDateOf reads the declared date field and is empty otherwise", () => {
    expect(recordDateOf("dosing", { visitDate: "2026-02-09" })).toBe("2026-02-09");
    expect(recordDateOf("end-of-study", { offStudyDate: "2026-02-09" })).toBe("");
    expect(recordDateOf("dosing", null)).toBe("");
  });
});
