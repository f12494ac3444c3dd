import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listCalcCommands } from "@/lib/domain/calc-registry";

// The CLI as scientists call it: a real process, JSON on stdin, JSON on stdout.
function calc(name: string, input: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/calc.ts", name], {
    input,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts real processes (tsx compiles on start), so allow for a slow, busy machine.
describe("npm run calc", { timeout: 60_000 }, () => {
  test("offers every calculator the issue names", () => {
    const names = [...listCalcCommands().keys()];
    for (const required of [
      "bsa",
      "uft-dose",
      "ctcae-lab",
      "recist",
      "recist-bor",
      "km",
      "logrank",
      "cox",
      "binom",
      "simon",
      "toxicity-boundary",
    ]) {
      expect(names).toContain(required);
    }
  });

  test("computes the UFT dose for 170 cm / 70 kg as 2 capsules of 100 mg", () => {
    const { code, stdout } = calc("uft-dose", JSON.stringify({ heightCm: 170, weightKg: 70 }));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.bsaM2).toBeCloseTo(Math.sqrt((170 * 70) / 3600), 12);
    expect(out).toMatchObject({ roundedMg: 200, capsulesPerDose: 2, rule: expect.stringContaining("100 mg") });
  });

  test("grades a platelet count of 40 x10^9/L as CTCAE grade 3", () => {
    const { code, stdout } = calc(
      "ctcae-lab",
      JSON.stringify({ test: "platelets", value: 40, unit: "x10^9/L", lln: 150, uln: 400 }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ grade: 3, term: "Platelet count decreased" });
  });

  test("gives the published ORR interval for 4 of 43 responders", () => {
    const out = JSON.parse(calc("binom", JSON.stringify({ successes: 4, n: 43 })).stdout);
    expect(out.estimate).toBeCloseTo(4 / 43, 12);
    expect(out.lower).toBeCloseTo(0.0259313, 6); // R: binom.test(4, 43)$conf.int
    expect(out.upper).toBeCloseTo(0.2213534, 6);
  });

  test("finds Simon's optimal and minimax designs for p0 = 0.20, p1 = 0.40 (Simon 1989, Table 1)", () => {
    const { code, stdout } = calc("simon", JSON.stringify({ p0: 0.2, p1: 0.4, alpha: 0.05, beta: 0.2 }));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.optimal).toMatchObject({ r1: 3, n1: 13, r: 12, n: 43 });
    expect(out.minimax).toMatchObject({ r1: 4, n1: 18, r: 10, n: 33 });
    expect(out.optimal.en0).toBeCloseTo(20.6, 1);
    expect(out.optimal.pet0).toBeCloseTo(0.75, 2);
  });

  test("rejects bad input with the field named and exit code 2", () => {
    const { code, stdout, stderr } = calc("bsa", JSON.stringify({ heightCm: 17, weightKg: 70 }));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/heightCm: .*outside the plausible range/);
  });

  test("rejects unknown fields, invalid JSON and unknown calculators", () => {
    expect(calc("bsa", JSON.stringify({ heightCm: 170, weightKg: 70, height: 1 })).code).toBe(2);
    expect(calc("bsa", "{not json").stderr).toMatch(/not valid JSON/);
    expect(calc("no-such-calculator", "{}").code).toBe(1);
  });
});
