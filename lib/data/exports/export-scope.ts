import "server-only";
import { randomUUID } from "node:crypto";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { exportFileName } from "@/lib/export/export-file-name";
import { ExportFiltersSchema, type ExportFilters, type ExportFormat } from "@/lib/schemas/export";

export interface ExportSite {
  id: string;
  code: string;
  name: string;
  country: string;
  /** The day the site was set up: when the forms' metadata took effect there. */
  createdAt: string;
}

/** What one export may read: the caller's sites for export.run, narrowed by the filters. */
export interface ExportScope {
  exportId: string;
  actor: Actor;
  format: ExportFormat;
  filters: ExportFilters;
  sites: ExportSite[];
  patientCount: number;
  /** The download's name: study, format, site filter and day (lib/export/export-file-name). */
  fileName: (extension: string) => string;
}

/**
 * Opens an export: checks export.run, resolves the sites (a site outside the caller's scope
 * is "not found", like a missing one) and counts the patients for the progress total.
 */
export async function openExport(actor: Actor, format: ExportFormat, rawFilters: unknown): Promise<ExportScope> {
  const scope = scopeOf(actor, "export.run");
  if (scope.kind === "none") throw new ForbiddenError("You do not have permission to export trial data.");
  const parsed = ExportFiltersSchema.safeParse(rawFilters);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  const filters = parsed.data;
  const visible = (
    await getPrisma().site.findMany({
      where: scope.kind === "sites" ? { id: { in: scope.siteIds } } : {},
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, country: true, createdAt: true },
    })
  ).map((site) => ({ ...site, createdAt: site.createdAt.toISOString().slice(0, 10) }));
  const wanted = filters.site.map((code) => code.toUpperCase());
  for (const code of wanted) if (!visible.some((s) => s.code === code)) throw new NotFoundError("Site");
  const sites = wanted.length ? visible.filter((s) => wanted.includes(s.code)) : visible;
  const [patientCount, study] = await Promise.all([
    getPrisma().patient.count({ where: { siteId: { in: sites.map((s) => s.id) }, deletedAt: null } }),
    getPrisma().studySettings.findFirst({ orderBy: { id: "asc" }, select: { protocolCode: true } }),
  ]);
  const startedAt = new Date();
  const fileName = (extension: string) =>
    exportFileName({
      protocolCode: study?.protocolCode ?? "",
      format,
      siteCodes: wanted,
      exportedAt: startedAt,
      extension,
    });
  return { exportId: randomUUID(), actor, format, filters: { site: wanted }, sites, patientCount, fileName };
}
