import { describe, expect, test } from "vitest";
import { neutralizeFormula, toCsvCell } from "./csv-cell";

describe("the CSV formula injection guard", () => {
  test.each(["=1+1", "+41", "-2+3", "@SUM(A1)", "\tcmd", "\r=x", '=HYPERLINK("http://x")'])(
    "prefixes %j with an apostrophe",
    (text) => {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    },
  );

  test.each(["Fatigue", "TW01-001", "", "1=1", "a-b", " =x"])("leaves %j as it is", (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("toCsvCell", () => {
  test("writes numbers as numbers, negative ones unguarded", () => {
    expect(toCsvCell(-3.5)).toBe("-3.5");
    expect(toCsvCell(0)).toBe("0");
    expect(toCsvCell(Number.NaN)).toBe("");
  });

  test("writes empty cells for missing values and true/false for booleans", () => {
    expect([toCsvCell(null), toCsvCell(undefined), toCsvCell(true), toCsvCell(false)]).toEqual([
      "",
      "",
      "true",
      "false",
    ]);
  });

  test("joins lists of plain values and writes lists of objects as JSON, both guarded", () => {
    expect(toCsvCell(["lung", "bone"])).toBe("lung; bone");
    expect(toCsvCell(["=cmd", "bone"])).toBe("'=cmd; bone");
    expect(toCsvCell([{ test: "ast", grade: 3 }])).toBe('[{"test":"ast","grade":3}]');
  });
});
