import http from "node:http";

/**
 * A closed-loop load generator: `workers` virtual users, each sending its next request as
 * soon as the previous one answered, for a fixed time. Every request's latency is kept, so
 * p50/p95/p99 are exact (autocannon reports p97.5, not p95), and each worker can carry its
 * own session cookie. Node's http with keep-alive keeps the generator's own cost low.
 */
export interface LoadResult {
  workers: number;
  requests: number;
  failures: number;
  statuses: Record<string, number>;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export type LoadTask = (worker: number, iteration: number) => Promise<number>;

export async function runLoad(options: {
  workers: number;
  seconds: number;
  task: LoadTask;
  okStatus?: (status: number) => boolean;
}): Promise<LoadResult> {
  const ok = options.okStatus ?? ((s) => s >= 200 && s < 300);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.workers }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        const t0 = performance.now();
        let status: number;
        try {
          status = await options.task(worker, iteration);
        } catch (error) {
          status = 0;
          statuses[(error as Error).message.slice(0, 60)] = (statuses[(error as Error).message.slice(0, 60)] ?? 0) + 1;
        }
        latencies.push(performance.now() - t0);
        statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
        if (!ok(status)) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    workers: options.workers,
    requests: latencies.length,
    failures,
    statuses,
    seconds,
    throughput: (latencies.length - failures) / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

export function formatLoad(label: string, r: LoadResult): string {
  const fixed = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(22)} users ${String(r.workers).padStart(3)}  ${r.throughput.toFixed(0).padStart(5)} req/s  p50 ${fixed(r.p50)} ms  p95 ${fixed(r.p95)} ms  p99 ${fixed(r.p99)} ms  (${r.requests} requests, ${r.failures} failed${r.failures ? ` ${JSON.stringify(r.statuses)}` : ""})`;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** One request over a keep-alive agent; resolves with the status and the body text. */
export function httpRequest(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { agent, method: options.method ?? "GET", headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
