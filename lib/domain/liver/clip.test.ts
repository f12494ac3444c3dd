import { describe, expect, it } from "vitest";
import { computeClipScore, type ClipInput } from "./clip";

const best: ClipInput = {
  childPughClass: "A",
  tumourMorphology: "uninodular",
  tumourExtentOver50Pct: false,
  afpNgPerMl: 10,
  portalVeinThrombosis: false,
};

describe("computeClipScore", () => {
  it("scores 0 for Child-Pugh A, uninodular <=50%, AFP <400, no PVT", () => {
    expect(computeClipScore(best)).toEqual({
      score: 0,
      points: { childPugh: 0, tumour: 0, afp: 0, portalVeinThrombosis: 0 },
    });
  });

  it("scores 6 for the worst category of every item", () => {
    expect(
      computeClipScore({
        childPughClass: "C",
        tumourMorphology: "massive",
        tumourExtentOver50Pct: true,
        afpNgPerMl: 5000,
        portalVeinThrombosis: true,
      }).score,
    ).toBe(6);
  });

  it.each([
    ["A", 0],
    ["B", 1],
    ["C", 2],
  ] as const)("Child-Pugh %s -> %i", (childPughClass, points) => {
    expect(computeClipScore({ ...best, childPughClass }).points.childPugh).toBe(points);
  });

  it.each([
    ["uninodular", false, 0],
    ["multinodular", false, 1],
    ["massive", false, 2],
    ["uninodular", true, 2],
    ["multinodular", true, 2],
  ] as const)("morphology %s, extent >50%% %s -> %i", (tumourMorphology, tumourExtentOver50Pct, points) => {
    expect(computeClipScore({ ...best, tumourMorphology, tumourExtentOver50Pct }).points.tumour).toBe(points);
  });

  it.each([
    [399.9, 0],
    [400, 1],
  ])("AFP %d ng/mL -> %i", (afpNgPerMl, points) => {
    expect(computeClipScore({ ...best, afpNgPerMl }).points.afp).toBe(points);
  });

  it("adds 1 for portal vein thrombosis", () => {
    expect(computeClipScore({ ...best, portalVeinThrombosis: true })).toMatchObject({
      score: 1,
      points: { portalVeinThrombosis: 1 },
    });
  });

  it("reaches CLIP 4 (as in 16/43 trial patients) with B, multinodular, AFP >=400, PVT", () => {
    expect(
      computeClipScore({
        childPughClass: "B",
        tumourMorphology: "multinodular",
        tumourExtentOver50Pct: false,
        afpNgPerMl: 400,
        portalVeinThrombosis: true,
      }).score,
    ).toBe(4);
  });

  it("rejects invalid input naming the field", () => {
    expect(() => computeClipScore({ ...best, afpNgPerMl: -1 })).toThrow(
      expect.objectContaining({ field: "afpNgPerMl" }),
    );
    expect(() => computeClipScore({ ...best, childPughClass: "D" as never })).toThrow(
      expect.objectContaining({ field: "childPughClass" }),
    );
    expect(() => computeClipScore({ ...best, tumourMorphology: "diffuse" as never })).toThrow(
      expect.objectContaining({ field: "tumourMorphology" }),
    );
  });
});
