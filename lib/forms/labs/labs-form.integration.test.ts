import { describe, expect, test } from "vitest";
import { listCrfRecords } from "@/lib/data/crf-records";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createEnrolledPatient, DAY1_2026_01_10 } from "@/test/integration/enrolled-patient";
import { saveNewRecord, type FormRecordArgs } from "@/test/integration/new-record";
import { labsOn } from "@/test/fixtures/labs-data";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const enrolledPatient = () => createEnrolledPatient(actors.investigator2, sites.TW02, DAY1_2026_01_10);

/** Enters a labs form (or, with `extra`, a correction) as investigator 2 of TW02. */
const saveLabs = (patientId: string, ...args: FormRecordArgs) =>
  saveNewRecord(actors.investigator2, patientId, "labs", ...args);

describe("the laboratory form", () => {
  test("stores CTCAE grades, grades later results against the baseline labs and lists grade 3+", async () => {
    const patient = await enrolledPatient();
    const day1 = await saveLabs(
      patient.id,
      "day1",
      labsOn("2026-01-09", { platelets: { value: 160 }, ast: { value: 100 } }),
    );
    expect(day1).toMatchObject({
      status: "COMPLETE",
      computed: {
        summary: "max grade 1 (Aspartate aminotransferase increased)",
        grade3Plus: [],
        baseline: { status: "pre-treatment", sources: [] },
        results: { platelets: { grade: 0 }, ast: { grade: 1, baselineValue: null } },
      },
    });
    expect(day1.computed.results).not.toHaveProperty("hemoglobin");

    const week4 = await saveLabs(
      patient.id,
      "week4",
      labsOn("2026-02-06", {
        platelets: { value: 40_000, unit: "/mm3", lln: 150_000, uln: 400_000 },
        ast: { value: 200 },
        hemoglobin: { value: 9.5 },
      }),
    );
    expect(week4.computed).toMatchObject({
      summary: "max grade 3 (Platelet count decreased)",
      grade3Plus: [{ test: "platelets", grade: 3, term: "Platelet count decreased" }],
      baseline: { status: "complete", sources: [{ visitKey: "day1", sampleDate: "2026-01-09" }] },
      // 200 U/L = 5 x ULN, but only 2 x the abnormal baseline of 100 U/L: grade 1 (CTCAE v5.0).
      results: { ast: { grade: 1, baselineValue: 100 }, hemoglobin: { grade: 2, term: "Anemia" } },
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: week4.id } });
    expect(audit.changes).toEqual(
      expect.arrayContaining([{ field: "results.platelets.value", from: null, to: 40_000 }]),
    );
  });

  test("invalid input names every field and writes nothing", async () => {
    const patient = await enrolledPatient();
    const before = { records: await db.prisma.crfRecord.count(), audit: await db.prisma.auditEvent.count() };
    const error = await saveLabs(
      patient.id,
      "day1",
      labsOn("2026-01-09", {
        neutrophils: { value: 1.2, lln: null },
        creatinine: { value: 1.1, unit: "mmol/L" },
        albumin: { value: -3 },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
      "results.albumin.value",
      "results.creatinine.unit",
      "results.neutrophils.lln",
    ]);

    const early = await saveLabs(patient.id, "day1", labsOn("2026-01-02", { alt: { value: 20 } })).catch(
      (e: unknown) => e,
    );
    expect((early as ValidationError).fieldErrors).toEqual({
      sampleDate: ["A visit's sample cannot predate screening (2026-01-05)"],
    });
    expect(await db.prisma.crfRecord.count()).toBe(before.records);
    expect(await db.prisma.auditEvent.count()).toBe(before.audit);
  });

  test("an edit needs a reason and the current version; grades are recomputed", async () => {
    const patient = await enrolledPatient();
    const first = await saveLabs(patient.id, "day1", labsOn("2026-01-09", {}));
    expect(first).toMatchObject({ status: "IN_PROGRESS", computed: { summary: "no results", maxGrade: null } });
    const corrected = labsOn("2026-01-09", { neutrophils: { value: 0.4 } });
    const noReason = await saveLabs(patient.id, "day1", corrected, { recordId: first.id, expectedVersion: 1 }).catch(
      (e: unknown) => e,
    );
    expect((noReason as ValidationError).fieldErrors).toHaveProperty("reason");

    const second = await saveLabs(patient.id, "day1", corrected, {
      recordId: first.id,
      expectedVersion: 1,
      reason: "Results arrived from the lab",
    });
    expect(second).toMatchObject({
      version: 2,
      status: "COMPLETE",
      computed: {
        summary: "max grade 4 (Neutrophil count decreased)",
        grade3Plus: [{ test: "neutrophils", grade: 4 }],
      },
    });
    const stale = await saveLabs(patient.id, "day1", labsOn("2026-01-09", {}), {
      recordId: first.id,
      expectedVersion: 1,
      reason: "Undo",
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await listCrfRecords(actors.investigator2, patient.id, "labs"))[0]!.data).toEqual(corrected);
  });
});
