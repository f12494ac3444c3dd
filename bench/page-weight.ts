import os from "node:os";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import pg from "pg";
import { ensureProductionBuild, newAuthSecret, startApp } from "./lib/app-server";
import { machineLoad, openGeneratedTrial, READER_PASSWORD, READERS, startTrialServer } from "./lib/generated-trial-db";
import { signInOverHttp } from "./lib/sign-in";
import { CHROMIUM_LAUNCH } from "@/lib/print/chromium";

/**
 * Page weight (issue 8, benchmark 4): the JavaScript each main page loads in headless Chromium
 * from the production build (every response of resource type "script", gzip-compressed here
 * at level 9 so the figure does not depend on the server's compression), and how soon the page
 * is usable. Served from the generated 1,000-patient trial, signed in as the PI.
 *
 * What "time to interactive" means here (Chromium, no throttling, cold cache per page):
 * - load: navigation start to the load event (PerformanceNavigationTiming.loadEventEnd);
 * - TTI: the later of DOMContentLoaded and the end of the last long task (> 50 ms, observed
 *   with PerformanceObserver from before navigation) seen until the network is idle (no
 *   request for 500 ms; at most 10 s after the load event), i.e.
 *   when the main thread is first free for good after hydration;
 * - input delay: after network idle, a click on the page body is dispatched and the time until
 *   its handler runs (event.timeStamp to handler) is read: the main thread's responsiveness.
 *
 *   npm run bench:page-weight
 */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3213);
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 54411);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

interface PageFigures {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  loadMs: number;
  ttiMs: number;
  inputDelayMs: number;
}

const OBSERVE_LONG_TASKS = () => {
  const w = window as unknown as { __longTasks: { start: number; end: number }[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: "longtask", buffered: true });
};

async function measure(page: Page, url: string): Promise<PageFigures> {
  const scripts = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => void scripts.set(response.url(), body),
        () => undefined,
      ),
    );
  });
  const answer = await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  if (!answer?.ok()) throw new Error(`${url}: HTTP ${answer?.status()}`);
  // A page that polls never goes idle: then the figures are taken 10 s after the load event.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
  await Promise.all(pending);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const tasks = (window as unknown as { __longTasks: { end: number }[] }).__longTasks;
    return {
      load: nav.loadEventEnd,
      dcl: nav.domContentLoadedEventEnd,
      lastLongTask: tasks.reduce((m, t) => Math.max(m, t.end), 0),
    };
  });
  const inputDelayMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        document.body.addEventListener("click", (event) => resolve(performance.now() - event.timeStamp), {
          once: true,
        });
        // A trusted click would need coordinates; the dispatch timestamp is what is compared.
        document.body.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      }),
  );
  const bodies = [...scripts.values()];
  return {
    scripts: bodies.length,
    rawBytes: bodies.reduce((s, b) => s + b.length, 0),
    gzipBytes: bodies.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    loadMs: timing.load,
    ttiMs: Math.max(timing.dcl, timing.lastLongTask),
    inputDelayMs,
  };
}

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${machineLoad()}`,
  );
  await ensureProductionBuild();
  const server = await startTrialServer(DB_PORT);
  const trial = await openGeneratedTrial(server, PATIENTS);
  const client = new pg.Client({ connectionString: trial.url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `SELECT p.id FROM patients p JOIN crf_records r ON r.patient_id = p.id AND r.form_type = 'tumour-assessment' ORDER BY p.subject_id LIMIT 1`,
  );
  await client.end();
  const patientId = rows[0]!.id;
  const app = await startApp({ port: APP_PORT, databaseUrl: trial.url, secret: newAuthSecret() });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const cookie = await signInOverHttp(app.baseUrl, READERS.pi.email, READER_PASSWORD);
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    const pages: [string, string, boolean][] = [
      ["login", "/login", false],
      ["patients list", "/patients", true],
      ["patient page", `/patients/${patientId}`, true],
      ["form (tumour assessment)", `/patients/${patientId}/forms/tumour-assessment?visit=week8`, true],
      ["form (adverse event, new)", `/patients/${patientId}/forms/adverse-event`, true],
      ["dashboard enrollment", "/dashboards/enrollment", true],
      ["dashboard efficacy", "/dashboards/efficacy", true],
      ["dashboard biomarkers", "/dashboards/biomarkers", true],
    ];
    console.log(
      `${PATIENTS}-patient trial, PI signed in; median of ${REPEATS} cold loads per page (new browser context each)`,
    );
    for (const [label, path, signedIn] of pages) {
      const runs: PageFigures[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const context = await browser.newContext();
        if (signedIn) await context.addCookies([{ name, value, url: app.baseUrl }]);
        await context.addInitScript(OBSERVE_LONG_TASKS);
        const page = await context.newPage();
        runs.push(await measure(page, `${app.baseUrl}${path}`));
        await context.close();
      }
      const median = (pick: (r: PageFigures) => number) =>
        runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
      const r = runs[0]!;
      console.log(
        `${label.padEnd(27)} JS ${String(r.scripts).padStart(2)} files ${(r.rawBytes / 1024).toFixed(0).padStart(5)} KiB raw ${(r.gzipBytes / 1024).toFixed(0).padStart(4)} KiB gzip  ` +
          `load ${median((x) => x.loadMs)
            .toFixed(0)
            .padStart(5)} ms  TTI ${median((x) => x.ttiMs)
            .toFixed(0)
            .padStart(5)} ms  input delay ${median((x) => x.inputDelayMs)
            .toFixed(1)
            .padStart(5)} ms  (${machineLoad()})`,
      );
    }
  } finally {
    await browser.close();
    await app.stop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
