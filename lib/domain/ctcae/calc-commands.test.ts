import { describe, expect, it } from "vitest";
import { calcInputIssues, runCalc } from "@/test/fixtures/calc-commands";
import { CalcInputError } from "../calc-command";
import { ctcaeCalcCommands } from "./calc-commands";

const runCommand = (name: string, raw: unknown) => runCalc(ctcaeCalcCommands, name, raw);
const parseError = (name: string, raw: unknown) =>
  calcInputIssues(ctcaeCalcCommands, name, raw).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("ctcae-lab", () => {
  it("grades a lab value", () => {
    expect(runCommand("ctcae-lab", { test: "platelets", value: 45, unit: "x10^9/L", lln: 150 })).toEqual({
      grade: 3,
      term: "Platelet count decreased",
      basis: "<50.0 - 25.0 x10^9/L",
      normalizedValue: 45,
      normalizedUnit: "x10^9/L",
    });
    expect(runCommand("ctcae-lab", { test: "ast", value: 120, unit: "U/L", uln: 40 })).toMatchObject({
      grade: 1,
      term: "Aspartate aminotransferase increased",
    });
  });

  it("rejects unknown fields, unknown tests and non-numbers", () => {
    expect(parseError("ctcae-lab", { test: "ast", value: 50, unit: "U/L", uln: 40, ULN: 40 })).toHaveLength(1);
    expect(parseError("ctcae-lab", { test: "ldh", value: 50, unit: "U/L" })[0]).toMatch(/^test: test must be one of/);
    expect(parseError("ctcae-lab", { test: "ast", value: "50", unit: "U/L" })[0]).toBe("value: value must be a number");
    expect(parseError("ctcae-lab", { test: "ast", value: -1, unit: "U/L" })[0]).toBe("value: value must be >= 0");
  });

  it("reports a clinically missing limit as CalcInputError with the field", () => {
    expect(() => runCommand("ctcae-lab", { test: "ast", value: 50, unit: "U/L" })).toThrow(
      expect.objectContaining({ name: "CalcInputError", field: "uln" }),
    );
    expect(() => runCommand("ctcae-lab", { test: "wbc", value: 5, unit: "mg/dL", lln: 4 })).toThrow(CalcInputError);
  });
});

describe("ctcae-terms", () => {
  it("searches the term list", () => {
    expect(runCommand("ctcae-terms", { query: "fatigue" })).toEqual({
      terms: [{ term: "Fatigue", soc: "General disorders and administration site conditions", grades: [1, 2, 3] }],
    });
  });

  it("lists every term without a query", () => {
    const output = runCommand("ctcae-terms", {}) as { terms: unknown[] };
    expect(output.terms.length).toBeGreaterThanOrEqual(100);
  });

  it("rejects unknown fields", () => {
    expect(parseError("ctcae-terms", { q: "fatigue" })).toHaveLength(1);
    expect(parseError("ctcae-terms", { query: 3 })[0]).toBe("query: query must be a string");
  });
});
