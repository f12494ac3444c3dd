import { describe, expect, test } from "vitest";
import { listCrfRecords, type SaveCrfRequest } from "@/lib/data/crf-records";
import { ConflictError } from "@/lib/errors";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import { createEnrolledPatient } from "@/test/integration/enrolled-patient";
import { saveNewRecord } from "@/test/integration/new-record";
import { adverseEvent, serious } from "@/test/fixtures/adverse-event-data";
import { emptyAdverseEvent, type AdverseEventData } from "./adverse-event-schema";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

/** Enters a form filed under no visit (or, with `extra`, a correction) as investigator 1 of TW01. */
const save = (patientId: string, formType: string, data: unknown, extra?: Partial<SaveCrfRequest>) =>
  saveNewRecord(actors.investigator1, patientId, formType, null, data, extra);

/** A TW01 patient consented 2026-01-09, enrolled 2026-01-12. */
const enrolledPatient = () =>
  createEnrolledPatient(actors.investigator1, sites.TW01, {
    screeningDate: "2026-01-10",
    consentDate: "2026-01-09",
    enrollmentDate: "2026-01-12",
  });

const thrombocytopenia = (overrides: Partial<AdverseEventData> = {}): AdverseEventData =>
  adverseEvent({
    term: "Platelet count decreased",
    grade: 3,
    onsetDate: "2026-02-03",
    ...serious("2026-02-04T09:15"),
    attribution: { thalidomide: "possible", uft: "probable" },
    actionTaken: { thalidomide: "none", uft: "interrupted" },
    outcome: "recovering",
    ...overrides,
  });

