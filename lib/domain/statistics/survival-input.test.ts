import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { sortIndicesByTime, validateSurvivalData } from "./survival-input";

describe("validateSurvivalData", () => {
  it("accepts time 0 and events 0/1", () => {
    expect(() => validateSurvivalData({ time: [0, 1.5], event: [0, 1] })).not.toThrow();
  });

  it("rejects negative, infinite or NaN times with the index", () => {
    expect(() => validateSurvivalData({ time: [1, -0.001], event: [1, 0] })).toThrow(/time\[1\]/);
    expect(() => validateSurvivalData({ time: [Number.POSITIVE_INFINITY], event: [1] })).toThrow(/finite/);
    expect(() => validateSurvivalData({ time: [Number.NaN], event: [1] })).toThrow(CalcInputError);
  });

  it("rejects events other than 0/1, empty data and length mismatches", () => {
    expect(() => validateSurvivalData({ time: [1], event: [2] })).toThrow(/event\[0\]/);
    expect(() => validateSurvivalData({ time: [], event: [] })).toThrow(/at least one/);
    expect(() => validateSurvivalData({ time: [1, 2], event: [1] })).toThrow(/event has 1 values but time has 2/);
    expect(() => validateSurvivalData({ time: [1, 2], event: [1, 0] }, { group: ["a"] })).toThrow(/group has 1 values/);
  });
});

describe("sortIndicesByTime", () => {
  it("orders by time and keeps input order among ties", () => {
    expect(Array.from(sortIndicesByTime([3, 1, 2, 1]))).toEqual([1, 3, 2, 0]);
  });

  it("gives times already in order (ties included) the input order, as a sort would", () => {
    expect(Array.from(sortIndicesByTime([0, 1, 1, 2.5, 2.5, 7]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(sortIndicesByTime([1, 1, 0.5]))).toEqual([2, 0, 1]);
  });

  it("orders any times as a stable sort by time does", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), (values) => {
        const time = values.map((v) => v / 2);
        const reference = time.map((_, i) => i).sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
        expect(Array.from(sortIndicesByTime(time))).toEqual(reference);
        const sorted = reference.map((i) => time[i] as number);
        expect(Array.from(sortIndicesByTime(sorted))).toEqual(sorted.map((_, i) => i));
      }),
    );
  });
});
