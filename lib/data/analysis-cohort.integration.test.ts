import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateTrial } from "@/bench/generate-trial";
import type { Actor } from "@/lib/auth/actor";
import { analyzeCohortBiomarker, analyzeEfficacy } from "@/lib/analysis/cohort-analysis";
import { listPatientOutcomes } from "@/lib/analysis/patient-outcomes";
import { listCytokineNames, type AnalysisPatientRecords } from "@/lib/analysis/patient-records";
import { listResponsesInEnrollmentOrder } from "@/lib/analysis/response-sequence";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CI_METHODS } from "@/lib/schemas/analysis";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { withDemoDatabase } from "@/test/integration/with-demo-database";
import {
  getBiomarkerAnalysis,
  getEfficacyAnalysis,
  getPatientOutcomes,
  getResponsesInEnrollmentOrder,
} from "./analysis";
import { rebuildProjections } from "./projections-rebuild";

/**
 * The analyses read from the per-patient efficacy facts (lib/data/analysis-cohort.ts: the stored
 * response, only the parts each analysis needs) against the computation they replaced: every
 * saved form of every enrolled patient read whole, in saved order, RECIST and PFS/OS derived
 * again for every patient, through the same analysis functions. Identical results, trial-wide
 * and for one site, on a generated trial (facts from a rebuild) and on the demo cohort (facts
 * kept by the saves that seeded it).
 */
