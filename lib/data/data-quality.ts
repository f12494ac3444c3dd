import "server-only";
import { siteFilter, scopeOf, type Actor } from "@/lib/auth/actor";
import {
  summarizeDataQuality,
  type QualityPatient,
  type QualityRecord,
  type SiteQuality,
} from "@/lib/analysis/data-quality";
import { getPrisma } from "@/lib/db/prisma";
import type { ScheduleEndEvents } from "@/lib/domain/schedule/schedule-end";
import { ForbiddenError } from "@/lib/errors";
import { cachedByDataVersion } from "./cached-by-version";
import { countOpenQueries } from "./data-queries";
import { countCurrentFieldVerifications } from "./field-verification";
import { getStudySettings } from "./study-settings";

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
  return cachedByDataVersion(`data-quality|${key}`, () => computeDataQuality(actor, inScope, today));
}

/**
 * What the data-quality page counts, loaded once for the sites in `inScope`: the home
 * work-lists (lib/data/work-lists.ts) read the same rows, so their counts cannot drift apart.
 */
export async function loadQualityInputs(actor: Actor, inScope: ReturnType<typeof siteFilter>) {
  const [sites, patients, records, endsOfStudy, missingBaseline, verifiedFields, openQueries, settings] =
    await Promise.all([
      getPrisma().site.findMany({
        where: inScope.siteId ? { id: inScope.siteId } : {},
        orderBy: { code: "asc" },
        select: { id: true, code: true, name: true },
      }),
      getPrisma().patient.findMany({
        where: { ...inScope, deletedAt: null },
        select: { id: true, subjectId: true, enrollmentDate: true, site: { select: { code: true } } },
      }),
      getPrisma().crfRecord.findMany({
        where: { ...inScope, deletedAt: null, patient: { deletedAt: null } },
        select: {
          id: true,
          patientId: true,
          formType: true,
          visitKey: true,
          status: true,
          signedAt: true,
          sdvAt: true,
        },
      }),
      getPrisma().crfRecord.findMany({
        where: { ...inScope, formType: "end-of-study", deletedAt: null, patient: { deletedAt: null } },
        select: { patientId: true, data: true },
      }),
      // Stored by compute-labs: an on-treatment panel graded without a pre-treatment baseline.
      getPrisma().crfRecord.findMany({
        where: {
          ...inScope,
          deletedAt: null,
          patient: { deletedAt: null },
          formType: "labs",
          computed: { path: ["baseline", "status"], equals: "missing" },
        },
        select: { id: true },
      }),
      countCurrentFieldVerifications(inScope),
      countOpenQueries(actor),
      getStudySettings(actor),
    ]);
  const endOfStudyOf = new Map(endsOfStudy.map((r) => [r.patientId, r.data as ScheduleEndEvents]));
  const missingIds = new Set(missingBaseline.map((r) => r.id));
  return {
    sites,
    settings,
    openQueries,
    verifiedFields,
    patients: patients.map((p): QualityPatient => ({
      id: p.id,
      subjectId: p.subjectId,
      siteCode: p.site.code,
      enrollmentDate: p.enrollmentDate?.toISOString().slice(0, 10) ?? null,
      scheduleEnd: endOfStudyOf.get(p.id) ?? null,
    })),
    records: records.map((r): QualityRecord & { id: string } => ({
      id: r.id,
      patientId: r.patientId,
      formType: r.formType,
      visitKey: r.visitKey,
      status: r.status,
      signed: r.signedAt !== null,
      baselineMissing: missingIds.has(r.id),
      verified: r.sdvAt !== null,
    })),
  };
}

async function computeDataQuality(
  actor: Actor,
  inScope: ReturnType<typeof siteFilter>,
  today: string,
): Promise<DataQualityView> {
  const { sites, settings, openQueries, verifiedFields, patients, records } = await loadQualityInputs(actor, inScope);
  const summary = summarizeDataQuality(
    sites.map((s) => s.code),
    patients,
    records,
    openQueries.byPatient,
    today,
    settings.schedule,
    Object.fromEntries(verifiedFields),
  );
  return { today, sites: summary.map((s, i) => ({ ...s, siteName: sites[i]!.name })) };
}
