/**
 * Timing of the survival statistics on synthetic trials (not a test):
 *   npx tsx bench/survival-bench.ts
 * Exponential event times (hazard 1, ×1.5 in arm B, ×exp(0.3 z) for a standard normal z),
 * independent exponential censoring tuned to ~30%, seeded so every run sees the same data.
 * Prints the median of several runs per method and n, and time(n) / time(n/10): an
 * O(n log n) method should grow ~10-13x per 10x, not 100x.
 */
import { fitCoxModel } from "@/lib/domain/statistics/cox-model";
import { compareSurvivalLogRank } from "@/lib/domain/statistics/log-rank";
import { estimateKaplanMeier } from "@/lib/domain/survival";

const SIZES = [1_000, 10_000, 100_000];
const RUNS = 9;
const CENSORING_RATE = 0.55; // exponential censoring hazard giving ~30% censored with these event hazards

/** Mulberry32: a tiny seeded PRNG, enough for reproducible synthetic data. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Trial {
  time: number[];
  event: number[];
  group: string[];
  arm: number[];
  z: number[];
}

function simulateTrial(n: number, seed: number): Trial {
  const random = createRandom(seed);
  const exponential = (rate: number) => -Math.log(1 - random()) / rate;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const trial: Trial = { time: [], event: [], group: [], arm: [], z: [] };
  for (let i = 0; i < n; i++) {
    const arm = random() < 0.5 ? 1 : 0;
    const z = normal();
    const eventTime = exponential(Math.exp(Math.log(1.5) * arm + 0.3 * z));
    const censorTime = exponential(CENSORING_RATE);
    // Rounded to days (of a unit-mean year) so the data carry realistic ties.
    trial.time.push(Math.round(Math.min(eventTime, censorTime) * 365));
    trial.event.push(eventTime <= censorTime ? 1 : 0);
    trial.group.push(arm === 1 ? "B" : "A");
    trial.arm.push(arm);
    trial.z.push(z);
  }
  return trial;
}

function timeMedianMs(run: () => unknown): number {
  run(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const methods: { name: string; run: (trial: Trial) => unknown }[] = [
  { name: "Kaplan-Meier", run: (t) => estimateKaplanMeier(t.time, t.event) },
  { name: "log-rank (2 groups)", run: (t) => compareSurvivalLogRank({ time: t.time, event: t.event, group: t.group }) },
  {
    name: "Cox efron (arm + z)",
    run: (t) => fitCoxModel({ time: t.time, event: t.event, covariates: { arm: t.arm, z: t.z } }),
  },
  {
    name: "Cox breslow (arm + z)",
    run: (t) => fitCoxModel({ time: t.time, event: t.event, covariates: { arm: t.arm, z: t.z }, ties: "breslow" }),
  },
];

const trials = SIZES.map((n) => simulateTrial(n, 20_260_425 + n));
for (const trial of trials) {
  const censored = trial.event.filter((e) => e === 0).length / trial.event.length;
  console.log(`n = ${trial.time.length}: ${(censored * 100).toFixed(1)}% censored`);
}
const cox = fitCoxModel({
  time: trials[2]?.time ?? [],
  event: trials[2]?.event ?? [],
  covariates: { arm: trials[2]?.arm ?? [], z: trials[2]?.z ?? [] },
});
console.log(
  `check (n = 100000): HR arm = ${cox.terms[0]?.hr.toFixed(3)} (true 1.5), coef z = ${cox.terms[1]?.coef.toFixed(3)} (true 0.3), ${cox.iterations} iterations`,
);

const header = ["method", ...SIZES.map((n) => `n=${n} ms`), ...SIZES.slice(1).map((n) => `x${n}/${n / 10}`)];
const rows = methods.map((method) => {
  const ms = trials.map((trial) => timeMedianMs(() => method.run(trial)));
  const ratios = ms.slice(1).map((value, i) => value / (ms[i] ?? Number.NaN));
  return [method.name, ...ms.map((value) => value.toFixed(2)), ...ratios.map((value) => value.toFixed(1))];
});
const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
const format = (row: string[]) =>
  row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
console.log(format(header));
for (const row of rows) console.log(format(row));
