import { checkDatabase } from "@/lib/data/health";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers: 200 when the database answers, else 503. */
export async function GET(): Promise<Response> {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "degraded", version: packageJson.version, database };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