describe("adverse event", () => {
  test("a serious event is saved with its SOC, summary and 24-hour reporting deadline, audited per field", async () => {
    const patient = await enrolledPatient();
    const saved = await save(patient.id, "adverse-event", thrombocytopenia());
    expect(saved).toMatchObject({
      status: "COMPLETE",
      version: 1,
      computed: {
        summary: "Platelet count decreased, grade 3, SAE",
        soc: "Investigations",
        serious: true,
        saeReportDueAt: "2026-02-05T09:15",
      },
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: saved.id } });
    expect(audit.changes).toEqual(
      expect.arrayContaining([
        { field: "grade", from: null, to: 3 },
        { field: "attribution.uft", from: null, to: "probable" },
      ]),
    );

    // A second event of the same patient is another record (event forms repeat).
    const fatigue = await save(
      patient.id,
      "adverse-event",
      thrombocytopenia({
        term: "Fatigue",
        grade: 2,
        serious: "no",
        saeCriteria: emptyAdverseEvent().saeCriteria,
        awareAt: null,
      }),
    );
    expect(fatigue.computed).toMatchObject({ summary: "Fatigue, grade 2", serious: false, saeReportDueAt: null });
    expect(await listCrfRecords(actors.investigator1, patient.id, "adverse-event")).toHaveLength(2);
  });

  test("invalid events change nothing and every problem is a field error", async () => {
    const patient = await enrolledPatient();
    const before = await db.prisma.crfRecord.count({ where: { patientId: patient.id } });
    // Fatigue has no grade 4 in CTCAE v5.0; serious without a criterion or awareness time; resolution before onset.
    expect(
      await fieldErrorsOf(
        save(
          patient.id,
          "adverse-event",
          thrombocytopenia({
            term: "Fatigue",
            grade: 4,
            saeCriteria: emptyAdverseEvent().saeCriteria,
            awareAt: null,
            ongoing: false,
            resolutionDate: "2026-02-01",
          }),
        ),
      ),
    ).toEqual({
      grade: ["Grade 4 is not defined for Fatigue in CTCAE v5.0"],
      resolutionDate: ["The resolution date cannot be before the onset date"],
      saeCriteria: ["Tick at least one criterion that makes the event serious"],
      awareAt: ["Enter when the site became aware of the serious event"],
    });
    expect(
      await fieldErrorsOf(save(patient.id, "adverse-event", thrombocytopenia({ term: "Not a CTCAE term" }))),
    ).toHaveProperty("term");
    // Before informed consent (2026-01-09).
    expect(
      await fieldErrorsOf(
        save(patient.id, "adverse-event", thrombocytopenia({ onsetDate: "2026-01-08", awareAt: "2026-01-08T10:00" })),
      ),
    ).toEqual({
      onsetDate: ["The onset date cannot be before the informed consent date (2026-01-09)"],
    });
    // The report to the sponsor stops the 24-hour clock; it cannot precede awareness, lie in the future or belong to a non-serious event.
    expect(
      await fieldErrorsOf(save(patient.id, "adverse-event", thrombocytopenia({ reportedAt: "2026-02-04T09:00" }))),
    ).toEqual({
      reportedAt: ["The SAE cannot be reported before the site became aware of it"],
    });
    expect(
      await fieldErrorsOf(save(patient.id, "adverse-event", thrombocytopenia({ reportedAt: "2999-01-01T00:00" }))),
    ).toEqual({
      reportedAt: ["The report time cannot be in the future"],
    });
    expect(
      await fieldErrorsOf(
        save(
          patient.id,
          "adverse-event",
          thrombocytopenia({
            serious: "no",
            saeCriteria: emptyAdverseEvent().saeCriteria,
            awareAt: null,
            reportedAt: "2026-02-04T10:00",
          }),
        ),
      ),
    ).toEqual({ reportedAt: ["The report time is recorded only for serious events"] });
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id } })).toBe(before);
  });

  test("the time the SAE was reported is stored and carried into the computed values", async () => {
    const patient = await enrolledPatient();
    const reported = await save(patient.id, "adverse-event", thrombocytopenia({ reportedAt: "2026-02-04T15:30" }));
    expect(reported.computed).toMatchObject({ saeReportDueAt: "2026-02-05T09:15", saeReportedAt: "2026-02-04T15:30" });
    // Omitted (older events, API clients): not reported yet.
    const { reportedAt: _omitted, ...withoutReport } = thrombocytopenia();
    expect((await save(patient.id, "adverse-event", withoutReport)).computed).toMatchObject({ saeReportedAt: null });
  });

  test("grade 5 needs a fatal outcome and a death date that agrees with the end-of-study record", async () => {
    const patient = await enrolledPatient();
    const fatal = thrombocytopenia({
      term: "Hepatic failure",
      grade: 5,
      outcome: "fatal",
      deathDate: "2026-03-02",
      saeCriteria: { ...emptyAdverseEvent().saeCriteria, death: true },
    });
    expect(
      await fieldErrorsOf(save(patient.id, "adverse-event", { ...fatal, outcome: "not-recovered", deathDate: null })),
    ).toEqual({
      outcome: ["A grade 5 event is fatal: set the outcome to Fatal"],
      deathDate: ["Enter the date of death for a grade 5 event"],
    });
    // The other engineer's end-of-study form is the survival record; simulate it as stored data.
    await db.prisma.crfRecord.create({
      data: {
        patientId: patient.id,
        siteId: sites.TW01,
        formType: "end-of-study",
        visitKey: "end-of-study",
        data: { deathDate: "2026-03-01" },
        computed: {},
        status: "COMPLETE",
        createdById: actors.investigator1.userId,
        updatedById: actors.investigator1.userId,
      },
    });
    expect(await fieldErrorsOf(save(patient.id, "adverse-event", fatal))).toEqual({
      deathDate: [
        "The date of death 2026-03-02 differs from the end-of-study record's date of death 2026-03-01: correct one of them",
      ],
    });
    const saved = await save(patient.id, "adverse-event", { ...fatal, deathDate: "2026-03-01" });
    expect(saved.computed).toMatchObject({ summary: "Hepatic failure, grade 5, SAE", soc: "Hepatobiliary disorders" });
  });

  test("an edit needs a reason and the current version; a stale version is a conflict", async () => {
    const patient = await enrolledPatient();
    const first = await save(patient.id, "adverse-event", thrombocytopenia());
    const resolved = thrombocytopenia({ ongoing: false, resolutionDate: "2026-02-20", outcome: "recovered" });
    expect(
      await fieldErrorsOf(save(patient.id, "adverse-event", resolved, { recordId: first.id, expectedVersion: 1 })),
    ).toHaveProperty("reason");
    const second = await save(patient.id, "adverse-event", resolved, {
      recordId: first.id,
      expectedVersion: 1,
      reason: "Platelets recovered",
    });
    expect(second).toMatchObject({ version: 2, data: { outcome: "recovered", resolutionDate: "2026-02-20" } });
    await expect(
      save(patient.id, "adverse-event", thrombocytopenia(), {
        recordId: first.id,
        expectedVersion: 1,
        reason: "Old copy",
      }),
    ).rejects.toThrow(ConflictError);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: first.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ["CREATE", null],
      ["UPDATE", "Platelets recovered"],
    ]);
  });
});
