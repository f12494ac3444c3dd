export const dynamic = "force-dynamic";

/**
 * A route that touches no database and no session: the framework's own ceiling for the
 * load benchmark (bench/form-save-bench.ts), and a liveness probe that stays up while the
 * database is down (use /api/health for readiness).
 */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
