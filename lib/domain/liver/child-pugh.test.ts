import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import {
  classifyChildPughScore,
  computeChildPugh,
  convertAlbuminGPerLToGPerDl,
  convertBilirubinUmolPerLToMgPerDl,
  type ChildPughInput,
} from "./child-pugh";

const normal: ChildPughInput = {
  bilirubinMgPerDl: 1,
  albuminGPerDl: 4,
  inr: 1,
  ascites: "none",
  encephalopathy: "none",
};

describe("computeChildPugh cut-offs", () => {
  it.each([
    [1.99, 1],
    [2, 2],
    [3, 2],
    [3.01, 3],
  ])("bilirubin %d mg/dL -> %i point(s)", (bilirubinMgPerDl, points) => {
    expect(computeChildPugh({ ...normal, bilirubinMgPerDl }).points.bilirubin).toBe(points);
  });

  it.each([
    [3.6, 1],
    [3.5, 2],
    [2.8, 2],
    [2.79, 3],
  ])("albumin %d g/dL -> %i point(s)", (albuminGPerDl, points) => {
    expect(computeChildPugh({ ...normal, albuminGPerDl }).points.albumin).toBe(points);
  });

  it.each([
    [1.69, 1],
    [1.7, 2],
    [2.3, 2],
    [2.31, 3],
  ])("INR %d -> %i point(s)", (inr, points) => {
    expect(computeChildPugh({ ...normal, inr }).points.inr).toBe(points);
  });

  it.each([
    ["none", 1],
    ["mild", 2],
    ["moderate-severe", 3],
  ] as const)("ascites %s -> %i point(s)", (ascites, points) => {
    expect(computeChildPugh({ ...normal, ascites }).points.ascites).toBe(points);
  });

  it.each([
    ["none", 1],
    ["grade-1-2", 2],
    ["grade-3-4", 3],
  ] as const)("encephalopathy %s -> %i point(s)", (encephalopathy, points) => {
    expect(computeChildPugh({ ...normal, encephalopathy }).points.encephalopathy).toBe(points);
  });
});

describe("Child-Pugh class", () => {
  it("scores 5 (A) for all-normal and 15 (C) for all-worst", () => {
    expect(computeChildPugh(normal)).toEqual({
      score: 5,
      class: "A",
      points: { bilirubin: 1, albumin: 1, inr: 1, ascites: 1, encephalopathy: 1 },
    });
    const worst = computeChildPugh({
      bilirubinMgPerDl: 5,
      albuminGPerDl: 2,
      inr: 3,
      ascites: "moderate-severe",
      encephalopathy: "grade-3-4",
    });
    expect(worst.score).toBe(15);
    expect(worst.class).toBe("C");
  });

  it.each([
    [5, "A"],
    [6, "A"],
    [7, "B"],
    [9, "B"],
    [10, "C"],
    [15, "C"],
  ] as const)("score %i -> class %s", (score, cls) => {
    expect(classifyChildPughScore(score)).toBe(cls);
  });

  it("reaches 7 (B) with two 2-point items on top of a 5-point base", () => {
    expect(computeChildPugh({ ...normal, bilirubinMgPerDl: 2, ascites: "mild" })).toMatchObject({
      score: 7,
      class: "B",
    });
  });

  it("rejects impossible scores", () => {
    expect(() => classifyChildPughScore(4)).toThrow(CalcInputError);
    expect(() => classifyChildPughScore(16)).toThrow(CalcInputError);
  });
});

describe("unit conversion and validation", () => {
  it("converts bilirubin umol/L at 17.1 per mg/dL, landing exactly on the cut-offs", () => {
    expect(convertBilirubinUmolPerLToMgPerDl(34.2)).toBe(2);
    expect(convertBilirubinUmolPerLToMgPerDl(51.3)).toBe(3);
    expect(
      computeChildPugh({ ...normal, bilirubinMgPerDl: convertBilirubinUmolPerLToMgPerDl(51.3) }).points.bilirubin,
    ).toBe(2);
    expect(
      computeChildPugh({ ...normal, bilirubinMgPerDl: convertBilirubinUmolPerLToMgPerDl(51.4) }).points.bilirubin,
    ).toBe(3);
  });

  it("converts albumin g/L to g/dL", () => {
    expect(convertAlbuminGPerLToGPerDl(35)).toBe(3.5);
    expect(convertAlbuminGPerLToGPerDl(28)).toBe(2.8);
  });

  it.each([
    ["albuminGPerDl", { ...normal, albuminGPerDl: 35 }],
    ["bilirubinMgPerDl", { ...normal, bilirubinMgPerDl: -1 }],
    ["inr", { ...normal, inr: Number.NaN }],
    ["ascites", { ...normal, ascites: "severe" as never }],
    ["encephalopathy", { ...normal, encephalopathy: "grade-2" as never }],
  ])("rejects invalid %s", (field, input) => {
    expect(() => computeChildPugh(input)).toThrow(expect.objectContaining({ field }));
  });
});