async function loadWholeRecords(prisma: PrismaClient, siteIds: string[] | null): Promise<AnalysisPatientRecords[]> {
  const inSites = siteIds ? { siteId: { in: siteIds } } : {};
  const [patients, records] = await Promise.all([
    prisma.patient.findMany({
      where: { ...inSites, deletedAt: null, enrollmentDate: { not: null } },
      orderBy: { subjectId: "asc" },
      select: { id: true, subjectId: true, status: true, enrollmentDate: true, site: { select: { code: true } } },
    }),
    prisma.crfRecord.findMany({
      where: { ...inSites, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { patientId: true, formType: true, visitKey: true, data: true, computed: true },
    }),
  ]);
  return patients.map((p) => ({
    patientId: p.id,
    subjectId: p.subjectId,
    siteCode: p.site.code,
    status: p.status,
    enrollmentDate: p.enrollmentDate!.toISOString().slice(0, 10),
    records: records
      .filter((r) => r.patientId === p.id)
      .map((r) => ({
        formType: r.formType,
        visitKey: r.visitKey,
        data: r.data,
        computed: (r.computed ?? {}) as Record<string, unknown>,
      })),
  }));
}

/** Every patient's outcome row and the responses in enrollment order, fast reader against whole records. */
/** The results kept per data version: two databases in one file may reach the same version number. */
const dropKeptResults = () =>
  (globalThis as unknown as { trialdeskDashboardResults?: { clear(): void } }).trialdeskDashboardResults?.clear();

async function expectOutcomesEqualWhole(prisma: PrismaClient, pi: Actor): Promise<void> {
  const whole = await loadWholeRecords(prisma, null);
  expect(whole.every((p) => p.storedResponse === undefined)).toBe(true);
  const expected = listPatientOutcomes(whole);
  const pages: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await getPatientOutcomes(pi, { pageSize: 100, ...(cursor ? { cursor } : {}) });
    pages.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(pages).toEqual(expected);
  expect(await getResponsesInEnrollmentOrder(pi)).toEqual(listResponsesInEnrollmentOrder(whole));
}

describe("analysis from per-patient efficacy facts = analysis from whole records (demo cohort, facts kept by the saves)", () => {
  const { db, actors } = withDemoDatabase();
  let pi: Actor;

  beforeAll(async () => {
    dropKeptResults();
    expect((await seedDemoCohort("demo")).problems).toEqual([]);
    pi = actors.pi;
  }, 300_000);

  test("efficacy (ORR 4/43), biomarkers, patient outcomes and responses in enrollment order", async () => {
    const whole = await loadWholeRecords(db.prisma, null);
    expect(whole).toHaveLength(43);
    for (const ciMethod of CI_METHODS) {
      const actual = await getEfficacyAnalysis(pi, { ciMethod });
      expect(actual).toEqual(analyzeEfficacy(whole, ciMethod));
      expect(actual.summary.orr).toMatchObject({ responders: 4, n: 43 });
    }
    const cytokines = listCytokineNames(whole);
    expect(cytokines.length).toBeGreaterThan(1);
    for (const cytokine of cytokines)
      for (const endpoint of ["os", "pfs"] as const) {
        const request = { cytokine, endpoint, cut: "median" as const };
        expect(await getBiomarkerAnalysis(pi, request)).toEqual({
          ...request,
          cytokines,
          ...analyzeCohortBiomarker(whole, request),
        });
      }
    await expectOutcomesEqualWhole(db.prisma, pi);
  });
});

describe("analysis from per-patient efficacy facts = analysis from whole records (generated trial)", () => {
  let db: TestDatabase;
  let pi: Actor;
  let siteCoordinator: Actor;
  let siteId: string;

  beforeAll(async () => {
    dropKeptResults();
    db = await createTestDatabase();
    const summary = await generateTrial(db.url, { patients: 360, seed: 8 });
    console.log(`generated ${summary.patients} patients, ${summary.records} forms`);
    // A deleted patient and a withdrawn form must stay out of both computations.
    await db.query(
      `UPDATE patients SET deleted_at = now() WHERE id = (SELECT id FROM patients WHERE enrollment_date IS NOT NULL ORDER BY subject_id LIMIT 1)`,
    );
    await db.query(
      `UPDATE crf_records SET deleted_at = now() WHERE id = (SELECT id FROM crf_records WHERE form_type = 'end-of-study' ORDER BY id LIMIT 1)`,
    );
    // The generator writes crf_records in bulk, outside the save path: a rebuild derives the
    // typed tables and the per-patient efficacy facts the analyses read (as the migrate step does).
    const rebuilt = await rebuildProjections(db.prisma);
    expect(rebuilt.efficacyFacts).toBeGreaterThan(300);
    const site = await db.prisma.site.findFirstOrThrow({ orderBy: { code: "asc" } });
    siteId = site.id;
    pi = {
      userId: "00000000-0000-4000-8000-000000000001",
      email: "pi@test",
      name: "PI",
      assignments: [{ role: "PRINCIPAL_INVESTIGATOR", siteId: null }],
    };
    siteCoordinator = {
      userId: "00000000-0000-4000-8000-000000000002",
      email: "co@test",
      name: "Coordinator",
      assignments: [{ role: "COORDINATOR", siteId }],
    };
  }, 300_000);
  afterAll(() => db.drop());

  test("efficacy: BOR, ORR, DCR, PFS and OS medians, curves, waterfall and swimmer", async () => {
    const whole = await loadWholeRecords(db.prisma, null);
    expect(whole.length).toBeGreaterThan(300);
    for (const ciMethod of CI_METHODS) {
      const expected = analyzeEfficacy(whole, ciMethod);
      const actual = await getEfficacyAnalysis(pi, { ciMethod });
      expect(actual).toEqual(expected);
      const s = actual.summary;
      console.log(
        `${ciMethod}: n ${s.n}, BOR ${JSON.stringify(s.bor)}, ORR ${s.orr.responders}, DCR ${s.dcr.responders}, PFS ${s.pfs.median?.toFixed(3)} (${s.pfs.lower?.toFixed(3)}-${s.pfs.upper?.toFixed(3)}), OS ${s.os.median?.toFixed(3)} (${s.os.lower?.toFixed(3)}-${s.os.upper?.toFixed(3)})`,
      );
    }
    const site = await loadWholeRecords(db.prisma, [siteId]);
    expect(site.length).toBeGreaterThan(10);
    expect(site.length).toBeLessThan(whole.length);
    expect(await getEfficacyAnalysis(siteCoordinator, { ciMethod: "log-log" })).toEqual(
      analyzeEfficacy(site, "log-log"),
    );
  });

  test("biomarkers: every analyte, both endpoints, median and fixed cuts", async () => {
    const whole = await loadWholeRecords(db.prisma, null);
    const cytokines = listCytokineNames(whole);
    expect(cytokines.length).toBeGreaterThan(1);
    for (const cytokine of cytokines) {
      for (const endpoint of ["os", "pfs"] as const) {
        for (const cut of ["median", 5] as const) {
          const request = { cytokine, endpoint, cut };
          const actual = await getBiomarkerAnalysis(pi, request);
          expect(actual).toEqual({ cytokine, endpoint, cytokines, ...analyzeCohortBiomarker(whole, request) });
          expect(actual.n).toBeGreaterThan(0);
        }
      }
    }
    const site = await loadWholeRecords(db.prisma, [siteId]);
    const request = { cytokine: cytokines[0]!, endpoint: "os" as const, cut: "median" as const };
    expect(await getBiomarkerAnalysis(siteCoordinator, request)).toEqual({
      ...request,
      cytokines: listCytokineNames(site),
      ...analyzeCohortBiomarker(site, request),
    });
  });

  test("patient outcomes (every page) and responses in enrollment order", async () => {
    await expectOutcomesEqualWhole(db.prisma, pi);
  });
});
