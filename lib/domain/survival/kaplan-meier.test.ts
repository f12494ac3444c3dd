import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { estimateKaplanMeier, findStepIndex } from "./kaplan-meier";

// Hand-checkable data: 3, 4+, 5, 5, 8+, 10.
const HAND_TIME = [3, 4, 5, 5, 8, 10];
const HAND_EVENT = [1, 0, 1, 1, 0, 1];

describe("estimateKaplanMeier", () => {
  it("computes the product-limit steps and Greenwood SE by hand", () => {
    const fit = estimateKaplanMeier(HAND_TIME, HAND_EVENT);
    expect(fit.n).toBe(6);
    expect(fit.nEvents).toBe(4);
    expect(fit.rows.map((r) => [r.time, r.nRisk, r.nEvent, r.nCensor])).toEqual([
      [3, 6, 1, 0],
      [4, 5, 0, 1],
      [5, 4, 2, 0],
      [8, 2, 0, 1],
      [10, 1, 1, 0],
    ]);
    const [r3, r4, r5, r8, r10] = fit.rows;
    expect(r3?.surv).toBeCloseTo(5 / 6, 14);
    expect(r3?.se).toBeCloseTo((5 / 6) * Math.sqrt(1 / 30), 14); // 1 / (6 x 5)
    expect(r4?.surv).toBe(r3?.surv); // censoring does not move S
    expect(r5?.surv).toBeCloseTo(5 / 12, 14);
    expect(r5?.se).toBeCloseTo((5 / 12) * Math.sqrt(1 / 30 + 2 / (4 * 2)), 14);
    expect(r8?.se).toBe(r5?.se);
    expect(r10?.surv).toBe(0);
    expect(r10?.se).toBeNull(); // Greenwood sum is infinite once everyone at risk has died
  });

  it("counts censorings tied with events as at risk for those events", () => {
    const fit = estimateKaplanMeier([2, 2, 2, 5], [1, 0, 1, 1]);
    expect(fit.rows[0]).toMatchObject({ time: 2, nRisk: 4, nEvent: 2, nCensor: 1, surv: 0.5 });
    expect(fit.rows[1]).toMatchObject({ time: 5, nRisk: 1, nEvent: 1, surv: 0 });
  });

  it("does not depend on input order", () => {
    const a = estimateKaplanMeier(HAND_TIME, HAND_EVENT);
    const b = estimateKaplanMeier([10, 5, 8, 3, 5, 4], [1, 1, 0, 1, 1, 0]);
    expect(b).toEqual(a);
  });

  it("keeps censored-only times before the first event with S = 1 and SE 0", () => {
    const fit = estimateKaplanMeier([1, 2], [0, 1]);
    expect(fit.rows[0]).toMatchObject({ time: 1, nRisk: 2, nEvent: 0, nCensor: 1, surv: 1, se: 0 });
  });

  it("accepts events at time 0", () => {
    const fit = estimateKaplanMeier([0, 1, 2, 3], [1, 0, 1, 0]);
    expect(fit.rows[0]).toMatchObject({ time: 0, nRisk: 4, nEvent: 1, surv: 0.75 });
  });

  it.each([
    [[], [], "at least one subject"],
    [[1, 2], [1], "same length"],
    [[-1], [1], "time[0]"],
    [[Number.NaN], [1], "time[0]"],
    [[Infinity], [0], "time[0]"],
    [[1], [2], "event[0]"],
  ])("rejects %j / %j", (time, event, message) => {
    expect(() => estimateKaplanMeier(time, event)).toThrow(CalcInputError);
    expect(() => estimateKaplanMeier(time, event)).toThrow(message);
  });

  // Speed is measured by bench/survival-bench.ts, not asserted here (timed tests are flaky).
  it("accounts for every one of 100,000 subjects with a monotone curve", () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const n = 100_000;
    const time = Array.from({ length: n }, () => Math.round(random() * 3650));
    const event = Array.from({ length: n }, () => (random() < 0.7 ? 1 : 0));
    const fit = estimateKaplanMeier(time, event);
    expect(fit.rows.length).toBeLessThanOrEqual(3651);
    expect(fit.rows.reduce((sum, r) => sum + r.nEvent + r.nCensor, 0)).toBe(n);
    expect(fit.rows.every((r, i) => i === 0 || r.surv <= fit.rows[i - 1]!.surv)).toBe(true);
  });
});

describe("findStepIndex", () => {
  const fit = estimateKaplanMeier(HAND_TIME, HAND_EVENT);
  it.each([
    [2.9, -1],
    [3, 0],
    [4.5, 1],
    [5, 2],
    [10, 4],
    [99, 4],
  ])("time %d -> row %d (right-continuous)", (t, index) => {
    expect(findStepIndex(fit, t)).toBe(index);
  });
});
