import { describe, expect, test } from "vitest";
import { ConflictError, ValidationError } from "@/lib/errors";
import { emptyAdverseEvent } from "@/lib/forms/adverse-event-schema";
import { seedDemoActors } from "@/test/integration/demo-actors";
import { createEnrolledPatient, DAY1_2026_01_12 } from "@/test/integration/enrolled-patient";
import { saveNewRecord, type NewRecordArgs } from "@/test/integration/new-record";
import { labsOn } from "@/test/fixtures/labs-data";
import { liverT1, lungT2, tumourBaseline as baselineOf, tumourFollowUp } from "@/test/integration/tumour-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordDateOf } from "@/lib/forms/form-dependencies";
import { getPatientOutcomes } from "./analysis";
import { listCrfRecords } from "./crf-records";
import { exportCsv } from "./exports/csv-export";
import { exportOdm } from "./exports/odm-export";
import { runImport } from "./imports";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/**
 * Issue 17, item 5: tumour assessments, labs and dosing can be filed as unscheduled visits
 * (any number, each dated by its own form); analyses order assessments by date, never by visit
 * key; other forms refuse "unscheduled", on the save path and in the database.
 */
const { db, actors, sites } = withDemoDatabase();

const save = (...args: NewRecordArgs) => saveNewRecord(actors.investigator1, ...args);

const tumourBaseline = baselineOf([liverT1(60), lungT2(40)]);
const scan = (assessmentDate: string, t1: number, t2: number) => tumourFollowUp(assessmentDate, t1, t2, "ABSENT");
const labs = (sampleDate: string) => labsOn(sampleDate);

