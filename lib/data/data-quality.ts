import "server-only";
import { siteFilter, scopeOf, type Actor } from "@/lib/auth/actor";
import { summarizeQualityCounts, type SiteQuality } from "@/lib/analysis/data-quality";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";
import { cachedByDataVersion } from "./cached-by-version";
import { countOpenQueries } from "./data-queries";
import { countCurrentFieldVerifications } from "./field-verification";
import { keptPatientCounts } from "./schedule-facts";

export interface DataQualityView {
  sites: (SiteQuality & { siteName: string })[];
  today: string;
}

/**
 * Missing and overdue forms (visit schedule), open queries, unsigned complete forms, labs
 * without a pre-treatment baseline and source-verified forms and fields per site, for the sites where the caller holds quality.read.
 */
export async function getDataQuality(
  actor: Actor,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<DataQualityView> {
  const scope = scopeOf(actor, "quality.read");
  if (scope.kind === "none") throw new ForbiddenError();
  const inScope = siteFilter(actor, "quality.read");
  // Kept per (sites, day, data version): "overdue" depends on the day, everything else on the data.
  // Open queries are counted on the patient.read sites, so those are part of the key too.
  const key = JSON.stringify([inScope, siteFilter(actor, "patient.read"), today]);
  return cachedByDataVersion(`data-quality|${key}`, (version) => computeDataQuality(actor, inScope, today, version));
}

async function computeDataQuality(
  actor: Actor,
  inScope: ReturnType<typeof siteFilter>,
  today: string,
  version: string,
): Promise<DataQualityView> {
  const [sites, openQueries, verifiedFields, counts] = await Promise.all([
    getPrisma().site.findMany({
      where: inScope.siteId ? { id: inScope.siteId } : {},
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true },
    }),
    countOpenQueries(actor),
    countCurrentFieldVerifications(inScope),
    // Kept per patient in the save's transaction: no request re-reads the trial's forms.
    keptPatientCounts(scopeOf(actor, "quality.read"), today, version),
  ]);
  const summary = summarizeQualityCounts(
    sites.map((s) => s.code),
    counts,
    openQueries.byPatient,
    Object.fromEntries(verifiedFields),
  );
  return { today, sites: summary.map((s, i) => ({ ...s, siteName: sites[i]!.name })) };
}
