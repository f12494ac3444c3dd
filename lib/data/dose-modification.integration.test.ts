import { describe, expect, test } from "vitest";
import { getDoseModificationTable, updateDoseModificationTable } from "@/lib/data/dose-modification-settings";
import { listProtocolDeviations } from "@/lib/data/protocol-deviations";
import { DEFAULT_DOSE_MODIFICATION_RULES } from "@/lib/domain/dosing/dose-modification";
import { ForbiddenError } from "@/lib/errors";
import { UpdateDoseModificationSchema } from "@/lib/schemas/safety-settings";
import { createEnrolledPatient, DAY1_2026_01_10 } from "@/test/integration/enrolled-patient";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import { saveNewRecord } from "@/test/integration/new-record";
import { dosingVisit, drugGiven } from "@/test/fixtures/dosing-data";
import { labsOn } from "@/test/fixtures/labs-data";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const dosing = (visitDate: string, uft: object = {}) =>
  dosingVisit({
    visitDate,
    weightKg: 80,
    heightCm: 180,
    uft: drugGiven(168, uft),
    // Held: this test is about UFT, not pregnancy prevention.
    thalidomide: drugGiven(null, { status: "held", statusReason: "other", statusReasonText: "Not part of this test" }),
  });

const enrolledPatient = () => createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
/** Dosed on day 1 (2026-01-10), with grade 3 neutropenia at week 4; `save` enters the patient's next forms. */
async function neutropenicPatient() {
  const patient = await enrolledPatient();
  const save = (formType: string, visitKey: string | null, data: unknown) =>
    saveNewRecord(actors.investigator1, patient.id, formType, visitKey, data);
  await save("dosing", "day1", dosing("2026-01-10"));
  // Neutrophils 0.8 x10^9/L: CTCAE v5.0 grade 3 (<1.0 - 0.5).
  await save("labs", "week4", labsOn("2026-02-06", { neutrophils: 0.8, platelets: 200 }));
  return { patient, save };
}

describe("dose-modification guidance in the save path", () => {
  test("the table starts as the protocol's (the migration's rows equal the domain's defaults) and reads need patient.read", async () => {
    expect((await getDoseModificationTable(actors.investigator1)).rules).toEqual(DEFAULT_DOSE_MODIFICATION_RULES);
    await expect(getDoseModificationTable({ ...actors.investigator1, assignments: [] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  test("grade 3 neutropenia: giving UFT needs a reason, is saved with it and listed as a protocol deviation; holding needs none", async () => {
    const { patient, save } = await neutropenicPatient();
    expect(await fieldErrorsOf(save("dosing", "week4", dosing("2026-02-07", { capsulesReturned: 0 })))).toEqual({
      "uft.deviationReason": [
        "The protocol's table recommends holding UFT (Neutrophil count decreased grade 3 (rule: grade 3 or more, hold)). Give the reason for choosing otherwise; it is recorded as a protocol deviation",
      ],
    });
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id, formType: "dosing" } })).toBe(1);

    const given = await save(
      "dosing",
      "week4",
      dosing("2026-02-07", { capsulesReturned: 0, deviationReason: "Repeat count 1.6 the same morning" }),
    );
    expect(given.data).toMatchObject({
      uft: { status: "given", deviationReason: "Repeat count 1.6 the same morning" },
    });
    const listed = await listProtocolDeviations(actors.coordinator);
    expect(listed.filter((d) => d.patientId === patient.id)).toEqual([
      expect.objectContaining({
        recordId: given.id,
        visitKey: "week4",
        visitDate: "2026-02-07",
        drug: "uft",
        status: "given",
        doseLevel: 0,
        reason: "Repeat count 1.6 the same morning",
      }),
    ]);
    // An investigator may not list deviations (quality.read).
    await expect(listProtocolDeviations(actors.investigator2)).rejects.toBeInstanceOf(ForbiddenError);

    const other = await enrolledPatient();
    await saveNewRecord(actors.investigator1, other.id, "labs", "day1", labsOn("2026-01-09", { neutrophils: 0.8 }));
    const held = await saveNewRecord(
      actors.investigator1,
      other.id,
      "dosing",
      "day1",
      dosing("2026-01-10", { status: "held", statusReason: "toxicity", capsulesDispensed: null }),
    );
    expect(held.status).toBe("COMPLETE");
  });

  test("the table is changed by a study administrator only, with a reason, audited", async () => {
    const before = await getDoseModificationTable(actors.admin);
    const rules = [
      ...before.rules,
      { term: "Fatigue", minGrade: 3, drug: "thalidomide", action: "hold", restart: "Restart when grade 1 or less" },
    ];
    await expect(
      updateDoseModificationTable(actors.investigator1, {
        rules,
        expectedVersion: before.version,
        reason: "Amendment 2",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await fieldErrorsOf(
        updateDoseModificationTable(actors.admin, {
          rules: [{ ...rules[0], minGrade: 7 }],
          expectedVersion: before.version,
          reason: "Amendment 2",
        }),
      ),
    ).toEqual({ "rules.0.minGrade": ["Grade 1 to 5"] });
    const after = await updateDoseModificationTable(actors.admin, {
      rules,
      expectedVersion: before.version,
      reason: "Amendment 2",
    });
    expect(after.version).toBe(before.version + 1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "dose-modification-table" } });
    expect(audit).toMatchObject({ action: "UPDATE", reason: "Amendment 2" });
    expect(audit.changes).toEqual([{ field: "rules", from: before.rules, to: rules }]);
  });
});

describe("the settings page's edit (app/admin/dose-modification)", () => {
  test("the form's values, parsed by its schema, change the table and the next dosing save follows it", async () => {
    const { save } = await neutropenicPatient();
    expect(
      Object.keys(await fieldErrorsOf(save("dosing", "week4", dosing("2026-02-07", { capsulesReturned: 0 })))),
    ).toEqual(["uft.deviationReason"]);

    // As the form sends it: every value typed as text; the neutropenia hold now starts at grade 4.
    const table = await getDoseModificationTable(actors.admin);
    const typed = table.rules.map((r) => ({
      ...r,
      minGrade: String(r.term === "Neutrophil count decreased" && r.action === "hold" ? 4 : r.minGrade),
    }));
    const form = UpdateDoseModificationSchema.parse({
      rules: typed,
      expectedVersion: table.version,
      reason: "Amendment 5: hold UFT from grade 4 neutropenia",
    });
    const updated = await updateDoseModificationTable(actors.admin, form);
    expect(updated.rules.find((r) => r.term === "Neutrophil count decreased" && r.action === "hold")).toMatchObject({
      minGrade: 4,
    });
    expect(
      await db.prisma.auditEvent.findFirstOrThrow({
        where: { entityType: "dose-modification-table" },
        orderBy: { id: "desc" },
      }),
    ).toMatchObject({ reason: "Amendment 5: hold UFT from grade 4 neutropenia" });

    // Grade 3 no longer calls for a hold: UFT is given without a deviation reason.
    const given = await save("dosing", "week4", dosing("2026-02-07", { capsulesReturned: 0 }));
    expect(given.status).toBe("COMPLETE");
  });
});
