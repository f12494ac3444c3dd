import { describe, expect, it } from "vitest";
import { minimumMeasurableMm, validateTargetLesions, type TargetLesionCandidate } from "./lesion-selection";

const lesion = (
  lesionId: string,
  organ: string,
  longestDiameterMm: number,
  extra: Partial<TargetLesionCandidate> = {},
): TargetLesionCandidate => ({
  lesionId,
  organ,
  isLymphNode: false,
  longestDiameterMm,
  technique: "spiral-ct",
  ...extra,
});
const codes = (problems: ReturnType<typeof validateTargetLesions>) => problems.map((p) => p.code);

describe("validateTargetLesions: measurability", () => {
  it("RECIST 1.0: spiral CT >= 10 mm, conventional techniques >= 20 mm", () => {
    expect(validateTargetLesions("1.0", [lesion("L1", "liver", 10)])).toEqual([]);
    expect(codes(validateTargetLesions("1.0", [lesion("L1", "liver", 9.9)]))).toEqual(["NOT_MEASURABLE"]);
    expect(validateTargetLesions("1.0", [lesion("L1", "liver", 20, { technique: "ct" })])).toEqual([]);
    const problems = validateTargetLesions("1.0", [lesion("L2", "lung", 19.9, { technique: "mri" })]);
    expect(problems).toEqual([expect.objectContaining({ code: "NOT_MEASURABLE", lesionIds: ["L2"] })]);
  });
  it("RECIST 1.0: spiral CT reconstructed thicker than 5 mm loses the 10 mm allowance", () => {
    expect(minimumMeasurableMm("1.0", "spiral-ct", 5)).toBe(10);
    expect(minimumMeasurableMm("1.0", "spiral-ct", 7)).toBe(20);
  });
  it("RECIST 1.1: CT >= 10 mm (slice <= 5 mm), twice the slice when thicker; chest X-ray 20; caliper 10", () => {
    expect(minimumMeasurableMm("1.1", "ct", 5)).toBe(10);
    expect(minimumMeasurableMm("1.1", "ct", 8)).toBe(16);
    expect(minimumMeasurableMm("1.1", "chest-xray")).toBe(20);
    expect(minimumMeasurableMm("1.1", "caliper")).toBe(10);
    expect(validateTargetLesions("1.1", [lesion("L1", "liver", 10, { technique: "ct" })])).toEqual([]);
    expect(
      codes(validateTargetLesions("1.1", [lesion("L1", "liver", 15, { technique: "ct", sliceThicknessMm: 8 })])),
    ).toEqual(["NOT_MEASURABLE"]);
  });
  it("RECIST 1.1 lymph nodes by short axis: >= 15 target, 10 to < 15 non-target, < 10 normal", () => {
    const node = (id: string, shortAxisMm?: number) =>
      lesion(id, "mediastinum", 30, { isLymphNode: true, ...(shortAxisMm === undefined ? {} : { shortAxisMm }) });
    expect(validateTargetLesions("1.1", [node("N1", 15)])).toEqual([]);
    expect(codes(validateTargetLesions("1.1", [node("N1", 14.9)]))).toEqual(["NODE_NON_TARGET_PATHOLOGICAL"]);
    expect(codes(validateTargetLesions("1.1", [node("N1", 10)]))).toEqual(["NODE_NON_TARGET_PATHOLOGICAL"]);
    expect(codes(validateTargetLesions("1.1", [node("N1", 9.9)]))).toEqual(["NODE_NORMAL"]);
    expect(codes(validateTargetLesions("1.1", [node("N1")]))).toEqual(["NODE_SHORT_AXIS_MISSING"]);
    // RECIST 1.0 has no nodal rule: a node is measured by its longest diameter like any lesion.
    expect(validateTargetLesions("1.0", [node("N1", 9)])).toEqual([]);
  });
  it("flags invalid measurements and duplicate ids", () => {
    expect(codes(validateTargetLesions("1.1", [lesion("L1", "liver", 0)]))).toEqual(["INVALID_MEASUREMENT"]);
    expect(codes(validateTargetLesions("1.1", [lesion("L1", "liver", 20, { shortAxisMm: 25 })]))).toEqual([
      "INVALID_MEASUREMENT",
    ]);
    const dup = validateTargetLesions("1.0", [lesion("L1", "liver", 30), lesion("L1", "lung", 30)]);
    expect(dup).toEqual([expect.objectContaining({ code: "DUPLICATE_LESION_ID", lesionIds: ["L1"] })]);
  });
  it("requires at least one target lesion", () => {
    expect(codes(validateTargetLesions("1.0", []))).toEqual(["NO_TARGET_LESIONS"]);
  });
});

describe("validateTargetLesions: counts", () => {
  const many = (n: number, organ: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => lesion(`L${i + 1}`, organ(i), 30));
  it("RECIST 1.0: 5 per organ and 10 in total are allowed, 6 and 11 are not", () => {
    expect(
      validateTargetLesions(
        "1.0",
        many(5, () => "liver"),
      ),
    ).toEqual([]);
    const six = validateTargetLesions(
      "1.0",
      many(6, () => "Liver "),
    );
    expect(six).toEqual([
      expect.objectContaining({ code: "TOO_MANY_IN_ORGAN", lesionIds: ["L1", "L2", "L3", "L4", "L5", "L6"] }),
    ]);
    expect(
      validateTargetLesions(
        "1.0",
        many(10, (i) => (i < 5 ? "liver" : "lung")),
      ),
    ).toEqual([]);
    expect(
      codes(
        validateTargetLesions(
          "1.0",
          many(11, (i) => `organ${i % 3}`),
        ),
      ),
    ).toEqual(["TOO_MANY_TOTAL"]);
  });
  it("RECIST 1.1: 2 per organ and 5 in total", () => {
    expect(
      validateTargetLesions(
        "1.1",
        many(2, () => "liver"),
      ),
    ).toEqual([]);
    expect(
      codes(
        validateTargetLesions(
          "1.1",
          many(3, () => "liver"),
        ),
      ),
    ).toEqual(["TOO_MANY_IN_ORGAN"]);
    expect(
      validateTargetLesions(
        "1.1",
        many(5, (i) => `organ${i}`),
      ),
    ).toEqual([]);
    expect(
      codes(
        validateTargetLesions(
          "1.1",
          many(6, (i) => `organ${i}`),
        ),
      ),
    ).toEqual(["TOO_MANY_TOTAL"]);
  });
  it("RECIST 1.1 counts lymph nodes in different regions as one organ", () => {
    const nodes = ["neck", "axilla", "mediastinum"].map((organ, i) =>
      lesion(`N${i}`, organ, 30, { isLymphNode: true, shortAxisMm: 20 }),
    );
    expect(validateTargetLesions("1.1", nodes)).toEqual([
      expect.objectContaining({ code: "TOO_MANY_IN_ORGAN", lesionIds: ["N0", "N1", "N2"] }),
    ]);
  });
  it("returns every problem at once", () => {
    const problems = validateTargetLesions("1.1", [
      ...many(6, () => "liver"),
      lesion("S1", "skin", 5, { technique: "caliper" }),
    ]);
    expect(codes(problems).sort()).toEqual(["NOT_MEASURABLE", "TOO_MANY_IN_ORGAN", "TOO_MANY_TOTAL"]);
  });
});
