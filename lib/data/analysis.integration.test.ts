import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { parseApiQuery } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { handleBiomarkerRequest, handleEfficacyRequest } from "@/lib/http/analysis-handlers";
import { errorResponse } from "@/lib/http/with-actor";
import { CI_METHODS } from "@/lib/schemas/analysis";
import { getEfficacyAnalysis, getEnrollmentSummary, getEnrollmentTotal } from "./analysis";
import { deleteCrfRecord, saveCrfRecord } from "./crf-records";
import { rebuildProjections } from "./projections-rebuild";
import { getStoppingRuleStatus } from "./stopping-rules";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const get = (path: string) => new Request(`http://localhost${path}`);
// What the routes run (lib/api/api-route.ts): the endpoint list's query schema, then the handler.
const efficacyAt = async (actor: Actor, request: Request) =>
  handleEfficacyRequest(actor, parseApiQuery(API_ENDPOINTS.getEfficacyAnalysis, request));
const biomarkersAt = async (actor: Actor, request: Request) =>
  handleBiomarkerRequest(actor, parseApiQuery(API_ENDPOINTS.getBiomarkerAnalysis, request));
const oneDecimal = (value: number | null) => value?.toFixed(1);

describe("demo cohort seeded through the app, analysed from the database", () => {
  const { db, actors, sites } = withDemoDatabase();
  let firstRun: Awaited<ReturnType<typeof seedDemoCohort>>;

  beforeAll(async () => {
    const started = Date.now();
    firstRun = await seedDemoCohort("demo");
    console.log(`demo cohort seeded in ${Date.now() - started} ms:`, {
      ...firstRun,
      problems: firstRun.problems.length,
    });
  }, 300_000);

  test("writes 43 enrolled patients and the screen failures through the write path, with the app's computed values and audit", async () => {
    expect(firstRun.problems).toEqual([]);
    expect(firstRun.sitesSkipped).toEqual([]);
    expect(await db.prisma.patient.count({ where: { enrollmentDate: { not: null } } })).toBe(43);
    expect(await db.prisma.patient.count({ where: { status: "SCREEN_FAILED" } })).toBeGreaterThan(0);
    const baseline = await db.prisma.crfRecord.findFirstOrThrow({ where: { formType: "baseline" } });
    expect(baseline.computed).toMatchObject({ bsaM2: expect.any(Number), clipScore: expect.any(Number) });
    const creates = await db.prisma.auditEvent.count({
      where: { action: "CREATE", entityType: { startsWith: "form:" } },
    });
    expect(creates).toBe(firstRun.formsSaved);
    const investigatorIds = [actors.investigator1, actors.investigator2, actors.investigator3].map((a) => a.userId);
    expect(await db.prisma.crfRecord.count({ where: { createdById: { notIn: investigatorIds } } })).toBe(0);
  });

  test("seeding again adds nothing", async () => {
    const forms = await db.prisma.crfRecord.count();
    expect(await seedDemoCohort("demo")).toEqual({ patientsCreated: 0, formsSaved: 0, sitesSkipped: [], problems: [] });
    expect(await db.prisma.crfRecord.count()).toBe(forms);
  });

  test("the efficacy endpoint's handler gives the published results", async () => {
    const result = await efficacyAt(actors.pi, get("/api/v1/analysis/efficacy?ciMethod=symmetric"));
    expect(result.n).toBe(43);
    expect(result.orr).toMatchObject({ responders: 4, n: 43 });
    expect(result.dcr).toMatchObject({ responders: 18, n: 43 });
    expect(result.bor.CR + result.bor.PR).toBe(4);
    expect(result.bor.SD).toBe(14);
    expect(result.bor.PD + result.bor.NE).toBe(25);
    expect([result.pfs.median, result.pfs.lower, result.pfs.upper].map(oneDecimal)).toEqual(["1.9", "1.7", "2.1"]);
    expect([result.os.median, result.os.lower, result.os.upper].map(oneDecimal)).toEqual(["4.6", "2.3", "6.9"]);
    for (const ciMethod of CI_METHODS) {
      const r = await efficacyAt(actors.coordinator, get(`/api/v1/analysis/efficacy?ciMethod=${ciMethod}`));
      console.log(
        `${ciMethod}: ORR ${r.orr.responders}/${r.orr.n} ${(100 * r.orr.estimate).toFixed(1)}% (${(100 * r.orr.lower).toFixed(1)}-${(100 * r.orr.upper).toFixed(1)}), DCR ${r.dcr.responders}/${r.dcr.n} (${(100 * r.dcr.lower).toFixed(1)}-${(100 * r.dcr.upper).toFixed(1)}), PFS ${r.pfs.median?.toFixed(2)} (${r.pfs.lower?.toFixed(2)}-${r.pfs.upper?.toFixed(2)}) ${r.pfs.events} events, OS ${r.os.median?.toFixed(2)} (${r.os.lower?.toFixed(2)}-${r.os.upper?.toFixed(2)}) ${r.os.events} events`,
      );
      expect(r.pfs.median).toBe(result.pfs.median);
    }
  });

  test("the biomarker handler finds high IL-6 and IL-8 associated with shorter survival", async () => {
    for (const cytokine of ["IL-6", "IL-8"]) {
      for (const endpoint of ["os", "pfs"]) {
        const r = await biomarkersAt(
          actors.pi,
          get(`/api/v1/analysis/biomarkers?cytokine=${cytokine}&cut=median&endpoint=${endpoint}`),
        );
        console.log(
          `${cytokine} ${endpoint}: cut ${r.cut?.toFixed(1)} ${r.unit}, high ${r.high?.n} low ${r.low?.n}, log-rank p ${r.logRank?.p.toPrecision(3)}, HR high ${r.coxHighVsLow?.hr.toFixed(2)} (${r.coxHighVsLow?.lower.toFixed(2)}-${r.coxHighVsLow?.upper.toFixed(2)}), HR per doubling ${r.coxPerDoubling?.hr.toFixed(2)} p ${r.coxPerDoubling?.p.toPrecision(3)}, below LLOQ ${r.nBelowLloq}`,
        );
        expect(r.logRank!.p).toBeLessThan(0.05);
        expect(r.coxHighVsLow!.hr).toBeGreaterThan(1);
      }
    }
    const fixed = await biomarkersAt(actors.pi, get("/api/v1/analysis/biomarkers?cytokine=IL-6&cut=5&endpoint=os"));
    expect(fixed).toMatchObject({ cut: 5, cutMethod: "fixed" });
  });

  test("the enrollment handler counts per site against the targets, which sum to 43", async () => {
    const r = await getEnrollmentSummary(actors.pi);
    expect(r.total).toMatchObject({ enrolled: 43, target: 43 });
    expect(r.sites.map((s) => [s.code, s.enrolled, s.target])).toEqual([
      ["TW01", 20, 20],
      ["TW02", 12, 12],
      ["TW03", 11, 11],
    ]);
    expect(r.total.onTreatment + r.total.inFollowUp + r.total.offStudy).toBe(43);
    expect(r.cumulative.find((c) => c.code === "TW02")?.points.at(-1)?.enrolled).toBe(12);
    // PostgreSQL's counts per day give the curve a patient-by-patient count gives: one step per enrollment day.
    const patients = await db.prisma.patient.findMany({
      where: { enrollmentDate: { not: null } },
      select: { enrollmentDate: true, site: { select: { code: true } } },
    });
    for (const { code, points } of r.cumulative) {
      const dates = patients
        .filter((p) => p.site.code === code)
        .map((p) => p.enrollmentDate!.toISOString().slice(0, 10))
        .sort();
      expect(points).toEqual(
        [...new Set(dates)].map((date) => ({ date, enrolled: dates.filter((d) => d <= date).length })),
      );
    }
    // Home's two numbers, counted in SQL, are the summary's.
    expect(await getEnrollmentTotal(actors.pi)).toEqual({ enrolled: 43, target: 43 });
  });

  test("the stopping-rule monitor counts the efficacy dashboard's responses: the demo cohort stops for futility after stage 1", async () => {
    const efficacy = await getEfficacyAnalysis(actors.pi, { ciMethod: "log-log" });
    const status = await getStoppingRuleStatus(actors.pi);
    expect(status.enrolled).toBe(efficacy.summary.n);
    expect(status.response.evaluable).toBe(efficacy.summary.n - efficacy.summary.bor.NE);
    // Every one of the 4 responders is among the first n = 41 evaluable patients (39 so far).
    expect(status.response.overall.responders).toBe(efficacy.summary.orr.responders);
    // The default design (p0 0.05, p1 0.20, alpha 0.05, power 0.90): optimal 1/21, 4/41; 1 responder in the first 21.
    expect(status.rules.design).toMatchObject({ r1: 1, n1: 21, r: 4, n: 41 });
    expect(status.response.stage1).toMatchObject({ evaluated: 21, responders: 1, complete: true, passed: false });
    expect(status.response.status).toBe("stop-futility-stage-1");
    expect(status.alerts).toHaveLength(1);
    expect(status.toxicity).toMatchObject({ patients: 43, crossed: false });
  });

  test("a coordinator of one site analyses only that site", async () => {
    const siteCoordinator: Actor = {
      ...actors.coordinator,
      assignments: [{ role: "COORDINATOR", siteId: sites.TW02 }],
    };
    expect((await efficacyAt(siteCoordinator, get("/api/v1/analysis/efficacy"))).n).toBe(12);
    expect((await getEnrollmentSummary(siteCoordinator)).sites.map((s) => s.code)).toEqual(["TW02"]);
    expect(await getEnrollmentTotal(siteCoordinator)).toEqual({ enrolled: 12, target: 12 });
  });

  test("roles without dashboard.read are refused; a bad query is a field-level 400", async () => {
    for (const name of ["investigator1", "monitor", "admin"] as const) {
      await expect(efficacyAt(actors[name], get("/api/v1/analysis/efficacy"))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getEnrollmentSummary(actors[name])).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getEnrollmentTotal(actors[name])).rejects.toBeInstanceOf(ForbiddenError);
    }
    const bad = await efficacyAt(actors.pi, get("/api/v1/analysis/efficacy?ciMethod=wald")).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    const response = errorResponse(bad);
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toHaveProperty("ciMethod");
    const badCut = await biomarkersAt(actors.pi, get("/api/v1/analysis/biomarkers?cut=-1&endpoint=dfs")).catch(
      (e: unknown) => e,
    );
    expect(Object.keys((badCut as ValidationError).fieldErrors).sort()).toEqual(["cut", "endpoint"]);
  });

  test("a save through the write path changes the next result (the cached analysis is keyed by a version read from the database)", async () => {
    const before = await getEfficacyAnalysis(actors.pi, { ciMethod: "log-log" });
    expect(await getEfficacyAnalysis(actors.pi, { ciMethod: "log-log" })).toBe(before); // served from the cache
    // A sign-in is audited but changes no data: the kept result stays.
    await db.prisma.auditEvent.create({
      data: {
        actorId: actors.monitor.userId,
        actorEmail: actors.monitor.email,
        action: "SIGN_IN",
        entityType: "user",
        entityId: actors.monitor.userId,
      },
    });
    expect(await getEfficacyAnalysis(actors.pi, { ciMethod: "log-log" })).toBe(before);
    const alive = (
      await db.prisma.crfRecord.findMany({
        where: { formType: "end-of-study", deletedAt: null },
        orderBy: { id: "asc" },
      })
    ).find((r) => {
      const data = r.data as Record<string, string | null>;
      return !data.deathDate && data.lastKnownAliveDate;
    })!;
    const data = alive.data as Record<string, string | null>;
    const deathDate = [data.lastKnownAliveDate, data.progressionDate, data.offTreatmentDate]
      .filter((d): d is string => !!d)
      .sort()
      .at(-1)!;
    const investigator = [actors.investigator1, actors.investigator2, actors.investigator3].find((a) =>
      a.assignments.some((x) => x.siteId === alive.siteId),
    )!;
    await saveCrfRecord(investigator, {
      patientId: alive.patientId,
      formType: "end-of-study",
      visitKey: alive.visitKey,
      recordId: alive.id,
      expectedVersion: alive.version,
      reason: "Death reported by the family",
      data: { ...data, deathDate, deathCause: "disease-progression" },
    });
    const after = await getEfficacyAnalysis(actors.pi, { ciMethod: "log-log" });
    expect(after.summary.os.events).toBe(before.summary.os.events + 1);
    const site = await efficacyAt(actors.coordinator, get("/api/v1/analysis/efficacy?ciMethod=log-log"));
    expect(site.os.events).toBe(after.summary.os.events);
  });

  test("the per-patient efficacy facts the saves kept (creates, the correction above, withdrawals) equal a rebuild from crf_records", async () => {
    const snapshot = async () =>
      (await db.query(`SELECT * FROM patient_efficacy_facts ORDER BY patient_id`)).rows.map((row) => {
        const facts = { ...row };
        delete facts.updated_at; // when and by which transaction, not what
        delete facts.change_xid;
        return facts;
      });
    const kept = await snapshot();
    expect(kept).toHaveLength(43);
    await rebuildProjections(db.prisma);
    expect(await snapshot()).toEqual(kept);

    // Withdrawals of forms that feed the facts: a patient's first follow-up assessment (the
    // later ones are recomputed), another's cytokines, a third's latest lab panel.
    const investigatorOf = (siteId: string) =>
      [actors.investigator1, actors.investigator2, actors.investigator3].find((a) =>
        a.assignments.some((x) => x.siteId === siteId),
      )!;
    const withdraw = async (
      formType: string,
      pick: (rows: { id: string; patientId: string; data: unknown }[]) => string,
    ) => {
      const rows = await db.prisma.crfRecord.findMany({
        where: { formType, deletedAt: null, signedAt: null },
        orderBy: [{ patientId: "asc" }, { createdAt: "asc" }],
      });
      const picked = pick(rows);
      const record = rows.find((r) => r.id === picked)!;
      await deleteCrfRecord(investigatorOf(record.siteId), {
        patientId: record.patientId,
        recordId: record.id,
        reason: "Entered in error",
      });
      return record.patientId;
    };
    const assessed = await withdraw("tumour-assessment", (rows) => {
      const patientId = rows.find((r) => rows.filter((x) => x.patientId === r.patientId).length >= 3)!.patientId;
      return rows.find((r) => r.patientId === patientId)!.id;
    });
    const sampled = await withdraw("cytokines", (rows) => rows[0]!.id);
    const labPatient = await withdraw("labs", (rows) => {
      const dateOf = (r: { data: unknown }) => (r.data as { sampleDate: string }).sampleDate;
      return [...rows].sort((a, b) => dateOf(b).localeCompare(dateOf(a)))[0]!.id;
    });
    const after = await snapshot();
    const changed = (patientId: string) =>
      JSON.stringify(after.find((r) => r.patient_id === patientId)) !==
      JSON.stringify(kept.find((r) => r.patient_id === patientId));
    expect([assessed, sampled].map(changed)).toEqual([true, true]);
    // The panel may not have been the patient's last visit; the rebuild below checks the date either way.
    expect(after.find((r) => r.patient_id === labPatient)).toBeDefined();
    expect(after.find((r) => r.patient_id === sampled)).toMatchObject({
      cytokines_record_id: null,
      cytokine_analytes: [],
    });
    await rebuildProjections(db.prisma);
    expect(await snapshot()).toEqual(after);
  });
});
