import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { assessTimepoint } from "./assess-timepoint";
import type { BaselineTargetLesion, LesionMeasurement } from "./lesion-sums";

const liver: BaselineTargetLesion = { lesionId: "T1", isLymphNode: false, longestDiameterMm: 60 };
const lung: BaselineTargetLesion = { lesionId: "T2", isLymphNode: false, longestDiameterMm: 40 };
const node: BaselineTargetLesion = { lesionId: "N1", isLymphNode: true, longestDiameterMm: 30, shortAxisMm: 20 };
const m = (lesionId: string, diameterMm: number): LesionMeasurement => ({ lesionId, status: "measured", diameterMm });

describe("assessTimepoint", () => {
  it("RECIST 1.0 sums longest diameters; 1.1 uses the node short axis", () => {
    const current = {
      measurements: [m("T1", 60), m("T2", 40), m("N1", 20)],
      nonTargetResponse: "ABSENT" as const,
      newLesions: false,
    };
    expect(
      assessTimepoint({ version: "1.0", baseline: [liver, lung, node], priorAssessments: [], current }).baselineSumMm,
    ).toBe(130);
    expect(
      assessTimepoint({ version: "1.1", baseline: [liver, lung, node], priorAssessments: [], current }).baselineSumMm,
    ).toBe(120);
  });

  it("computes nadir from baseline and complete prior assessments, and PD from the nadir", () => {
    const r = assessTimepoint({
      version: "1.0",
      baseline: [liver, lung],
      priorAssessments: [{ measurements: [m("T1", 40), m("T2", 20)] }, { measurements: [m("T1", 45), m("T2", 25)] }],
      current: { measurements: [m("T1", 50), m("T2", 22)], nonTargetResponse: "NON_CR_NON_PD", newLesions: false },
    });
    expect(r).toMatchObject({
      baselineSumMm: 100,
      nadirSumMm: 60,
      currentSumMm: 72,
      pctFromBaseline: -28,
      pctFromNadir: 20,
      targetResponse: "PD",
      response: "PD",
    });
  });

  it("ignores incomplete prior assessments for the nadir (their partial sums understate disease)", () => {
    const r = assessTimepoint({
      version: "1.0",
      baseline: [liver, lung],
      priorAssessments: [{ measurements: [m("T1", 30), { lesionId: "T2", status: "not-assessed" }] }],
      current: { measurements: [m("T1", 50), m("T2", 35)], nonTargetResponse: "ABSENT", newLesions: false },
    });
    expect(r.nadirSumMm).toBe(100);
    expect(r.targetResponse).toBe("SD");
  });

  it("a missing target lesion makes the timepoint NE, unless the others already show PD", () => {
    const base = { version: "1.1" as const, baseline: [liver, lung], priorAssessments: [] };
    const ne = assessTimepoint({
      ...base,
      current: { measurements: [m("T1", 50)], nonTargetResponse: "NON_CR_NON_PD", newLesions: false },
    });
    expect(ne).toMatchObject({ targetResponse: "NE", response: "NE", notAssessedLesionIds: ["T2"] });
    const pd = assessTimepoint({
      ...base,
      current: {
        measurements: [m("T1", 125), { lesionId: "T2", status: "not-assessed" }],
        nonTargetResponse: "NE",
        newLesions: false,
      },
    });
    expect(pd).toMatchObject({ targetResponse: "PD", response: "PD" });
  });

  it("too small to measure counts 5 mm (not a CR); disappeared counts 0 mm", () => {
    const run = (status: "too-small" | "disappeared") =>
      assessTimepoint({
        version: "1.0",
        baseline: [liver, lung],
        priorAssessments: [],
        current: {
          measurements: [
            { lesionId: "T1", status: "disappeared" },
            { lesionId: "T2", status },
          ],
          nonTargetResponse: "CR",
          newLesions: false,
        },
      });
    expect(run("too-small")).toMatchObject({ currentSumMm: 5, targetResponse: "PR", response: "PR" });
    expect(run("disappeared")).toMatchObject({ currentSumMm: 0, targetResponse: "CR", response: "CR" });
  });

  it("RECIST 1.1 CR when non-nodal targets are gone and nodes are < 10 mm short axis, though the sum is not 0", () => {
    const current = (nodeMm: number) => ({
      measurements: [{ lesionId: "T1", status: "disappeared" as const }, m("N1", nodeMm)],
      nonTargetResponse: "ABSENT" as const,
      newLesions: false,
    });
    expect(
      assessTimepoint({ version: "1.1", baseline: [liver, node], priorAssessments: [], current: current(9.9) }),
    ).toMatchObject({ currentSumMm: 9.9, response: "CR" });
    expect(
      assessTimepoint({ version: "1.1", baseline: [liver, node], priorAssessments: [], current: current(10) }).response,
    ).toBe("PR");
  });

  it("a reappearing lesion after all targets disappeared is PD (nadir 0)", () => {
    const r = assessTimepoint({
      version: "1.0",
      baseline: [liver],
      priorAssessments: [{ measurements: [{ lesionId: "T1", status: "disappeared" }] }],
      current: {
        measurements: [{ lesionId: "T1", status: "too-small" }],
        nonTargetResponse: "ABSENT",
        newLesions: false,
      },
    });
    expect(r).toMatchObject({ nadirSumMm: 0, pctFromNadir: null, response: "PD" });
  });

  it("new lesions or non-target PD make the timepoint PD while the targets respond", () => {
    const current = {
      measurements: [m("T1", 30), m("T2", 20)],
      nonTargetResponse: "NON_CR_NON_PD" as const,
      newLesions: true,
    };
    expect(assessTimepoint({ version: "1.0", baseline: [liver, lung], priorAssessments: [], current })).toMatchObject({
      targetResponse: "PR",
      response: "PD",
    });
  });

  it("rejects readings of unknown or duplicated lesions and a 1.1 node without short axis", () => {
    const cur = (measurements: LesionMeasurement[]) => ({
      measurements,
      nonTargetResponse: "ABSENT" as const,
      newLesions: false,
    });
    expect(() =>
      assessTimepoint({ version: "1.0", baseline: [liver], priorAssessments: [], current: cur([m("X9", 5)]) }),
    ).toThrow(CalcInputError);
    expect(() =>
      assessTimepoint({
        version: "1.0",
        baseline: [liver],
        priorAssessments: [],
        current: cur([m("T1", 5), m("T1", 6)]),
      }),
    ).toThrow(/twice/);
    const bareNode: BaselineTargetLesion = { lesionId: "N2", isLymphNode: true, longestDiameterMm: 30 };
    expect(() =>
      assessTimepoint({ version: "1.1", baseline: [bareNode], priorAssessments: [], current: cur([]) }),
    ).toThrow(/short axis/);
    expect(() => assessTimepoint({ version: "1.0", baseline: [], priorAssessments: [], current: cur([]) })).toThrow(
      /at least one/,
    );
  });
});
