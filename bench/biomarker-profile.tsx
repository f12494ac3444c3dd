import os from "node:os";
import { renderToStaticMarkup } from "react-dom/server";
import { BiomarkerCharts } from "@/components/dashboards/biomarker-charts";
import { analyzeBiomarker, type BiomarkerSubject } from "@/lib/analysis/biomarkers";
import { createRandom } from "./lib/random";

/**
 * The biomarker page's two CPU parts at BENCH_PATIENTS (default 100,000) generated patients, no
 * database: the analysis over the cohort (lib/analysis/biomarkers.ts: distribution, KM curves,
 * log-rank, two Cox fits) and the server render of its charts (strip plot of every patient and
 * the KM plot). Median of PROFILE_RUNS (default 9) after two warm-up runs, wall and CPU time.
 *
 *   npx tsx bench/biomarker-profile.tsx
 */
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const RUNS = Number(process.env.PROFILE_RUNS ?? 9);

function generateSubjects(n: number): BiomarkerSubject[] {
  const random = createRandom(n);
  return Array.from({ length: n }, () => {
    const below = random.chance(0.06);
    // Log-normal levels around 10 pg/mL; higher levels die sooner, months on a day grid.
    const value = Math.exp(random.normal(Math.log(10), 1));
    const time = Math.round(Math.max(1, random.normal(12 - Math.log2(value), 5)) * 30.4375) / 30.4375;
    return {
      level: random.chance(0.05) ? null : { value: below ? null : value, belowLloq: below, lloq: 1.5, unit: "pg/mL" },
      time,
      event: random.chance(0.7) ? 1 : 0,
    };
  });
}

function median(label: string, run: () => unknown): void {
  for (let i = 0; i < 2; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(0);
  console.log(
    `${label.padEnd(22)} median ${mid(wall).padStart(5)} ms  CPU ${mid(cpu).padStart(5)} ms  (${RUNS} runs; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`,
  );
}

const subjects = generateSubjects(PATIENTS);
const analyze = () => analyzeBiomarker(subjects, { cut: "median" });
const view = { ...analyze(), cytokine: "IL-6", endpoint: "os" as const, cytokines: ["IL-6"] };
console.log(`${PATIENTS} patients, ${view.n} with a level (${view.nBelowLloq} below the LLOQ)`);
median("analysis", analyze);
median("charts render", () => renderToStaticMarkup(<BiomarkerCharts view={view} />));
