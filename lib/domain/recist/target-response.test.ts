import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { classifyTargetResponse, meetsTargetProgression } from "./target-response";

const v10 = (baselineSumMm: number, nadirSumMm: number, currentSumMm: number) =>
  classifyTargetResponse({ version: "1.0", baselineSumMm, nadirSumMm, currentSumMm });
const v11 = (baselineSumMm: number, nadirSumMm: number, currentSumMm: number) =>
  classifyTargetResponse({ version: "1.1", baselineSumMm, nadirSumMm, currentSumMm });

describe("classifyTargetResponse: PR boundary (>= 30% decrease from baseline)", () => {
  it("exactly 30.0% decrease is PR (100 -> 70 mm)", () => {
    expect(v10(100, 100, 70)).toMatchObject({ targetResponse: "PR", pctFromBaseline: -30 });
  });
  it("29% decrease is SD (100 -> 71 mm)", () => {
    expect(v10(100, 100, 71).targetResponse).toBe("SD");
  });
  it("is PR where raw floating point misses the cut-off (102 -> 71.4 mm)", () => {
    // Guard: the naive computation really does land above -30.
    expect(((71.4 - 102) / 102) * 100).toBeGreaterThan(-30);
    expect(v10(102, 102, 71.4)).toMatchObject({ targetResponse: "PR", pctFromBaseline: -30 });
    expect(v11(14, 14, 9.8).targetResponse).toBe("PR");
  });
  it("0.1 mm short of 30% stays SD (102 -> 71.5 mm)", () => {
    expect(v10(102, 102, 71.5).targetResponse).toBe("SD");
  });
  it("a PR persists while the sum rises from the nadir without reaching PD (EORTC RECIST 1.1 Q&A on SD)", () => {
    expect(v10(100, 50, 59)).toMatchObject({ targetResponse: "PR", pctFromBaseline: -41, pctFromNadir: 18 });
  });
});

describe("classifyTargetResponse: PD boundary (>= 20% increase from nadir)", () => {
  it("exactly 20.0% increase is PD (50 -> 60 mm), both versions", () => {
    expect(v10(80, 50, 60)).toMatchObject({ targetResponse: "PD", pctFromNadir: 20 });
    expect(v11(80, 50, 60)).toMatchObject({ targetResponse: "PD", absoluteChangeFromNadirMm: 10 });
  });
  it("19.8% increase is SD (50 -> 59.9 mm)", () => {
    expect(v10(80, 50, 59.9).targetResponse).toBe("SD");
  });
  it("is PD where raw floating point gives 19.999999999999996% (10.5 -> 12.6 mm, 27 -> 32.4 mm)", () => {
    expect(((12.6 - 10.5) / 10.5) * 100).toBeLessThan(20);
    expect(v10(20, 10.5, 12.6)).toMatchObject({ targetResponse: "PD", pctFromNadir: 20 });
    expect(v11(40, 27, 32.4)).toMatchObject({ targetResponse: "PD", pctFromNadir: 20 });
  });
  it("uses the nadir, not the baseline: 25% above nadir is PD although 25% below baseline", () => {
    expect(v10(100, 60, 75)).toMatchObject({ targetResponse: "PD", pctFromBaseline: -25, pctFromNadir: 25 });
  });
  it("RECIST 1.1 also needs >= 5 mm: 20 -> 24 mm (+20%, +4 mm) is SD in 1.1, PD in 1.0", () => {
    expect(v11(30, 20, 24).targetResponse).toBe("SD");
    expect(v10(30, 20, 24).targetResponse).toBe("PD");
  });
  it("RECIST 1.1 exactly +5 mm is PD, including a float difference of 4.999999999999998 (12.4 -> 17.4 mm)", () => {
    expect(v11(25, 25, 30).targetResponse).toBe("PD");
    expect(17.4 - 12.4).toBeLessThan(5);
    expect(v11(20, 12.4, 17.4)).toMatchObject({ targetResponse: "PD", absoluteChangeFromNadirMm: 5 });
    expect(v11(20, 12.4, 17.3).targetResponse).toBe("SD");
  });
});

describe("classifyTargetResponse: CR, NE and nadir 0", () => {
  it("sum 0 is CR", () => {
    expect(v10(50, 20, 0)).toMatchObject({ targetResponse: "CR", pctFromBaseline: -100 });
  });
  it("RECIST 1.1 CR with normal-sized nodes keeps a non-zero sum and wins over a relative rise", () => {
    const r = classifyTargetResponse({
      version: "1.1",
      baselineSumMm: 40,
      nadirSumMm: 4,
      currentSumMm: 12,
      allTargetsResolved: true,
    });
    expect(r.targetResponse).toBe("CR");
    expect(meetsTargetProgression("1.1", 4, 12)).toBe(true);
  });
  it("RECIST 1.0 rejects allTargetsResolved with a non-zero sum", () => {
    expect(() =>
      classifyTargetResponse({
        version: "1.0",
        baselineSumMm: 40,
        nadirSumMm: 40,
        currentSumMm: 5,
        allTargetsResolved: true,
      }),
    ).toThrow(CalcInputError);
  });
  it("reappearance after all targets disappeared (nadir 0) is PD; pctFromNadir is null", () => {
    expect(v11(40, 0, 3)).toMatchObject({ targetResponse: "PD", pctFromNadir: null, absoluteChangeFromNadirMm: 3 });
    expect(v10(40, 0, 0).targetResponse).toBe("CR");
  });
  it("not all targets evaluated gives NE, unless the assessed ones already show PD (RECIST 1.1 section 4.4.2 example)", () => {
    const partial = (currentSumMm: number) =>
      classifyTargetResponse({
        version: "1.1",
        baselineSumMm: 50,
        nadirSumMm: 50,
        currentSumMm,
        allTargetsEvaluated: false,
      }).targetResponse;
    expect(partial(80)).toBe("PD");
    expect(partial(30)).toBe("NE");
    expect(partial(0)).toBe("NE");
  });
  it("rejects impossible sums", () => {
    expect(() => v10(0, 0, 0)).toThrow(/baselineSumMm/);
    expect(() => v10(50, 60, 40)).toThrow(/nadirSumMm/);
    expect(() => v10(50, 40, -1)).toThrow(/currentSumMm/);
    expect(() => v10(Number.NaN, 40, 1)).toThrow(CalcInputError);
  });
});
