import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { canonicalizeUnit, listAcceptedUnits, resolveLabUnit } from "./lab-units";

describe("canonicalizeUnit", () => {
  it.each([
    ["x10^9/L", "x10^9/l"],
    ["10^9/L", "x10^9/l"],
    ["10e9/L", "x10^9/l"],
    ["10*9/L", "x10^9/l"],
    ["× 10⁹/L", "x10^9/l"],
    ["x10^3/µL", "x10^3/ul"],
    ["10³/μL", "x10^3/ul"],
    ["/mm³", "/mm3"],
    ["µmol/L", "umol/l"],
    ["IU/L", "iu/l"],
  ])("%s -> %s", (raw, canonical) => {
    expect(canonicalizeUnit(raw)).toBe(canonical);
  });
});

describe("resolveLabUnit", () => {
  it("converts cell counts to x10^9/L", () => {
    expect(resolveLabUnit("count", "x10^9/L").divisor).toBe(1);
    expect(resolveLabUnit("count", "10^9/L").divisor).toBe(1);
    expect(resolveLabUnit("count", "x10^3/uL").divisor).toBe(1);
    expect(resolveLabUnit("count", "/mm3").divisor).toBe(1000);
    expect(resolveLabUnit("count", "cells/uL").divisor).toBe(1000);
  });

  it("uses the published conversion factors", () => {
    expect(resolveLabUnit("hemoglobin", "g/L").divisor).toBe(10);
    expect(resolveLabUnit("hemoglobin", "mmol/L").divisor).toBe(0.6206);
    expect(resolveLabUnit("bilirubin", "umol/L").divisor).toBe(17.1);
    expect(resolveLabUnit("creatinine", "µmol/L").divisor).toBe(88.4);
    expect(resolveLabUnit("albumin", "g/L").divisor).toBe(10);
    expect(resolveLabUnit("enzyme", "IU/L").divisor).toBe(1);
  });

  it("rejects a unit of the wrong family with the field name", () => {
    expect(() => resolveLabUnit("bilirubin", "g/L")).toThrow(CalcInputError);
    try {
      resolveLabUnit("count", "mg/dL");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalcInputError);
      expect((error as CalcInputError).field).toBe("unit");
      expect((error as CalcInputError).message).toContain("x10^9/L");
    }
  });

  it("lists each accepted unit once", () => {
    expect(listAcceptedUnits("enzyme")).toEqual(["U/L"]);
    expect(listAcceptedUnits("hemoglobin")).toEqual(["g/dL", "g/L", "mmol/L"]);
  });
});
