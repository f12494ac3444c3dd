import pg from "pg";
import { describe, expect, test } from "vitest";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { adverseEvent as adverseEventData } from "@/test/fixtures/adverse-event-data";
import { defaultRange, LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createEnrolledPatient, DAY1_2026_01_12 } from "@/test/integration/enrolled-patient";
import { eligibilityRequest as eligibility, newRecordRequest as newForm } from "@/test/integration/new-record";
import { listPatientAuditHistory } from "./audit-history";
import { listCrfRecords, saveCrfRecord } from "./crf-records";
import { enrollPatient, recordScreenFailure } from "./enrollment";
import { registerPatient } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const passingAnswers = eligibleAnswers;

describe("saving a case report form", () => {
  test("invalid input changes nothing and names every bad field", async () => {
    const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-05" });
    const auditBefore = await db.prisma.auditEvent.count();
    const error = await saveCrfRecord(
      actors.investigator1,
      eligibility(patient.id, { consentDate: "2026-13-40", answers: { I1: "maybe" } }),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(
      expect.arrayContaining(["consentDate", "answers.I1", "answers.I2"]),
    );
    expect(await db.prisma.crfRecord.count()).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore);
  });

  test("first save is audited per field; an edit needs a reason and the version it was based on", async () => {
    const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-05" });
    const partial = { consentDate: "2026-01-04", answers: { ...passingAnswers(), I7: null } };
    const first = await saveCrfRecord(actors.investigator1, eligibility(patient.id, partial));
    expect(first).toMatchObject({ version: 1, status: "IN_PROGRESS", computed: { eligible: false } });

    const complete = { consentDate: "2026-01-04", answers: passingAnswers() };
    const noReason = await saveCrfRecord(
      actors.investigator1,
      eligibility(patient.id, complete, { recordId: first.id, expectedVersion: 1 }),
    ).catch((e) => e);
    expect((noReason as ValidationError).fieldErrors).toHaveProperty("reason");

    const second = await saveCrfRecord(
      actors.investigator1,
      eligibility(patient.id, complete, { recordId: first.id, expectedVersion: 1, reason: "Lab results arrived" }),
    );
    expect(second).toMatchObject({ version: 2, status: "COMPLETE", computed: { eligible: true, reasons: [] } });

    const stale = await saveCrfRecord(
      actors.investigator1,
      eligibility(patient.id, partial, { recordId: first.id, expectedVersion: 1, reason: "Overwrite attempt" }),
    ).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toMatch(/changed by Dr\. Lin .* after you opened it/);

    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: first.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "UPDATE"]);
    expect(audit[1]!.reason).toBe("Lab results arrived");
    expect(audit[1]!.changes).toEqual([{ field: "answers.I7", from: null, to: "yes" }]);
    expect((await listCrfRecords(actors.investigator1, patient.id))[0]!.data).toEqual(complete);
    // The form's own history: its two records only, not the patient's registration.
    const formHistory = await listPatientAuditHistory(actors.investigator1, patient.id, first.id);
    expect(formHistory.map((r) => r.action)).toEqual(["UPDATE", "CREATE"]);
    expect((await listPatientAuditHistory(actors.investigator1, patient.id)).length).toBe(3);
  });

  test("two people starting the same visit form: the second gets a conflict, not a duplicate", async () => {
    const patient = await registerPatient(actors.investigator2, { siteId: sites.TW02, screeningDate: "2026-01-05" });
    const data = { consentDate: "2026-01-04", answers: passingAnswers() };
    const results = await Promise.allSettled([
      saveCrfRecord(actors.investigator2, eligibility(patient.id, data)),
      saveCrfRecord(actors.investigator2, eligibility(patient.id, data)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(
      ConflictError,
    );
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id } })).toBe(1);
  });

  test("only the patient's own site investigators may write; others get forbidden or not found", async () => {
    const patient = await registerPatient(actors.investigator3, { siteId: sites.TW03, screeningDate: "2026-01-05" });
    const data = { consentDate: "2026-01-04", answers: passingAnswers() };
    await expect(saveCrfRecord(actors.investigator1, eligibility(patient.id, data))).rejects.toThrow(NotFoundError);
    await expect(saveCrfRecord(actors.coordinator, eligibility(patient.id, data))).rejects.toThrow(ForbiddenError);
    await expect(saveCrfRecord(actors.monitor, eligibility(patient.id, data))).rejects.toThrow(ForbiddenError);
    await expect(saveCrfRecord(actors.admin, eligibility(patient.id, data))).rejects.toThrow(NotFoundError);
    await expect(
      saveCrfRecord(actors.investigator3, { ...eligibility(patient.id, data), formType: "no-such-form" }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("enrollment", () => {
  test("is refused while a criterion fails, with the reason, and allowed once all pass", async () => {
    const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-02-02" });
    await expect(
      enrollPatient(actors.investigator1, { patientId: patient.id, enrollmentDate: "2026-02-05" }),
    ).rejects.toThrow(/Complete the screening/);
    const record = await saveCrfRecord(
      actors.investigator1,
      eligibility(patient.id, { consentDate: "2026-02-01", answers: { ...passingAnswers(), I3: "no" } }),
    );
    const refused = await enrollPatient(actors.investigator1, {
      patientId: patient.id,
      enrollmentDate: "2026-02-05",
    }).catch((e) => e);
    expect((refused as ValidationError).fieldErrors._form).toEqual([expect.stringMatching(/^I3 not met/)]);
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("SCREENING");

    await saveCrfRecord(
      actors.investigator1,
      eligibility(
        patient.id,
        { consentDate: "2026-02-01", answers: passingAnswers() },
        {
          recordId: record.id,
          expectedVersion: 1,
          reason: "Prior therapy was local only",
        },
      ),
    );
    const early = await enrollPatient(actors.investigator1, {
      patientId: patient.id,
      enrollmentDate: "2026-01-31",
    }).catch((e) => e);
    expect((early as ValidationError).fieldErrors.enrollmentDate).toEqual([
      "Enrollment cannot be before informed consent",
    ]);
    expect(await enrollPatient(actors.investigator1, { patientId: patient.id, enrollmentDate: "2026-02-05" })).toEqual({
      status: "ON_TREATMENT",
      enrollmentDate: "2026-02-05",
    });
    await expect(
      enrollPatient(actors.investigator1, { patientId: patient.id, enrollmentDate: "2026-02-06" }),
    ).rejects.toThrow(ConflictError);
  });

  test("a screen failure keeps the subject ID and records why", async () => {
    const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-02-02" });
    await recordScreenFailure(actors.investigator1, { patientId: patient.id, reason: "Child-Pugh C" });
    const row = await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(row).toMatchObject({
      status: "SCREEN_FAILED",
      screenFailureReason: "Child-Pugh C",
      subjectId: patient.subjectId,
    });
    await expect(recordScreenFailure(actors.coordinator, { patientId: patient.id, reason: "x" })).rejects.toThrow(
      ForbiddenError,
    );
  });
});

describe("withdrawing a form entered in error", () => {
  test("keeps the row and every value in the audit trail, with the reason, and hides it from lists", async () => {
    const { deleteCrfRecord } = await import("./crf-records");
    const patient = await registerPatient(actors.investigator3, { siteId: sites.TW03, screeningDate: "2026-04-01" });
    const record = await saveCrfRecord(
      actors.investigator3,
      eligibility(patient.id, { consentDate: "2026-03-31", answers: passingAnswers() }),
    );
    await expect(
      deleteCrfRecord(actors.investigator3, { patientId: patient.id, recordId: record.id, reason: "" }),
    ).rejects.toThrow(ValidationError);
    await expect(
      deleteCrfRecord(actors.coordinator, { patientId: patient.id, recordId: record.id, reason: "Wrong patient" }),
    ).rejects.toThrow(ForbiddenError);
    await deleteCrfRecord(actors.investigator3, {
      patientId: patient.id,
      recordId: record.id,
      reason: "Entered for the wrong patient",
    });

    expect(await listCrfRecords(actors.investigator3, patient.id)).toEqual([]);
    const row = await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(row).toMatchObject({ deleteReason: "Entered for the wrong patient" });
    expect(row.data).toEqual({ consentDate: "2026-03-31", answers: passingAnswers() });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: record.id, action: "DELETE" } });
    expect(audit.reason).toBe("Entered for the wrong patient");
    expect(audit.changes).toContainEqual({ field: "consentDate", from: "2026-03-31", to: null });
    // A new form can be started for the visit afterwards.
    await expect(
      saveCrfRecord(
        actors.investigator3,
        eligibility(patient.id, { consentDate: "2026-03-31", answers: passingAnswers() }),
      ),
    ).resolves.toHaveProperty("version", 1);
  });
});

/** The SQL statements the driver sends while `run` runs (every Prisma statement goes through pg's Client#query). */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const sql = args[0] as string | { text: string };
    statements.push((typeof sql === "string" ? sql : sql.text).trim().split(/\s+/).slice(0, 3).join(" "));
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    prototype.query = original;
  }
  return statements;
}

