import http from "node:http";
import os from "node:os";
import pg from "pg";
import { ensureProductionBuild, newAuthSecret, startApp } from "./lib/app-server";
import { machineLoad, openGeneratedTrial, READER_PASSWORD, READERS, startTrialServer } from "./lib/generated-trial-db";
import { resetPeak, sampleRss, treePeak, treeRss } from "./lib/process-memory";
import { signInOverHttp } from "./lib/sign-in";

/**
 * Exports at scale (issue 8, benchmark 3): CSV, ODM and SDTM export of the generated trials
 * (the same databases as bench:dashboards, generated on first use) as the PI, over the real
 * streamed route of the production build. Per export: time, bytes, bytes per second, and the
 * server's peak memory during it (RSS of the next-server process tree sampled every 50 ms, and
 * the kernel's VmHWM reset before each export), against the baseline after sign-in. Memory
 * that stays flat from 1,000 to 10,000 patients is the aim.
 *
 *   npm run bench:exports
 *   BENCH_PATIENTS=1000,10000,100000 npm run bench:exports
 */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3212);
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 54411);
const SIZES = (process.env.BENCH_PATIENTS ?? "1000,10000").split(",").map(Number);
const FORMATS = ["csv", "odm", "sdtm"] as const;
const MiB = 1024 * 1024;

interface ExportRun {
  size: number;
  format: string;
  status: number;
  bytes: number;
  seconds: number;
  baselineMiB: number;
  sampledPeakMiB: number;
  hwmPeakMiB: number | null;
  load: string;
}

/** Starts the export (a POST with a JSON body, as the exports page does), streams it and counts its bytes without keeping them. */
function download(url: string, cookie: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on("error", reject);
      })
      .on("error", reject)
      .end("{}");
  });
}

async function firstSiteCode(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ code: string }>("SELECT code FROM sites ORDER BY code LIMIT 1")).rows[0]!.code;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${machineLoad()}`,
  );
  await ensureProductionBuild();
  const server = await startTrialServer(DB_PORT);
  const runs: ExportRun[] = [];
  try {
    for (const size of SIZES) {
      const trial = await openGeneratedTrial(server, size);
      console.log(
        `\n== ${size} patients${trial.generated ? `: generated ${trial.generated.records} form records in ${trial.generated.seconds.toFixed(1)} s` : " (generated database reused)"}`,
      );
      // A fresh server per size, so every size starts from the same baseline.
      const app = await startApp({ port: APP_PORT, databaseUrl: trial.url, secret: newAuthSecret() });
      try {
        const cookie = await signInOverHttp(app.baseUrl, READERS.pi.email, READER_PASSWORD);
        // Warm the route code (first compile of the handlers) on a one-site export, not timed.
        const site = await firstSiteCode(trial.url);
        for (const format of FORMATS) await download(`${app.baseUrl}/api/v1/exports/${format}?site=${site}`, cookie);
        const pid = app.child.pid!;
        console.log(
          `server baseline after sign-in and warm-up: RSS ${(treeRss(pid) / 1024).toFixed(0)} MiB (${machineLoad()})`,
        );
        for (const format of FORMATS) {
          const baselineMiB = treeRss(pid) / 1024;
          const hwmReset = resetPeak(pid);
          const sampler = sampleRss(pid);
          const t0 = performance.now();
          const { status, bytes } = await download(`${app.baseUrl}/api/v1/exports/${format}`, cookie);
          const seconds = (performance.now() - t0) / 1000;
          const run: ExportRun = {
            size,
            format,
            status,
            bytes,
            seconds,
            baselineMiB,
            sampledPeakMiB: sampler.stop() / 1024,
            hwmPeakMiB: hwmReset ? treePeak(pid) / 1024 : null,
            load: machineLoad(),
          };
          runs.push(run);
          console.log(
            `${String(size).padStart(6)} patients  ${format.padEnd(4)} HTTP ${status}  ${seconds.toFixed(1).padStart(6)} s  ${(bytes / MiB).toFixed(1).padStart(7)} MiB  ` +
              `${(bytes / MiB / seconds).toFixed(2).padStart(6)} MiB/s  RSS before ${baselineMiB.toFixed(0)} MiB, peak ${run.sampledPeakMiB.toFixed(0)} MiB sampled` +
              `${run.hwmPeakMiB === null ? "" : ` / ${run.hwmPeakMiB.toFixed(0)} MiB VmHWM`}  (${run.load})`,
          );
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await server.stop();
  }
  console.log("\ngrowth (largest size against the smallest): time, bytes, peak RSS");
  const [small, large] = [SIZES[0]!, SIZES.at(-1)!];
  for (const format of FORMATS) {
    const a = runs.find((r) => r.size === small && r.format === format);
    const b = runs.find((r) => r.size === large && r.format === format);
    if (!a || !b || a === b) continue;
    const peak = (r: ExportRun) => r.hwmPeakMiB ?? r.sampledPeakMiB;
    console.log(
      `  ${format.padEnd(4)} x${large / small} patients: time x${(b.seconds / a.seconds).toFixed(1)}, bytes x${(b.bytes / a.bytes).toFixed(1)}, ` +
        `peak RSS ${peak(a).toFixed(0)} -> ${peak(b).toFixed(0)} MiB (x${(peak(b) / peak(a)).toFixed(2)}), growth over baseline ${(peak(a) - a.baselineMiB).toFixed(0)} -> ${(peak(b) - b.baselineMiB).toFixed(0)} MiB`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
