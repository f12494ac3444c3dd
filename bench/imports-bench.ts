import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateTrial } from "./generate-trial";
import { machineLoad, openGeneratedTrial, startTrialServer } from "./lib/generated-trial-db";

/**
 * Import at scale (issue 17): a generated trial (bench/generate-trial.ts) is exported as CDISC
 * ODM 1.3.2 by the app's own export, then imported into a fresh, empty database through
 * runImport (the one write path: validation, computed values, cross-form checks, audit), real
 * run. The import runs in a child process, so its peak memory (the kernel's maxRSS of that
 * process) is the import's alone. Prints patients per second and peak RSS.
 *
 *   npm run bench:imports                          # 10,000 patients
 *   BENCH_IMPORT_PATIENTS=500,2000 npm run bench:imports
 *
 * runImport is called directly with the file as a stream, as the route hands it the request
 * body: the HTTP route caps a body at 64 MB, which a 10,000-patient file exceeds, and the cap is
 * not what is measured here. BENCH_IMPORT_REUSE=1 reuses a file (and its sites) exported by an
 * earlier run instead of generating and exporting the trial again. BENCH_IMPORT_FROM_TRIALS=1 exports
 * the file from the scale benchmarks' generated trial (bench/lib/generated-trial-db.ts, in
 * .data/bench-trials-<port>, e.g. a copy of a ready 10,000-patient one) instead of generating one.
 */
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 54412);
const SIZES = (process.env.BENCH_IMPORT_PATIENTS ?? "10000").split(",").map(Number);
const REUSE = process.env.BENCH_IMPORT_REUSE === "1";
const FROM_TRIALS = process.env.BENCH_IMPORT_FROM_TRIALS === "1";
const MiB = 1024 * 1024;
const BENCH_USER = { email: "importer@bench.test", name: "Bench importer" };

const actorOf = (userId: string): Actor => ({
  userId,
  email: BENCH_USER.email,
  name: BENCH_USER.name,
  assignments: [{ role: "DATA_MANAGER", siteId: null }],
});