/**
 * Round trips are most of a save's cost under load (BENCHMARKS.md, bench:save): a new form is
 * BEGIN, the patient lock, the records the form reads, one INSERT of record and audit, COMMIT;
 * a form that cross-form edit checks read (an adverse event: onset after death) adds one
 * statement that reads the checks' forms and their open queries together. Since issue 14 every
 * projected form adds one more: its rows in the typed tables (lib/data/projections.ts), deleted
 * and re-inserted for every table the form writes in a single statement; the per-patient
 * efficacy facts ride on that statement (lib/data/efficacy-facts.ts), so they add none.
 */
describe("statements per new form", () => {
  test("a lab panel after earlier ones: 6 statements (the site's reference ranges come with the patient lock; its typed rows); an adverse event: 7 (its edit check, its typed row), a dose-limiting one too; record, audit and typed rows all written", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_12);
    const panel = (sampleDate: string) => ({
      sampleDate,
      // Every test at its upper limit of normal: plausible values (lib/domain/ctcae/lab-plausibility).
      results: Object.fromEntries(
        LAB_PANEL.map(({ test, defaultUnit }) => [
          test,
          { value: defaultRange(test, defaultUnit).uln, unit: defaultUnit, ...defaultRange(test, defaultUnit) },
        ]),
      ),
    });
    await saveCrfRecord(actors.investigator1, newForm(patient.id, "labs", "day1", panel("2026-01-12")));

    const labs = await statementsDuring(() =>
      saveCrfRecord(actors.investigator1, newForm(patient.id, "labs", "week4", panel("2026-02-09"))),
    );
    const factsAfterLabs = await db.prisma.patientEfficacyFacts.findUniqueOrThrow({ where: { patientId: patient.id } });
    const adverseEvent = await statementsDuring(() =>
      saveCrfRecord(
        actors.investigator1,
        newForm(patient.id, "adverse-event", null, adverseEventData({ grade: 1, onsetDate: "2026-02-10" })),
      ),
    );

    // A grade 3 event attributed to a study drug is a DLT that can cross the toxicity stopping boundary:
    // its save reads no cohort either (the scheduled alerts check the boundaries: lib/data/stopping-rule-alerts.ts).
    const doseLimiting = await statementsDuring(() =>
      saveCrfRecord(
        actors.investigator1,
        newForm(
          patient.id,
          "adverse-event",
          null,
          adverseEventData({
            term: "Diarrhea",
            grade: 3,
            onsetDate: "2026-02-11",
            attribution: { thalidomide: "unlikely", uft: "probable" },
            actionTaken: { thalidomide: "none", uft: "interrupted" },
          }),
        ),
      ),
    );
    expect(doseLimiting).toEqual(adverseEvent);

    for (const statements of [labs, adverseEvent]) {
      expect(statements[0]).toBe("BEGIN");
      expect(statements.at(-1)).toBe("COMMIT");
    }
    // The lock (lib/data/patient-lock.ts) carries the ranges; the range checks themselves are in lab-reference-ranges.integration.test.ts.
    expect(labs[1]).toMatch(/^SELECT p."site_id"::text/);
    expect(labs[3]).toMatch(/^WITH "record" AS/);
    expect(adverseEvent[3]).toMatch(/^WITH "record" AS/);
    expect(labs[4]).toMatch(/^WITH "delete_0" AS/);
    expect(adverseEvent[4]).toMatch(/^WITH "delete_0" AS/);
    expect(labs).toHaveLength(6);
    expect(adverseEvent).toHaveLength(7);
    expect(adverseEvent[5]).toMatch(/^SELECT \(SELECT json_agg/);
    const records = await db.prisma.crfRecord.findMany({
      where: { patientId: patient.id, formType: { in: ["labs", "adverse-event"] } },
      select: { id: true },
    });
    const audits = await db.prisma.auditEvent.count({
      where: { entityId: { in: records.map((r) => r.id) }, action: "CREATE" },
    });
    expect(records).toHaveLength(4);
    expect(audits).toBe(4);
    expect(await db.prisma.labResult.count({ where: { patientId: patient.id } })).toBe(2 * LAB_PANEL.length);
    // The panel moved the patient's last visit in the efficacy facts within the same 6 statements
    // (a CTE of the typed-rows statement); the adverse event, which feeds no fact, wrote none.
    const facts = await db.prisma.patientEfficacyFacts.findUniqueOrThrow({ where: { patientId: patient.id } });
    expect(facts.lastVisitDate?.toISOString().slice(0, 10)).toBe("2026-02-09");
    expect(facts.updatedAt).toEqual(factsAfterLabs.updatedAt);
    expect(
      await db.prisma.adverseEvent.findMany({ where: { patientId: patient.id }, select: { term: true, grade: true } }),
    ).toEqual(
      expect.arrayContaining([
        { term: "Fatigue", grade: 1 },
        { term: "Diarrhea", grade: 3 },
      ]),
    );
  });
});
