import { describe, expect, it } from "vitest";
import { computeSurvivalCi } from "./confidence-interval";
import { R_FIXTURES, type RConfType } from "./fixtures/r-fixtures";
import { estimateKaplanMeier } from "./kaplan-meier";
import { estimateMedianFollowUp } from "./median-follow-up";
import { estimateMedianSurvival } from "./median-survival";
import { countAtRisk, getSurvivalAtTimes } from "./survival-at-times";

// Every number below comes from R 4.2.2 + survival 3.5.3 (reference/km-reference.R).
const TOL = 1e-6;
const Z = 1.959963984540054;
const R_CONF_TYPES: RConfType[] = ["log", "log-log", "plain"];

function expectClose(actual: number | null, expected: number | null, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs R ${expected}`).toBeLessThan(TOL);
}

describe.each(R_FIXTURES.map((f) => [f.name, f] as const))("R survival reference: %s", (_name, fx) => {
  const fit = estimateKaplanMeier(fx.time, fx.event);

  it("reproduces survfit's table (time, n.risk, n.event, n.censor, surv, Greenwood SE of S)", () => {
    expect(fit.rows).toHaveLength(fx.table.length);
    fx.table.forEach((r, i) => {
      const row = fit.rows[i];
      expect(row).toMatchObject({ time: r.time, nRisk: r.nRisk, nEvent: r.nEvent, nCensor: r.nCensor });
      expectClose(row?.surv ?? null, r.surv, `surv[${i}]`);
      expectClose(row?.se ?? null, r.se, `se[${i}]`);
    });
  });

  it.each(R_CONF_TYPES)("reproduces the pointwise %s interval", (confType) => {
    fx.table.forEach((r, i) => {
      const row = fit.rows[i];
      if (!row) throw new Error("missing row");
      const ci = computeSurvivalCi(row.surv, row.se, confType, Z);
      // Deliberate deviation: R gives NA for log-log where S = 1; we give [1, 1].
      const rLower = r[confType].lower ?? (r.surv === 1 ? 1 : null);
      const rUpper = r[confType].upper ?? (r.surv === 1 ? 1 : null);
      expectClose(ci.lower, rLower, `lower[${i}]`);
      expectClose(ci.upper, rUpper, `upper[${i}]`);
    });
  });

  it.each(R_CONF_TYPES)("reproduces quantile(fit, 0.5) and print(fit) medians, conf.type %s", (confType) => {
    const q = estimateMedianSurvival(fit, { confType });
    const r = fx.median[confType];
    expectClose(q.median, r.median, "median");
    expectClose(q.lower, r.lower, "lower");
    expectClose(q.upper, r.upper, "upper");
    const p = estimateMedianSurvival(fit, { confType, rule: "print" });
    expectClose(p.median, r.printMedian, "print median");
    expectClose(p.lower, r.printLower, "print lower");
    expectClose(p.upper, r.printUpper, "print upper");
  });

  it.each(R_CONF_TYPES)("reproduces summary(fit, times, extend = TRUE), conf.type %s", (confType) => {
    const points = getSurvivalAtTimes(fit, fx.at, { confType });
    const rows = fx.survivalAt[confType];
    expect(points).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      const p = points[i];
      expect(p?.time).toBe(r.time);
      expect(p?.nRisk, `nRisk at ${r.time}`).toBe(r.nRisk);
      expectClose(p?.surv ?? null, r.surv, `surv at ${r.time}`);
      expectClose(p?.se ?? null, r.se, `se at ${r.time}`);
      expectClose(p?.lower ?? null, r.lower ?? (r.surv === 1 ? 1 : null), `lower at ${r.time}`);
      expectClose(p?.upper ?? null, r.upper ?? (r.surv === 1 ? 1 : null), `upper at ${r.time}`);
    });
    expect(countAtRisk(fit, fx.at)).toEqual(rows.map((r) => r.nRisk));
  });

  it("reproduces the reverse Kaplan-Meier median follow-up", () => {
    const m = estimateMedianFollowUp(fx.time, fx.event);
    expectClose(m.median, fx.medianFollowUp.median, "median");
    expectClose(m.lower, fx.medianFollowUp.lower, "lower");
    expectClose(m.upper, fx.medianFollowUp.upper, "upper");
  });

  it("matches the independent R implementation of Collett's symmetric interval", () => {
    const m = estimateMedianSurvival(fit, { confType: "symmetric" });
    expectClose(m.median, fx.collett.median, "median");
    expectClose(m.lower, fx.collett.lower, "lower");
    expectClose(m.upper, fx.collett.upper, "upper");
  });
});
