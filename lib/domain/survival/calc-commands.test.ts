import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { runCalc } from "@/test/fixtures/calc-commands";
import { survivalCalcCommands } from "./calc-commands";

const runCommand = (name: string, raw: unknown) => runCalc(survivalCalcCommands, name, raw);

function rejects(name: string, input: unknown): string {
  const command = survivalCalcCommands[name];
  if (!command) throw new Error(`no command ${name}`);
  const result = command.input.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? "" : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

const HAND = { time: [3, 4, 5, 5, 8, 10], event: [1, 0, 1, 1, 0, 1] };

describe("survivalCalcCommands", () => {
  it("exposes km, survival-endpoints and median-followup", () => {
    expect(Object.keys(survivalCalcCommands).sort()).toEqual(["km", "median-followup", "survival-endpoints"]);
  });

  it("km: median with R's default log interval and the curve at every event time", () => {
    const out = runCommand("km", HAND) as Record<string, unknown>;
    expect(out).toMatchObject({ n: 6, nEvents: 4, confType: "log", median: 5, lower: 5, upper: null });
    const survival = out.survival as { time: number; surv: number; nRisk: number; upper: number | null }[];
    expect(survival.map((p) => p.time)).toEqual([3, 5, 10]);
    expect(survival[1]).toMatchObject({ nRisk: 4, upper: 1 });
    expect(survival[1]?.surv).toBeCloseTo(5 / 12, 14);
  });

  it("km: symmetric (Collett) median interval and survival at chosen times", () => {
    const out = runCommand("km", { ...HAND, confType: "symmetric", at: [0, 6, 12] }) as {
      lower: number;
      upper: number;
      survival: { time: number; nRisk: number; lower: number | null }[];
    };
    expect(out.lower).toBeCloseTo(2.91345900348927, 10);
    expect(out.upper).toBeCloseTo(7.08654099651073, 10);
    expect(out.survival.map((p) => [p.time, p.nRisk])).toEqual([
      [0, 6],
      [6, 2],
      [12, 0],
    ]);
    expect(out.survival[1]?.lower).toBe(0); // plain interval, clipped at 0
  });

  it("km: rejects unknown fields, bad events, mismatched lengths and negative times", () => {
    expect(rejects("km", { ...HAND, conf: "log" })).toMatch(/conf/);
    expect(rejects("km", { time: [1], event: [2] })).toMatch(/event values must be 0/);
    expect(rejects("km", { time: [1, 2], event: [1] })).toMatch(/event: event must have one entry per time/);
    expect(rejects("km", { time: [-1], event: [1] })).toMatch(/>= 0/);
    expect(rejects("km", { ...HAND, confType: "logit" })).toMatch(/confType must be one of/);
    expect(rejects("km", { time: [], event: [] })).toMatch(/at least one subject/);
  });

  it("median-followup: reverse Kaplan-Meier (survival::aml pooled: 161, 45-NA in R)", () => {
    const aml = {
      time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
      event: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
    };
    expect(runCommand("median-followup", aml)).toEqual({ median: 161, lower: 45, upper: null });
    expect(rejects("median-followup", { ...aml, at: [1] })).toMatch(/at/);
  });

  it("survival-endpoints: derives PFS and OS, rejects malformed dates and impossible orders", () => {
    expect(
      runCommand("survival-endpoints", {
        enrollmentDate: "2008-05-01",
        progressionDate: "2008-06-26",
        lastContactDate: "2008-09-30",
      }),
    ).toEqual({
      pfs: { timeDays: 56, timeMonths: 56 / 30.4375, event: 1 },
      os: { timeDays: 152, timeMonths: 152 / 30.4375, event: 0 },
      daysPerMonth: 30.4375,
    });
    expect(rejects("survival-endpoints", { enrollmentDate: "01/05/2008", lastContactDate: "2008-09-30" })).toMatch(
      /yyyy-mm-dd/,
    );
    expect(() =>
      runCommand("survival-endpoints", {
        enrollmentDate: "2008-05-01",
        progressionDate: "2008-06-26",
        deathDate: "2008-06-01",
        lastContactDate: "2008-06-01",
      }),
    ).toThrow(CalcInputError);
  });
});
