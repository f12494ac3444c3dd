import { getEnrollmentSummary } from "@/lib/data/analysis";
import { countOpenQueries } from "@/lib/data/data-queries";
import { getDataQuality } from "@/lib/data/data-quality";
import { countCurrentFieldVerifications } from "@/lib/data/field-verification";
import { loadPatientCounts } from "@/lib/data/schedule-facts";
import { ScheduleFactsStore, scheduleFactsStore } from "@/lib/data/schedule-facts-store";
import { getRecordStatusGrid } from "@/lib/data/record-status-grid";
import { getToxicityReviewSummary, listToxicityReviewQueue } from "@/lib/data/toxicity-review";
import { getMyWork } from "@/lib/data/work-lists";
import { openTrialInProcess } from "./lib/in-process-trial";

/**
 * The data layer of the pages that read the schedule facts, every call as the first request
 * after a save finds it: the results kept per data version are dropped and one patient's facts
 * are written again before each call, so the facts kept in the process read that patient.
 * No HTTP, no rendering. Against a generated trial (npm run bench:dashboards makes one):
 *
 *   DATABASE_URL=postgresql://...trial_10000_g2 npx tsx --conditions=react-server bench/schedule-facts-profile.ts
 *   BENCH_DB_PORT=55831 BENCH_PATIENTS=10000 npx tsx --conditions=react-server bench/schedule-facts-profile.ts
 *
 * The home page's other parts (the toxicity review queue, the enrollment summary) are timed
 * alone too, so the home's time can be told apart from the schedule facts' share.
 */
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);

async function main(): Promise<void> {
  const trial = await openTrialInProcess();
  try {
    for (const actor of trial.readers) {
      const time = async (label: string, run: () => Promise<unknown>) => {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          trial.clearKeptResults();
          await trial.touchOnePatient();
          const started = performance.now();
          await run();
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${actor.role.padEnd(24)} ${label.padEnd(22)} median ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(5)} ms  min ${times[0]!.toFixed(0).padStart(5)} ms  max ${times.at(-1)!.toFixed(0).padStart(5)} ms  (${RUNS} runs)`,
        );
      };
      if (actor.role !== "INVESTIGATOR") {
        await time("data quality", () => getDataQuality(actor));
        // Its parts: the kept facts' counts, then the open queries and verified fields it adds.
        const today = new Date().toISOString().slice(0, 10);
        await time("  kept facts' counts", () => scheduleFactsStore.counts({ kind: "all" }, today));
        await time("  counts read whole", () => new ScheduleFactsStore().counts({ kind: "all" }, today));
        await time("  counts statement", () => loadPatientCounts({ kind: "all" }, today));
        await time("  open queries", () => countOpenQueries(actor));
        await time("  verified fields", () => countCurrentFieldVerifications({}));
        // The pages read the summary (counts and first items, in SQL); the whole queue is the old read.
        await time("toxicity queue summary", () => getToxicityReviewSummary(actor));
        if (process.env.PROFILE_WHOLE_QUEUE) await time("toxicity whole queue", () => listToxicityReviewQueue(actor));
        await time("enrollment summary", () => getEnrollmentSummary(actor));
      }
      await time("home (all lists)", () => getMyWork(actor));
      await time("grid, overdue filter", () =>
        getRecordStatusGrid(actor, { sort: "subject", page: 1, state: "overdue" }),
      );
    }
  } finally {
    await trial.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
