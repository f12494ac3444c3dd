import { handleImportRequest } from "@/lib/http/import-handler";
import { withActor } from "@/lib/http/with-actor";

export const dynamic = "force-dynamic";

/** Imports take the file itself as the body: XML or zip, types a cross-site form cannot send. */
export const POST = withActor(handleImportRequest, { bodyTypes: ["application/xml", "text/xml", "application/zip"] });
