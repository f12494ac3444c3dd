import { existsSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { ensureProductionBuild, newAuthSecret, startApp } from "./lib/app-server";
import { buildLabs } from "./lib/form-payloads";
import {
  createBenchWriter,
  machineLoad,
  openGeneratedTrial,
  READER_PASSWORD,
  READERS,
  startTrialServer,
} from "./lib/generated-trial-db";
import { measureFirstAfterSave as measureWorkPagesAfterSave, type PageTiming } from "./lib/first-after-save";
import { httpRequest } from "./lib/load-loop";
import { createRandom } from "./lib/random";
import { treeCpuMs } from "./lib/process-memory";
import { signInOverHttp } from "./lib/sign-in";
import { measureToxicityAfterSave, TOXICITY_AFTER_SAVE_TARGETS } from "./lib/toxicity-after-save";

/**
 * Dashboards at scale (issue 8, benchmark 2). Generated trials of 1,000 and 10,000 patients
 * (BENCH_PATIENTS=1000,10000,100000 to add the largest), each served by the production build;
 * signed in as the PI and the coordinator, every dashboard page and analysis endpoint on main
 * is requested one at a time after a warm-up: median and p95 of BENCH_REPEATS requests, the
 * response size, and how the time grows from one size to the next. Dashboards keep results per
 * data version, so the timed requests are served from that cache; "first" is the first
 * request of each page and reader, before anything of it was kept (as after a save).
 *
 *   npm run bench:dashboards
 *   BENCH_PATIENTS=1000 BENCH_REPEATS=5 npm run bench:dashboards
 *   BENCH_TARGETS=work npm run bench:dashboards    (home work-lists, grid, query inbox only)
 *   BENCH_TARGETS=after-save npm run bench:dashboards    (only the first request after one save: dashboards, toxicity, home, grid, data quality)
 *
 * First request after one save (issue 14): for each efficacy, biomarker and enrollment page and
 * endpoint, one request to warm it, then one lab panel saved through the API by a site
 * investigator (any save gives the data a new version, so nothing kept serves the next
 * request), then the PI's first request, timed. Aim: under 300 ms at 10,000 patients.
 * BENCH_AFTER_SAVE_REPEATS=n does that n times per target (default 1 here; the home, grid and
 * data-quality pages of bench/lib/first-after-save.ts take it too, default 3) and judges the
 * median and the slowest against the aim: one run is one sample, and a collection can land in it.
 */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3211);
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 54411);
const SIZES = (process.env.BENCH_PATIENTS ?? "1000,10000").split(",").map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 9);
const WARM_UP = 2;
const AIM_MS = 500;
const AFTER_SAVE_RUNS = Number(process.env.BENCH_AFTER_SAVE_REPEATS ?? 1);
const WORK_AIM_MS = 300;

const DASHBOARDS = ["enrollment", "efficacy", "biomarkers", "toxicity", "data-quality"]
  .filter((d) => existsSync(`app/dashboards/${d}/page.tsx`))
  .map((d) => `/dashboards/${d}`);
// Issue 16: the home work-lists, the record status grid (first page, a page deep in the trial,
// filtered to patients with an overdue form) and the query inbox.
const WORK_PAGES = [
  "/",
  "/patients/grid",
  "/patients/grid?page=30",
  "/patients/grid?state=overdue",
  "/queries",
  "/patients?sort=screening",
].filter((p) =>
  existsSync(
    p === "/"
      ? "app/page.tsx"
      : p.startsWith("/queries")
        ? "app/queries/page.tsx"
        : p.startsWith("/patients/grid")
          ? "app/patients/grid/page.tsx"
          : "app/patients/page.tsx",
  ),
);
const ENDPOINTS = ["efficacy", "biomarkers", "enrollment", "toxicity"]
  .filter((e) => existsSync(`app/api/v1/analysis/${e}/route.ts`))
  .map((e) => `/api/v1/analysis/${e}`);
// BENCH_TARGETS=work (the issue-16 pages only), dashboards, or a comma list of paths; default: all.
const TARGET_CHOICE = process.env.BENCH_TARGETS ?? "all";
const PAGES =
  TARGET_CHOICE === "work"
    ? WORK_PAGES
    : TARGET_CHOICE === "after-save"
      ? []
      : TARGET_CHOICE === "dashboards"
        ? DASHBOARDS
        : TARGET_CHOICE === "all"
          ? [...WORK_PAGES, ...DASHBOARDS]
          : TARGET_CHOICE.split(",");