const switchPrisma = (client: PrismaClient) =>
  ((globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = client);

async function createDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** The bench user (for the audit rows' actor) and, in the target, the source's sites by code. */
async function prepare(url: string, userId: string, sites: { id: string; code: string; name: string }[] | null) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, active, updated_at) VALUES ($1, $2, $3, '!', true, now())`,
      [userId, BENCH_USER.email, BENCH_USER.name],
    );
    if (sites) {
      for (const site of sites) {
        await client.query(
          `INSERT INTO sites (id, code, name, city, country, target_enrollment) VALUES ($1, $2, $3, 'Synthetic', 'Synthetic', 1000)`,
          [randomUUID(), site.code, site.name],
        );
      }
      return [];
    }
    return (
      await client.query<{ id: string; code: string; name: string }>(
        "SELECT id::text, code, name FROM sites ORDER BY code",
      )
    ).rows;
  } finally {
    await client.end();
  }
}

/** The ODM file and the sites of a trial, exported by the app's own export. */
async function exportTrial(url: string, userId: string, file: string, sitesFile: string) {
  const sites = await prepare(url, userId, null);
  await writeFile(sitesFile, JSON.stringify(sites));
  const { exportOdm } = await import("@/lib/data/exports/odm-export");
  const source = createPrismaClient(url, 4);
  switchPrisma(source);
  const exportStarted = performance.now();
  const odm = await exportOdm(actorOf(userId), {});
  await pipeline(
    Readable.fromWeb(odm.stream as import("node:stream/web").ReadableStream<Uint8Array>),
    createWriteStream(file),
  );
  await source.$disconnect();
  console.log(`ODM export in ${((performance.now() - exportStarted) / 1000).toFixed(0)} s (${file})`);
}

/** The files of the sizes not exported yet, from the scale benchmarks' generated trials (its own server, stopped before the import's starts on the same port). */
async function exportFromGeneratedTrials(workDir: string) {
  const missing = SIZES.filter((size) => !REUSE || !existsSync(path.join(workDir, `trial-${size}.xml`)));
  if (!missing.length) return;
  const server = await startTrialServer(DB_PORT);
  try {
    for (const size of missing) {
      const trial = await openGeneratedTrial(server, size);
      const userId = randomUUID();
      await exportTrial(
        trial.url,
        userId,
        path.join(workDir, `trial-${size}.xml`),
        path.join(workDir, `trial-${size}.sites.json`),
      );
    }
  } finally {
    await server.stop();
  }
}
/**
 * WebAssembly memories of the instances created from now on (Prisma's query compiler among
 * them): a WebAssembly memory only grows, and it is outside the JS heap.
 */
function trackWebAssemblyMemories(): () => number {
  const memories: WebAssembly.Memory[] = [];
  const keep = (instance: WebAssembly.Instance) => {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
  };
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...args: unknown[]) => Promise<unknown>;
  (WebAssembly as unknown as { instantiate: unknown }).instantiate = async (...args: unknown[]) => {
    const result = await instantiate(...args);
    keep(result instanceof WebAssembly.Instance ? result : (result as { instance: WebAssembly.Instance }).instance);
    return result;
  };
  const Instance = WebAssembly.Instance;
  (WebAssembly as unknown as { Instance: unknown }).Instance = new Proxy(Instance, {
    construct(target, args: [WebAssembly.Module, WebAssembly.Imports?]) {
      const instance = new target(...args);
      keep(instance);
      return instance;
    },
  });
  return () => memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0);
}

class TimeLimit extends Error {}

/** Child: stream the file into a real import; print the report's counts, the time and the process's peak RSS. */
async function importChild(file: string, userId: string) {
  const wasmBytes = trackWebAssemblyMemories();
  // Statements sent to PostgreSQL (every query of the pg driver under Prisma's adapter, BEGIN and COMMIT included).
  let statements = 0;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return query.apply(this, args);
  };
  const { runImport } = await import("@/lib/data/imports");
  // The JS heap in use, sampled: with garbage not yet collected, but not the process's other memory.
  // External: Buffers and other memory V8 tracks outside its heap.
  let maxHeapMiB = 0;
  let maxExternalMiB = 0;
  setInterval(() => {
    const memory = process.memoryUsage();
    maxHeapMiB = Math.max(maxHeapMiB, memory.heapUsed / MiB);
    maxExternalMiB = Math.max(maxExternalMiB, memory.external / MiB);
  }, 500).unref();
  // The memory curve: every BENCH_IMPORT_CURVE_EVERY patients (after a full collection when run with --expose-gc).
  const every = Number(process.env.BENCH_IMPORT_CURVE_EVERY ?? 0);
  const started = performance.now();
  // BENCH_IMPORT_SECONDS: stop after the patient that ends past this many seconds (each patient is
  // committed whole), for a file too large for the time at hand; the figures are then of the part imported.
  const limitSeconds = Number(process.env.BENCH_IMPORT_SECONDS ?? Infinity);
  let imported = 0;
  const curve = (done: number) => {
    imported = done;
    if ((performance.now() - started) / 1000 > limitSeconds) throw new TimeLimit();
    if (!every || done % every) return;
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    const mib = (bytes: number) => (bytes / MiB).toFixed(0);
    console.error(
      `  ${done} patients, ${((performance.now() - started) / 1000).toFixed(0)} s: rss ${mib(m.rss)} MiB, heapUsed ${mib(m.heapUsed)}, ` +
        `external ${mib(m.external)} (arrayBuffers ${mib(m.arrayBuffers)}), wasm ${mib(wasmBytes())}; load ${machineLoad()}`,
    );
  };
  const body = createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>;
  const report = await (
    process.env.BENCH_IMPORT_PARSE_ONLY === "1"
      ? parseOnly(body, curve)
      : runImport(actorOf(userId), {
          format: "odm",
          body,
          dryRun: false,
          maxBytes: Infinity,
          onPatient: curve,
          // BENCH_IMPORT_AT_ONCE=1: one patient after the other, as before session 8.
          ...(process.env.BENCH_IMPORT_AT_ONCE ? { patientsAtOnce: Number(process.env.BENCH_IMPORT_AT_ONCE) } : {}),
        })
  ).catch((error: unknown) => {
    if (!(error instanceof TimeLimit)) throw error;
    return { patients: { created: imported }, forms: { created: null }, errors: [] as unknown[] };
  });
  const seconds = (performance.now() - started) / 1000;
  const result = {
    seconds,
    stoppedAt: report.patients.created === imported && imported && limitSeconds < Infinity ? imported : null,
    patients: report.patients,
    forms: report.forms,
    errors: report.errors.length,
    firstErrors: report.errors.slice(0, 3),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    maxHeapMiB,
    maxExternalMiB,
    // The import's own CPU (parse, validation, computes, Prisma); the rest of the wall time is the database's and waiting.
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    systemCpuSeconds: process.cpuUsage().system / 1e6,
    statements,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** The import's two passes over the file without the writes (BENCH_IMPORT_PARSE_ONLY=1): parsing's share of the memory. */
async function parseOnly(body: AsyncIterable<Uint8Array>, onPatient: (done: number) => void) {
  const { spoolImportBody } = await import("@/lib/import/import-spool");
  const { createOdmChecker, streamOdmSubjects } = await import("@/lib/import/odm-import");
  const checker = createOdmChecker();
  const spooled = await spoolImportBody(body, { maxBytes: Infinity, onChunk: (chunk) => checker.write(chunk) });
  checker.end();
  let done = 0;
  let forms = 0;
  for await (const patient of streamOdmSubjects(spooled.chunks(), checker.repeatedKeys())) {
    forms += patient.forms.length;
    onPatient(++done);
  }
  await spooled.remove();
  return { patients: { created: done }, forms: { created: forms }, errors: [] as unknown[] };
}

function runChild(file: string, userId: string, databaseUrl: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // e.g. BENCH_IMPORT_CHILD_FLAGS="--cpu-prof --cpu-prof-dir=.data/prof" to profile the import alone.
        ...(process.env.BENCH_IMPORT_CHILD_FLAGS ?? "").split(" ").filter(Boolean),
        "--import",
        "tsx",
        "--conditions=react-server",
        import.meta.filename,
        "--import-child",
        file,
        userId,
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          DATABASE_POOL_SIZE: "4",
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomUUID() + randomUUID(),
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !line) reject(new Error(`import child exited ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice("RESULT ".length)) as Record<string, unknown>);
    });
  });
}

