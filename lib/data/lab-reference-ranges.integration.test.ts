import { describe, expect, test } from "vitest";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { createEnrolledPatient, DAY1_2026_01_10 } from "@/test/integration/enrolled-patient";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import {
  addLabReferenceRange,
  getLabRangeContext,
  listLabReferenceRanges,
  withdrawLabReferenceRange,
} from "./lab-reference-ranges";
import { saveNewRecord } from "@/test/integration/new-record";
import { labsOn } from "@/test/fixtures/labs-data";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/** Site laboratory reference ranges (issue 13): kept by administrators, audited, enforced on the labs form's save. */
const { db, actors, sites } = withDemoDatabase();

describe("administering the ranges", () => {
  test("only an administrator records or withdraws a range; both are audited; a second live range for the same day is refused", async () => {
    const input = {
      siteId: sites.TW02,
      test: "platelets" as const,
      unit: "x10^9/L",
      sex: null,
      lln: 140,
      uln: 440,
      validFrom: "2026-02-01",
    };
    for (const name of ["investigator2", "coordinator", "pi", "monitor"] as const) {
      await expect(addLabReferenceRange(actors[name], input)).rejects.toThrow(ForbiddenError);
      await expect(listLabReferenceRanges(actors[name])).rejects.toThrow(ForbiddenError);
    }
    const { id } = await addLabReferenceRange(actors.admin, input);
    const created = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "CREATE", entityType: "lab_reference_range" },
    });
    expect(created.siteId).toBe(sites.TW02);
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: "lln", from: null, to: 140 },
        { field: "validFrom", from: null, to: "2026-02-01" },
      ]),
    );
    await expect(addLabReferenceRange(actors.admin, { ...input, lln: 145 })).rejects.toThrow(ConflictError);

    await expect(withdrawLabReferenceRange(actors.coordinator, { id, reason: "typo" })).rejects.toThrow(ForbiddenError);
    await withdrawLabReferenceRange(actors.admin, { id, reason: "Typed the old analyser's range" });
    const withdrawn = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "DELETE" } });
    expect(withdrawn.reason).toBe("Typed the old analyser's range");
    expect((await listLabReferenceRanges(actors.admin)).find((r) => r.id === id)).toMatchObject({
      withdrawnAt: expect.any(Date),
    });
    // Withdrawn, it no longer blocks the corrected range.
    await addLabReferenceRange(actors.admin, { ...input, lln: 145 });
  });

  test("the database refuses an inverted range and a second live range, whatever the caller", async () => {
    const admin = await db.prisma.user.findFirstOrThrow({ where: { email: "admin@demo.test" } });
    const row = {
      siteId: sites.TW03,
      test: "alt",
      unit: "U/L",
      validFrom: new Date("2026-05-01"),
      createdById: admin.id,
    };
    await expect(db.prisma.labReferenceRange.create({ data: { ...row, lln: 50, uln: 40 } })).rejects.toThrow(
      /lab_reference_ranges_limits_check/,
    );
    await db.prisma.labReferenceRange.create({ data: { ...row, uln: 40 } });
    await expect(db.prisma.labReferenceRange.create({ data: { ...row, uln: 45 } })).rejects.toThrow(
      /lab_reference_ranges_one_live|Unique constraint/,
    );
  });
});

describe("the labs form against the site's ranges", () => {
  test("limits equal to the range in force save as they are; other limits need a reason, which the audit keeps", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
    const save = (visitKey: string, data: unknown) =>
      saveNewRecord(actors.investigator1, patient.id, "labs", visitKey, data);
    // The demo laboratory's ranges (the panel's typical values), in either unit: nothing to explain.
    await save(
      "day1",
      labsOn("2026-01-09", {
        platelets: { value: 210_000, unit: "/mm3", lln: 150_000, uln: 400_000 },
        alt: { value: 30 },
      }),
    );

    // TW01's laboratory changes its platelet range from 2026-02-01.
    await addLabReferenceRange(actors.admin, {
      siteId: sites.TW01,
      test: "platelets",
      unit: "x10^9/L",
      sex: null,
      lln: 130,
      uln: 400,
      validFrom: "2026-02-01",
    });
    const context = await getLabRangeContext(actors.investigator1, patient.id);
    expect(context.siteCode).toBe("TW01");
    expect(
      context.ranges
        .filter((r) => r.test === "platelets")
        .map((r) => r.lln)
        .sort(),
    ).toEqual([130, 150]);

    const before = await db.prisma.crfRecord.count();
    expect(await fieldErrorsOf(save("week4", labsOn("2026-02-05", { platelets: { value: 120 } })))).toEqual({
      "results.platelets.rangeReason": [
        "Platelets: the LLN differs from TW01's range in force on 2026-02-05 (130–400 x10^9/L): give the reason",
      ],
    });
    expect(await db.prisma.crfRecord.count()).toBe(before);

    // The new range graded: 120 against LLN 130 is grade 1 (CTCAE v5.0: < LLN - 75,000/mm3).
    const graded = await save("week4", labsOn("2026-02-05", { platelets: { value: 120, lln: 130 } }));
    expect(graded.computed).toMatchObject({ results: { platelets: { grade: 1 } } });

    // Against another range, with the reason: saved, and the reason is in the CREATE audit.
    const other = await save(
      "week8",
      labsOn("2026-03-05", {
        platelets: { value: 120, lln: 150, rangeReason: "Sample run at the reference laboratory (150-400)" },
      }),
    );
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: other.id, action: "CREATE" } });
    expect(audit.changes).toEqual(
      expect.arrayContaining([
        { field: "results.platelets.rangeReason", from: null, to: "Sample run at the reference laboratory (150-400)" },
      ]),
    );
  });

  test("a site with no range on file: the typed limits are the only source, no reason asked", async () => {
    await db.prisma.labReferenceRange.deleteMany({ where: { siteId: sites.TW03 } });
    const patient = await createEnrolledPatient(actors.investigator3, sites.TW03, DAY1_2026_01_10);
    expect((await getLabRangeContext(actors.investigator3, patient.id)).ranges).toEqual([]);
    const saved = await saveNewRecord(
      actors.investigator3,
      patient.id,
      "labs",
      "day1",
      labsOn("2026-01-09", { platelets: { value: 130, lln: 125 } }),
    );
    expect(saved.computed).toMatchObject({ results: { platelets: { grade: 0 } } });
  });

  test("another site's patient's ranges are not readable", async () => {
    const patient = await createEnrolledPatient(actors.investigator2, sites.TW02, DAY1_2026_01_10);
    await expect(getLabRangeContext(actors.investigator1, patient.id)).rejects.toThrow(/not found/i);
  });
});