const SELECTED_ENDPOINTS = TARGET_CHOICE === "all" || TARGET_CHOICE === "dashboards" ? ENDPOINTS : [];
const AFTER_SAVE_AIM_MS: Record<number, number> = { 10_000: 300, 100_000: 1000 };
// The pages and endpoints that read the per-patient efficacy facts (lib/data/analysis-cohort.ts) or the patients table.
const AFTER_SAVE_TARGETS = ["all", "dashboards", "after-save"].includes(TARGET_CHOICE)
  ? [
      // The stopping-rules page reads the responses in enrollment order (it answered HTTP 500 at
      // 10,000 patients until its boundary table was capped, commit 366488b).
      ...[
        "/dashboards/efficacy",
        "/dashboards/biomarkers",
        "/dashboards/enrollment",
        "/dashboards/stopping-rules",
      ].filter((p) => existsSync(`app${p}/page.tsx`)),
      ...["efficacy", "biomarkers", "enrollment", "patients"]
        .filter((e) => existsSync(`app/api/v1/analysis/${e}/route.ts`))
        .map((e) => `/api/v1/analysis/${e}`),
    ]
  : [];

interface AfterSave {
  size: number;
  path: string;
  status: number;
  saveMs: number;
  firstMs: number;
  load: string;
}

interface Timing extends PageTiming {
  p95: number;
  /** The first request to the freshly started server: nothing cached yet (as after a change). */
  first: number;
}

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${machineLoad()}`,
  );
  console.log(
    `pages: ${PAGES.join(" ")}\nendpoints: ${SELECTED_ENDPOINTS.join(" ")}\n${REPEATS} timed requests each after ${WARM_UP} warm-up, one at a time`,
  );
  await ensureProductionBuild();
  const server = await startTrialServer(DB_PORT);
  const timings: Timing[] = [];
  const afterSave: AfterSave[] = [];
  try {
    for (const size of SIZES) {
      const trial = await openGeneratedTrial(server, size);
      console.log(
        trial.generated
          ? `\n== ${size} patients: generated ${trial.generated.records} form records in ${trial.generated.seconds.toFixed(1)} s (${trial.generated.rejected} refused by their own checks; ${machineLoad()})`
          : `\n== ${size} patients: reusing the generated database (BENCH_REGENERATE=1 to generate it again)`,
      );
      const output: string[] = [];
      const app = await startApp({
        port: APP_PORT,
        databaseUrl: trial.url,
        secret: newAuthSecret(),
        output,
        nodeArgs: process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean),
      });
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (const [reader, account] of Object.entries(READERS)) {
          const cookie = await signInOverHttp(app.baseUrl, account.email, READER_PASSWORD);
          for (const target of [...PAGES, ...SELECTED_ENDPOINTS]) {
            const latencies: number[] = [];
            let last = { status: 0, body: "" };
            let cpuBefore = 0;
            let first = 0;
            for (let i = 0; i < WARM_UP + REPEATS; i++) {
              if (i === WARM_UP) cpuBefore = treeCpuMs(app.child.pid!);
              const t0 = performance.now();
              last = await httpRequest(agent, `${app.baseUrl}${target}`, { headers: { Cookie: cookie } });
              if (i === 0) first = performance.now() - t0;
              if (i >= WARM_UP) latencies.push(performance.now() - t0);
            }
            latencies.sort((a, b) => a - b);
            const timing: Timing = {
              size,
              reader,
              path: target,
              status: last.status,
              bytes: Buffer.byteLength(last.body),
              first,
              median: latencies[Math.floor(latencies.length / 2)]!,
              p95: latencies[Math.min(latencies.length - 1, Math.ceil(0.95 * latencies.length) - 1)]!,
              cpuMs: (treeCpuMs(app.child.pid!) - cpuBefore) / REPEATS,
              load: machineLoad(),
            };
            timings.push(timing);
            console.log(formatRow(timing));
          }
        }
        afterSave.push(...(await measureFirstAfterSave(size, trial.url, app.baseUrl, agent)));
        // Issue 14: the toxicity page and endpoint, first request after one save (PI).
        if (["all", "dashboards", "after-save"].includes(TARGET_CHOICE))
          await reportToxicityAfterSave(size, trial.url, app.baseUrl, agent, app.child.pid!);
        // Issue 14/16: home (PI, coordinator, investigator), grid and data quality, each right after one save.
        if (["work", "all", "after-save"].includes(TARGET_CHOICE))
          await measureWorkPagesAfterSave(app, trial.url, size, READERS);
      } finally {
        agent.destroy();
        await app.stop();
      }
      const errors = output
        .join("")
        .split("\n")
        .filter((l) => /error/i.test(l));
      if (errors.length) console.log(`server errors logged: ${errors.slice(0, 5).join(" | ")}`);
    }
  } finally {
    await server.stop();
  }

  console.log("\nsummary (median / p95 ms; growth = median at the larger size / median at the smaller)");
  for (let s = 1; s < SIZES.length; s++) {
    const [small, large] = [SIZES[s - 1]!, SIZES[s]!];
    console.log(`growth ${small} -> ${large} patients (x${large / small} patients):`);
    for (const t of timings.filter((t) => t.size === large)) {
      const before = timings.find((b) => b.size === small && b.reader === t.reader && b.path === t.path);
      if (before)
        console.log(
          `  ${t.reader.padEnd(11)} ${t.path.padEnd(32)} ${before.median.toFixed(0).padStart(6)} -> ${t.median.toFixed(0).padStart(6)} ms  x${(t.median / before.median).toFixed(1)}; server CPU ${before.cpuMs.toFixed(0)} -> ${t.cpuMs.toFixed(0)} ms x${(t.cpuMs / Math.max(before.cpuMs, 1)).toFixed(1)}`,
        );
    }
  }
  // Issue 16's aim: home work-lists and grid under 300 ms at 10,000 patients; the grid's bytes flat across sizes.
  const work = timings.filter((t) => WORK_PAGES.includes(t.path));
  for (const t of work.filter((t) => t.size === 10_000))
    console.log(
      `work page ${t.reader} ${t.path}: median ${t.median.toFixed(0)} ms ${t.median < WORK_AIM_MS ? "under" : "OVER"} the ${WORK_AIM_MS} ms aim at 10,000 patients (first request ${t.first.toFixed(0)} ms)`,
    );
  for (const path of WORK_PAGES.filter((p) => p.startsWith("/patients/grid"))) {
    const sizes = work.filter((t) => t.path === path && t.reader === "coordinator");
    if (sizes.length > 1)
      console.log(
        `grid page weight ${path}: ${sizes.map((t) => `${t.size} patients ${(t.bytes / 1024).toFixed(1)} KiB`).join(", ")}`,
      );
  }
  if (afterSave.length) {
    console.log("\nfirst request after one save (PI; the save: one lab panel through the API)");
    for (const a of afterSave) {
      const aim = AFTER_SAVE_AIM_MS[a.size];
      console.log(`${formatAfterSave(a)}${aim ? `  ${a.firstMs < aim ? "under" : "OVER"} the ${aim} ms aim` : ""}`);
    }
    if (AFTER_SAVE_RUNS > 1) {
      console.log(`\nfirst request after one save, ${AFTER_SAVE_RUNS} runs each: median and slowest`);
      for (const key of new Set(afterSave.map((a) => `${a.size} ${a.path}`))) {
        const runs = afterSave.filter((a) => `${a.size} ${a.path}` === key).map((a) => a.firstMs);
        runs.sort((a, b) => a - b);
        const [size, path] = key.split(" ");
        const aim = AFTER_SAVE_AIM_MS[Number(size)];
        const median = runs[Math.floor(runs.length / 2)]!;
        const slowest = runs.at(-1)!;
        console.log(
          `${size!.padStart(6)} patients  pi          ${path!.padEnd(32)} median ${median.toFixed(0).padStart(6)} ms  slowest ${slowest.toFixed(0).padStart(6)} ms  (${runs.map((r) => r.toFixed(0)).join(", ")})${aim ? `  median ${median < aim ? "under" : "OVER"}, slowest ${slowest < aim ? "under" : "OVER"} the ${aim} ms aim` : ""}`,
        );
      }
    }
  }
  const over = timings.filter((t) => t.size === 10_000 && t.p95 > AIM_MS);
  console.log(
    over.length
      ? `over the aim (p95 > ${AIM_MS} ms at 10,000 patients): ${over.map((t) => `${t.reader} ${t.path} ${t.p95.toFixed(0)} ms`).join(", ")}`
      : SIZES.includes(10_000)
        ? `every dashboard and endpoint p95 under ${AIM_MS} ms at 10,000 patients`
        : "",
  );
}

async function reportToxicityAfterSave(size: number, url: string, baseUrl: string, agent: http.Agent, pid: number) {
  const readerCookie = await signInOverHttp(baseUrl, READERS.pi.email, READER_PASSWORD);
  console.log(`first request after one save (pi): ${TOXICITY_AFTER_SAVE_TARGETS.join(" ")}`);
  for (const t of await measureToxicityAfterSave({ agent, baseUrl, databaseUrl: url, readerCookie, serverPid: pid })) {
    const aim = AFTER_SAVE_AIM_MS[size];
    console.log(
      `${String(size).padStart(6)} patients  pi          ${t.path.padEnd(32)} HTTP ${t.status}  after a save: median ${t.median.toFixed(0).padStart(5)} ms  (${t.times.map((x) => x.toFixed(0)).join(", ")} ms)  server CPU ${t.cpuMs.toFixed(0).padStart(4)} ms${aim ? `  ${t.median < aim ? "under" : "OVER"} the ${aim} ms aim` : ""}  (${machineLoad()})`,
    );
  }
}

/**
 * For each target: one request (warm), one lab panel saved by a site investigator through the
 * API, then the PI's first request, timed. Each target gets its own save, so none is served by
 * a result another target computed under the new version.
 */
async function measureFirstAfterSave(
  size: number,
  url: string,
  baseUrl: string,
  agent: http.Agent,
): Promise<AfterSave[]> {
  if (AFTER_SAVE_TARGETS.length === 0) return [];
  const writer = await createBenchWriter(url);
  const writerCookie = await signInOverHttp(baseUrl, writer.email, READER_PASSWORD);
  const piCookie = await signInOverHttp(baseUrl, READERS.pi.email, READER_PASSWORD);
  const random = createRandom(size);
  const results: AfterSave[] = [];
  for (const target of AFTER_SAVE_TARGETS.flatMap((t) => Array<string>(AFTER_SAVE_RUNS).fill(t))) {
    await httpRequest(agent, `${baseUrl}${target}`, { headers: { Cookie: piCookie } });
    const s0 = performance.now();
    const saved = await httpRequest(agent, `${baseUrl}/api/v1/patients/${writer.patientId}/forms/labs`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: writerCookie },
      body: JSON.stringify({ visitKey: "unscheduled", data: buildLabs(random, "2026-11-25") }),
    });
    const saveMs = performance.now() - s0;
    if (saved.status !== 201 && saved.status !== 200)
      throw new Error(`save ${saved.status}: ${saved.body.slice(0, 300)}`);
    const t0 = performance.now();
    const answer = await httpRequest(agent, `${baseUrl}${target}`, { headers: { Cookie: piCookie } });
    const result = {
      size,
      path: target,
      status: answer.status,
      saveMs,
      firstMs: performance.now() - t0,
      load: machineLoad(),
    };
    results.push(result);
    console.log(formatAfterSave(result));
  }
  return results;
}

function formatAfterSave(a: AfterSave): string {
  return `${String(a.size).padStart(6)} patients  pi          ${a.path.padEnd(32)} HTTP ${a.status}  first after a save ${a.firstMs.toFixed(0).padStart(6)} ms  (save ${a.saveMs.toFixed(0)} ms; ${a.load})`;
}

function formatRow(t: Timing): string {
  return `${String(t.size).padStart(6)} patients  ${t.reader.padEnd(11)} ${t.path.padEnd(32)} HTTP ${t.status}  first ${t.first.toFixed(0).padStart(6)} ms  median ${t.median.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms  server CPU ${t.cpuMs.toFixed(0).padStart(5)} ms  ${(t.bytes / 1024).toFixed(0).padStart(6)} KiB  (${t.load})`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
