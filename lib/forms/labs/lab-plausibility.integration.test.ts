import { describe, expect, test } from "vitest";
import { createEnrolledPatient, DAY1_2026_01_10 } from "@/test/integration/enrolled-patient";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import { saveNewRecord } from "@/test/integration/new-record";
import { labsOn } from "@/test/fixtures/labs-data";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/** Plausibility and unit checks on the labs form, through the one write path on real PostgreSQL. */
const { db, actors, sites } = withDemoDatabase();

const labs = (values: Parameters<typeof labsOn>[1]) => labsOn("2026-01-09", values);

describe("values that cannot be right", () => {
  test("platelets 85000 as x10^9/L and haemoglobin 105 g/dL are refused, naming the likely unit; nothing is written", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
    const save = (data: unknown) => saveNewRecord(actors.investigator1, patient.id, "labs", "day1", data);
    const before = await db.prisma.crfRecord.count();
    expect(await fieldErrorsOf(save(labs({ platelets: { value: 85000 }, hemoglobin: { value: 105 } })))).toEqual({
      "results.platelets.value": [expect.stringContaining("It looks like a value in /mm3")],
      "results.hemoglobin.value": [expect.stringContaining("It looks like a value in g/L")],
    });
    expect(await db.prisma.crfRecord.count()).toBe(before);

    // A rare value needs a reason; with it, the value and its confirmation are saved and audited.
    expect(await fieldErrorsOf(save(labs({ ast: { value: 4000 } })))).toEqual({
      "results.ast.implausibleReason": [
        "4000 U/L is outside the usual 5-3000 U/L. If it is correct, confirm it with a reason.",
      ],
    });
    const saved = await save(
      labs({ ast: { value: 4000, implausibleReason: "Ischaemic hepatitis after variceal bleed; repeated" } }),
    );
    expect(saved.computed).toMatchObject({ maxGrade: 4 });
    const create = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: saved.id, action: "CREATE" } });
    expect(create.changes).toEqual(
      expect.arrayContaining([
        { field: "results.ast.value", from: null, to: 4000 },
        {
          field: "results.ast.implausibleReason",
          from: null,
          to: "Ischaemic hepatitis after variceal bleed; repeated",
        },
      ]),
    );
  });
});