describe("unscheduled visits", () => {
  test("a day-33 scan filed as unscheduled sits between the scheduled scans by date and sets the nadir that RECIST and PFS use", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_12);
    await save(patient.id, "tumour-baseline", "baseline-imaging", tumourBaseline);
    // Week 8 (day 56) is entered first: sum 80 of 100 is stable disease against baseline.
    const week8 = await save(patient.id, "tumour-assessment", "week8", scan("2026-03-09", 50, 30));
    expect(week8.computed.response).toBe("SD");
    // The unscheduled scan on day 33 (2026-02-14), entered later: sum 50 is a partial response,
    // and week 8 (sum 80, +60% and +30 mm over the nadir of 50) becomes progression.
    const day33 = await save(patient.id, "tumour-assessment", "unscheduled", scan("2026-02-14", 30, 20));
    expect(day33).toMatchObject({ visitKey: "unscheduled", computed: { response: "PR" } });
    const stored = await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: week8.id } });
    expect(stored.computed).toMatchObject({ response: "PD" });

    const [outcome] = (await getPatientOutcomes(actors.pi, { pageSize: 100 })).data.filter(
      (row) => row.subjectId === patient.subjectId,
    );
    // Progression at week 8 (day 56 after enrollment on 2026-01-12); the day-33 partial response
    // was never confirmed, so by RECIST the best overall response is progression.
    expect(outcome).toMatchObject({
      bestOverallResponse: "PD",
      confirmed: false,
      pfs: { days: 56, event: 1, source: expect.any(String) },
    });

    // A second unscheduled scan is allowed (after week 8, by its date).
    await save(patient.id, "tumour-assessment", "unscheduled", scan("2026-03-30", 50, 30));
    const scans = (await listCrfRecords(actors.investigator1, patient.id)).filter(
      (r) => r.formType === "tumour-assessment",
    );
    expect(scans.map((r) => r.visitKey).sort()).toEqual(["unscheduled", "unscheduled", "week8"]);
  });

  test("labs and dosing repeat as unscheduled; an adverse event or a baseline form cannot be unscheduled", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_12);
    await save(patient.id, "labs", "unscheduled", labs("2026-01-20"));
    await save(patient.id, "labs", "unscheduled", labs("2026-01-27"));
    const unscheduledLabs = (await listCrfRecords(actors.investigator1, patient.id)).filter(
      (r) => r.formType === "labs" && r.visitKey === "unscheduled",
    );
    expect(unscheduledLabs).toHaveLength(2);

    const ae = save(patient.id, "adverse-event", "unscheduled", {
      ...emptyAdverseEvent(),
      term: "Fatigue",
      grade: 2,
      onsetDate: "2026-01-20",
    });
    await expect(ae).rejects.toBeInstanceOf(ValidationError);
    await expect(ae).rejects.toMatchObject({
      fieldErrors: { visitKey: ["This form is recorded as an event, not at a visit; omit visitKey"] },
    });
    await expect(save(patient.id, "baseline", "unscheduled", {})).rejects.toMatchObject({
      fieldErrors: { visitKey: [expect.stringContaining("recorded once per patient")] },
    });
    // A scheduled visit is still one form: a second week 4 labs is refused.
    await save(patient.id, "labs", "week4", labs("2026-02-09"));
    await expect(save(patient.id, "labs", "week4", labs("2026-02-10"))).rejects.toBeInstanceOf(ConflictError);
  });

  test("unscheduled visits survive an export and import: each is its own visit in ODM, matched by its date on import", async () => {
    const bytesOf = async (stream: ReadableStream<Uint8Array>) =>
      new Uint8Array(await new Response(stream).arrayBuffer());
    const useDatabase = (target: TestDatabase) =>
      ((globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = target.prisma);
    // Per subject, the unscheduled forms by type and date: what a round trip must keep.
    const unscheduledOf = async (prisma: PrismaClient) =>
      (
        await prisma.crfRecord.findMany({
          where: { visitKey: "unscheduled", deletedAt: null },
          select: { formType: true, data: true, patient: { select: { subjectId: true } } },
        })
      )
        .map((r) => `${r.patient.subjectId} ${r.formType} ${recordDateOf(r.formType, r.data)}`)
        .sort();
    const source = await unscheduledOf(db.prisma);
    // The two earlier tests filed two unscheduled scans and two unscheduled labs.
    expect(source).toHaveLength(4);
    const files = {
      odm: await bytesOf((await exportOdm(actors.pi, {})).stream),
      csv: await bytesOf((await exportCsv(actors.pi, {})).stream),
    };
    expect(new TextDecoder().decode(files.odm)).toContain('StudyEventRepeatKey="unscheduled-2"');
    for (const format of ["odm", "csv"] as const) {
      const empty = await createTestDatabase();
      try {
        const { actors: emptyActors } = await seedDemoActors(empty.prisma);
        const report = await runImport(emptyActors.admin, { format, body: files[format], dryRun: false });
        expect(report.errors).toEqual([]);
        expect(await unscheduledOf(empty.prisma)).toEqual(source);
        const again = await runImport(emptyActors.admin, { format, body: files[format], dryRun: false });
        expect(again.forms).toMatchObject({ created: 0, updated: 0, refused: 0 });
        expect(await unscheduledOf(empty.prisma)).toEqual(source);
      } finally {
        useDatabase(db);
        await empty.drop();
      }
    }
  }, 600_000);

  test("the database holds the same rule for any writer", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_12);
    const insert = (formType: string, visitKey: string | null) =>
      db.query(
        `INSERT INTO crf_records (id, patient_id, site_id, form_type, visit_key, data, created_by_id, updated_by_id, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, '{}', $5, $5, now())`,
        [patient.id, sites.TW01, formType, visitKey, actors.investigator1.userId],
      );
    await insert("dosing", "unscheduled");
    await insert("dosing", "unscheduled");
    await expect(insert("adverse-event", "unscheduled")).rejects.toThrow(/crf_records_visit_key_matches_form/);
    await expect(insert("end-of-study", "unscheduled")).rejects.toThrow(/crf_records_visit_key_matches_form/);
    await insert("dosing", "week4");
    await expect(insert("dosing", "week4")).rejects.toThrow(/crf_records_one_per_visit/);
  });
});
