import { describe, expect, test } from "vitest";
import { displayValue, escapeHtml, labelKeyOf } from "./print-html";

describe("print helpers", () => {
  test("clinical free text cannot inject markup into a printed document", () => {
    expect(escapeHtml(`<img src=x onerror="a()">&'`)).toBe("&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;");
  });
  test("values read as a reader expects", () => {
    expect([
      displayValue(null),
      displayValue(""),
      displayValue(true),
      displayValue(false),
      displayValue(["lung", "bone"]),
      displayValue(0),
    ]).toEqual(["–", "–", "Yes", "No", "lung; bone", "0"]);
  });
  test("list rows share one label key", () => {
    expect(labelKeyOf("lesions.12.diameterMm")).toBe("lesions.*.diameterMm");
    expect(labelKeyOf("sites.0")).toBe("sites.*");
    expect(labelKeyOf("results.ast.value")).toBe("results.ast.value");
  });
});