async function main() {
  const workDir = path.join(".data", "bench-imports-files");
  await mkdir(workDir, { recursive: true });
  if (FROM_TRIALS) await exportFromGeneratedTrials(workDir);
  // The files only (a long export apart from the timed imports).
  if (process.env.BENCH_IMPORT_EXPORT_ONLY === "1") return;
  const server = await startEmbeddedPostgres({
    dataDir: path.join(".data", `bench-imports-${DB_PORT}`),
    port: DB_PORT,
    fresh: true,
  });
  console.log(`bench:imports on ${os.cpus().length} cores, Node ${process.version}; load before: ${machineLoad()}`);
  try {
    for (const size of SIZES) {
      const userId = randomUUID();
      const sourceName = `import_source_${size}`;
      const targetName = `import_target_${size}`;
      const file = path.join(workDir, `trial-${size}.xml`);
      const sitesFile = path.join(workDir, `trial-${size}.sites.json`);
      if (!FROM_TRIALS && (!REUSE || !existsSync(file) || !existsSync(sitesFile))) {
        await createDatabase(server.urlFor("postgres"), sourceName);
        const generated = await generateTrial(server.urlFor(sourceName), { patients: size });
        console.log(`${size} patients generated: ${generated.records} forms in ${generated.seconds.toFixed(0)} s`);
        await exportTrial(server.urlFor(sourceName), userId, file, sitesFile);
      } else console.log(`reusing ${file}`);
      const sites = JSON.parse(await readFile(sitesFile, "utf8")) as { id: string; code: string; name: string }[];
      const bytes = (await stat(file)).size;

      await createDatabase(server.urlFor("postgres"), targetName);
      await applyMigrations(server.urlFor(targetName));
      await prepare(server.urlFor(targetName), userId, sites);
      const loadBefore = machineLoad();
      const result = await runChild(file, userId, server.urlFor(targetName));
      const patients = result.patients as Record<string, number>;
      const seconds = result.seconds as number;
      const stoppedAt = result.stoppedAt as number | null;
      const done = stoppedAt ?? size;
      console.log(
        `import of ${stoppedAt ? `the first ${stoppedAt} (time limit) of ` : ""}${size} patients (${(bytes / MiB).toFixed(1)} MiB ODM): ${seconds.toFixed(1)} s, ` +
          `${(done / seconds).toFixed(2)} patients/s, peak RSS ${(result.maxRssMiB as number).toFixed(0)} MiB ` +
          `(JS heap ${(result.maxHeapMiB as number).toFixed(0)} MiB, external ${(result.maxExternalMiB as number).toFixed(0)} MiB), ` +
          `import CPU ${(result.cpuSeconds as number).toFixed(1)} s (system ${(result.systemCpuSeconds as number).toFixed(1)} s), ` +
          `${((result.statements as number) / done).toFixed(0)} statements a patient; ` +
          `patients ${JSON.stringify(patients)}, forms ${JSON.stringify(result.forms)}, errors ${result.errors as number}` +
          `${(result.errors as number) ? ` e.g. ${JSON.stringify(result.firstErrors)}` : ""}; load ${loadBefore} -> ${machineLoad()}`,
      );
    }
  } finally {
    await server.stop();
  }
}

if (process.argv[2] === "--import-child") {
  void importChild(process.argv[3]!, process.argv[4]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
