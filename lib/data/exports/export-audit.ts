import "server-only";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { ExportScope } from "./export-scope";

/**
 * The audit record of an export: who, which format, which filters and sites, how many rows
 * per file, and whether it completed (a download the client abandoned is recorded too).
 */
export async function recordExportAudit(
  scope: ExportScope,
  outcome: { rowCounts: Record<string, number>; completed: boolean },
): Promise<void> {
  const { actor } = scope;
  await getPrisma().$transaction(async (tx) => {
    await writeAudit(tx, actor, {
      action: "EXPORT",
      entityType: "export",
      entityId: scope.exportId,
      changes: [
        { field: "format", from: null, to: scope.format },
        { field: "filters", from: null, to: scope.filters },
        { field: "sites", from: null, to: scope.sites.map((s) => s.code) },
        { field: "patients", from: null, to: scope.patientCount },
        { field: "rowCounts", from: null, to: outcome.rowCounts },
        { field: "completed", from: null, to: outcome.completed },
      ],
      reason: outcome.completed ? null : "Export stopped before the end (the download was cancelled or failed).",
    });
  });
}
