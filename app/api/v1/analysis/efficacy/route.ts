import { handleEfficacyRequest } from "@/lib/http/analysis-handlers";
import { withActor } from "@/lib/http/with-actor";

export const dynamic = "force-dynamic";

export const GET = withActor(handleEfficacyRequest);
