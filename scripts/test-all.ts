import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * `npm test`: every tier in order (type-check, lint, format, unit, integration on a real
 * PostgreSQL, end-to-end in Chromium), each run even when an earlier one failed so one
 * run shows everything. Ends with one plain line `N passed, N failed` and a non-zero exit
 * on any failure, which CI reads.
 */
interface StageResult {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
}

const RESULTS = "test-results";
const bin = path.resolve("node_modules", ".bin");

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(bin, command), args, {
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR,
      },
    });
    child.once("error", () => resolve(127));
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

/** A check that is not a test runner counts as one test. */
async function check(name: string, command: string, args: string[]): Promise<StageResult> {
  const started = Date.now();
  const code = await run(command, args);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds: (Date.now() - started) / 1000 };
}

async function vitest(name: string, project: string): Promise<StageResult> {
  const started = Date.now();
  const output = path.join(RESULTS, `${project}.json`);
  const code = await run("vitest", [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${output}`,
  ]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(output);
  const passed = report?.numPassedTests ?? 0;
  // A crash before any test ran (or a suite that failed to load) still fails the stage.
  const failed =
    (report?.numFailedTests ?? 0) + (code !== 0 && !report?.numFailedTests ? 1 : 0) + (passed === 0 ? 1 : 0);
  return { name, passed, failed, seconds: (Date.now() - started) / 1000 };
}

async function playwright(): Promise<StageResult> {
  const started = Date.now();
  const output = path.join(RESULTS, "e2e-results.json");
  const code = await run("playwright", ["test"]);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
  const passed = report?.stats.expected ?? 0;
  const failed =
    (report?.stats.unexpected ?? 0) +
    (report?.stats.flaky ?? 0) +
    (code !== 0 && !report?.stats.unexpected ? 1 : 0) +
    (passed === 0 ? 1 : 0);
  return { name: "end-to-end (Chromium)", passed, failed, seconds: (Date.now() - started) / 1000 };
}

async function main(): Promise<void> {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  const only = process.argv.slice(2);
  const stages: [string, () => Promise<StageResult>][] = [
    ["typecheck", () => check("type-check (tsc)", "tsc", ["--noEmit"])],
    ["lint", () => check("lint (eslint)", "eslint", ["--max-warnings=0", "."])],
    ["format", () => check("format (prettier)", "prettier", ["--check", "."])],
    ["unit", () => vitest("unit", "unit")],
    ["integration", () => vitest("integration (PostgreSQL)", "integration")],
    ["e2e", () => playwright()],
  ];
  const results: StageResult[] = [];
  for (const [key, stage] of stages) {
    if (only.length && !only.includes(key)) continue;
    console.log(`\n=== ${key} ===`);
    results.push(await stage());
  }
  console.log("\nSummary");
  for (const r of results) {
    console.log(
      `  ${r.failed ? "FAIL" : "ok  "} ${r.name.padEnd(26)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0)} s`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const seconds = results.reduce((n, r) => n + r.seconds, 0);
  console.log(`  all tiers: ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
