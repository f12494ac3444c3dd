import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Where a server's CPU went during one phase of a benchmark, from the V8 profile `node
 * --cpu-prof` writes when the process exits. The profile's timestamps and the benchmark's
 * `process.hrtime` read the same monotonic clock, so samples can be kept to the phase's window
 * (sign-in, warm-up and the other phases are left out).
 *
 * A sample is wall time between two ticks, charged to the function on the stack: on a loaded
 * machine a thread that waits for a CPU after a syscall woke PostgreSQL (the driver's socket
 * `writev`) is charged for the wait too. Read the parts as shares; the benchmark's CPU per
 * request (from /proc) is the real cost.
 */
export interface ProfileWindow {
  /** process.hrtime.bigint() / 1000n at the phase's start and end. */
  fromMicros: bigint;
  toMicros: bigint;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Now on the clock the profile's timestamps use, in microseconds. */
export function monotonicMicros(): bigint {
  return process.hrtime.bigint() / 1000n;
}

/**
 * Self time by part of the stack, in the order the save should be read: what the app's code
 * and its libraries cost, then the runtime under them. The first matching rule wins.
 */
const PARTS: [string, (frame: CallFrame) => boolean][] = [
  ["idle", (f) => f.functionName === "(idle)"],
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  ["Prisma client", (f) => /@prisma\/|generated\/prisma/.test(f.url)],
  ["pg driver", (f) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(f.url)],
  ["next-auth, jose (session)", (f) => /node_modules\/(next-auth|jose|@panva|openid-client)\//.test(f.url)],
  ["Next.js server", (f) => /node_modules\/next\//.test(f.url)],
  ["React", (f) => /node_modules\/react(-dom|-server-dom[^/]*)?\//.test(f.url)],
  ["app and bundled libraries (.next chunks)", (f) => /\.next\//.test(f.url)],
  ["other node_modules", (f) => /node_modules\//.test(f.url)],
  [
    "Node: sockets, streams, HTTP",
    (f) =>
      /node:(net|_http|http|internal\/(streams|webstreams|stream_base|http|deps\/undici))/.test(f.url) ||
      (f.url === "" && /^(writev|writeUtf8String|writeBuffer|writeLatin1String|readv?)$/.test(f.functionName)),
  ],
  ["Node: crypto", (f) => /node:(crypto|internal\/crypto)/.test(f.url)],
  [
    "Node: async hooks, promises, timers",
    (f) =>
      /node:(async_hooks|internal\/(async_hooks|process\/task_queues|timers))/.test(f.url) ||
      f.functionName === "runMicrotasks",
  ],
  ["Node: other", (f) => f.url.startsWith("node:")],
  ["native and V8 (program, JSON, regexp)", () => true],
];

export interface ProfileSummary {
  /** Sampled milliseconds in the window, idle included. */
  totalMs: number;
  parts: { part: string; ms: number }[];
  top: { frame: string; ms: number }[];
}

export function summarizeProfile(profile: CpuProfile, window: ProfileWindow, topCount = 12): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const partMs = new Map<string, number>();
  const frameMs = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < Number(window.fromMicros) || at > Number(window.toMicros)) continue;
    const frame = frames.get(profile.samples[i]!)!;
    total += delta;
    const part = PARTS.find(([, matches]) => matches(frame))![0];
    partMs.set(part, (partMs.get(part) ?? 0) + delta);
    if (part !== "idle") {
      const key = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}`;
      frameMs.set(key, (frameMs.get(key) ?? 0) + delta);
    }
  }
  const ms = (micros: number) => micros / 1000;
  return {
    totalMs: ms(total),
    parts: PARTS.map(([part]) => ({ part, ms: ms(partMs.get(part) ?? 0) })).filter((p) => p.ms > 0),
    top: [...frameMs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([frame, micros]) => ({ frame, ms: ms(micros) })),
  };
}

function shortUrl(url: string): string {
  return url.replace(/^.*\/(node_modules|\.next)\//, "$1/").slice(-60);
}

/** The one profile a server wrote into `directory` (it is written when the server exits). */
export function readProfile(directory: string): CpuProfile {
  const files = readdirSync(directory).filter((file) => file.endsWith(".cpuprofile"));
  if (files.length !== 1) throw new Error(`expected one .cpuprofile in ${directory}, found ${files.length}`);
  return JSON.parse(readFileSync(path.join(directory, files[0]!), "utf8")) as CpuProfile;
}

/** The summary as printed lines, per request of the phase. */
export function formatProfile(summary: ProfileSummary, requests: number): string[] {
  const per = (ms: number) => (ms / Math.max(requests, 1)).toFixed(2).padStart(6);
  const busy = summary.parts.filter((p) => p.part !== "idle").reduce((sum, p) => sum + p.ms, 0);
  return [
    `profile of the phase: ${requests} requests, ${per(busy)} ms of sampled CPU per request (idle left out); self time per request by part:`,
    ...summary.parts
      .filter((p) => p.part !== "idle")
      .sort((a, b) => b.ms - a.ms)
      .map((p) => `  ${per(p.ms)} ms  ${p.part}`),
    `heaviest functions (self time per request):`,
    ...summary.top.map((t) => `  ${per(t.ms)} ms  ${t.frame}`),
  ];
}
