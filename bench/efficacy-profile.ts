import os from "node:os";
import { analyzeCohortBiomarker, analyzeEfficacy } from "@/lib/analysis/cohort-analysis";
import { listPatientOutcomes } from "@/lib/analysis/patient-outcomes";
import {
  getBiomarkerAnalysis,
  getEfficacyAnalysis,
  getEnrollmentSummary,
  getPatientOutcomes,
} from "@/lib/data/analysis";
import { loadAnalysisCohort } from "@/lib/data/analysis-cohort";
import { AnalysisCohortStore, analysisCohortStore } from "@/lib/data/analysis-cohort-store";
import { getStoppingRuleStatus } from "@/lib/data/stopping-rules";
import { getToxicityDashboard } from "@/lib/data/toxicity";
import { getToxicityAnalysis } from "@/lib/data/toxicity-analysis";
import { getToxicityReviewSummary } from "@/lib/data/toxicity-review";
import { READERS } from "./lib/generated-trial-db";
import { openTrialInProcess } from "./lib/in-process-trial";

/**
 * The data layer of the efficacy, biomarker, enrollment, stopping-rule and toxicity pages and the
 * /api/v1/analysis endpoints, as the PI calls it, every call cold: the results kept per data
 * version are dropped and one patient's efficacy facts are written again before each call, as
 * the first request after a save finds them (the cohort kept in the process reads that patient
 * again; "cohort read whole" is what a new process reads once). No HTTP,
 * no rendering. The cohort read and the analyses over it are also timed apart. Node's own CPU
 * time (PostgreSQL's not included) is printed beside the wall time: on a loaded machine it
 * varies far less. Against a
 * generated trial (npm run bench:dashboards makes one):
 *
 *   BENCH_DB_PORT=55851 BENCH_PATIENTS=10000 npx tsx --conditions=react-server bench/efficacy-profile.ts
 *   DATABASE_URL=postgresql://...trial_10000_g2 npx tsx --conditions=react-server bench/efficacy-profile.ts
 *
 * PROFILE_ONLY=<regular expression> times only the lines whose label matches (e.g. "stopping|toxicity").
 */
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
const ONLY = process.env.PROFILE_ONLY ? new RegExp(process.env.PROFILE_ONLY) : null;

async function main(): Promise<void> {
  const trial = await openTrialInProcess();
  const actor = trial.readers.find((r) => r.email === READERS.pi.email)!;
  const time = async (label: string, run: () => Promise<unknown>) => {
    if (ONLY && !ONLY.test(label)) return;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      trial.clearKeptResults();
      await trial.touchOnePatient();
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await run();
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
    console.log(
      `${label.padEnd(34)} cold median ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(5)} ms  min ${times[0]!.toFixed(0).padStart(5)} ms  max ${times.at(-1)!.toFixed(0).padStart(5)} ms  node CPU median ${cpu[Math.floor(cpu.length / 2)]!.toFixed(0).padStart(5)} ms  (${RUNS} runs; load ${load})`,
    );
  };
  try {
    const biomarker = { cytokine: "IL-6", cut: "median", endpoint: "os" } as const;
    await time("efficacy (page and API)", () => getEfficacyAnalysis(actor, { ciMethod: "log-log" }));
    await time("biomarkers (page and API)", () => getBiomarkerAnalysis(actor, biomarker));
    await time("patient outcomes (API, page 1)", () => getPatientOutcomes(actor, { pageSize: 100 }));
    await time("enrollment (page and API)", () => getEnrollmentSummary(actor));
    await time("stopping rules (page)", () => getStoppingRuleStatus(actor));
    // The toxicity page reads the dashboard and, for a reviewer, the review queue's summary.
    await time("toxicity (page)", () =>
      Promise.all([getToxicityDashboard(actor, {}), getToxicityReviewSummary(actor, {})]),
    );
    await time("toxicity (API)", () => getToxicityAnalysis(actor, {}));
    await time("  toxicity dashboard alone", () => getToxicityDashboard(actor, {}));
    // The parts: the cohort read, then each analysis over a cohort already read.
    if (ONLY && !ONLY.test("  cohort")) return;
    const everything = { assessments: true, cytokines: true };
    await time("  kept cohort after one write", () => analysisCohortStore.read({ kind: "all" }));
    await time("  cohort read whole (a new process)", () => new AnalysisCohortStore().read({ kind: "all" }));
    await time("  cohort read (outcomes only)", () =>
      loadAnalysisCohort({ kind: "all" }, { assessments: false, cytokines: false }),
    );
    await time("  cohort read (with assessments)", () =>
      loadAnalysisCohort({ kind: "all" }, { assessments: true, cytokines: false }),
    );
    await time("  cohort read (with cytokines)", () =>
      loadAnalysisCohort({ kind: "all" }, { assessments: false, cytokines: true }),
    );
    const cohort = await loadAnalysisCohort({ kind: "all" }, everything);
    await time("  analyzeEfficacy", async () => analyzeEfficacy(cohort, "log-log"));
    await time("  analyzeCohortBiomarker", async () => analyzeCohortBiomarker(cohort, biomarker));
    await time("  listPatientOutcomes", async () => listPatientOutcomes(cohort));
  } finally {
    await trial.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
