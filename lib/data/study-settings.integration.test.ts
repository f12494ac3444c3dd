import { describe, expect, test } from "vitest";
import { listExpectedVisits } from "@/lib/domain/schedule/visit-schedule";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { StudySettingsSchema, UpdateStudySettingsSchema } from "@/lib/schemas/study-settings";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { getStudySettings, updateStudySettings } from "./study-settings";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();

const edited = (extra: Record<string, unknown> = {}) =>
  StudySettingsSchema.parse({
    name: "Thalidomide plus metronomic UFT in advanced hepatocellular carcinoma (phase II)",
    protocolCode: "HCC-THAL-UFT-II",
    visitIntervalDays: "21",
    imagingIntervalDays: "42",
    windowDays: "3",
    visitForms: ["dosing", "labs"],
    imagingForms: ["tumour-assessment"],
    cytokinePanel: "IL-6, VEGF, HGF",
    ...extra,
  });

describe("study settings", () => {
  test("every database starts with the protocol's schedule and baseline panel (migration row)", async () => {
    const settings = await getStudySettings(actors.investigator1);
    expect(settings).toMatchObject({
      protocolCode: "HCC-THAL-UFT-II",
      schedule: {
        visitIntervalDays: 28,
        imagingIntervalDays: 56,
        windowDays: 7,
        visitForms: ["dosing", "labs"],
        imagingForms: ["tumour-assessment"],
      },
      cytokinePanel: ["IL-6", "IL-8", "VEGF", "bFGF", "TNF-alpha"],
      version: 1,
    });
  });

  test("only an administrator edits them; readers of clinical data and administrators read them", async () => {
    for (const name of ["investigator1", "coordinator", "pi", "monitor"] as const) {
      await expect(
        updateStudySettings(actors[name], { settings: edited(), expectedVersion: 1, reason: "Protocol amendment 2" }),
      ).rejects.toThrow(ForbiddenError);
      await expect(getStudySettings(actors[name])).resolves.toMatchObject({ version: 1 });
    }
    await expect(getStudySettings(actors.admin)).resolves.toMatchObject({ version: 1 });
  });

  test("an edit is versioned and audited with its reason, and the schedule derived from it changes at once", async () => {
    const before = await getStudySettings(actors.admin);
    const updated = await updateStudySettings(actors.admin, {
      settings: edited(),
      expectedVersion: before.version,
      reason: "Protocol amendment 2: 3-weekly cycles",
    });
    expect(updated).toMatchObject({
      version: before.version + 1,
      schedule: { visitIntervalDays: 21, imagingIntervalDays: 42, windowDays: 3 },
      cytokinePanel: ["IL-6", "VEGF", "HGF"],
    });

    const read = await getStudySettings(actors.investigator1);
    expect(
      listExpectedVisits("2026-01-05", "2026-02-20", read.schedule).map((v) => `${v.key}:${v.forms.join("+")}`),
    ).toEqual(["day1:dosing+labs", "week3:dosing+labs", "week6:dosing+labs+tumour-assessment"]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "study-settings" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      action: "UPDATE",
      entityId: "1",
      actorId: actors.admin.userId,
      reason: "Protocol amendment 2: 3-weekly cycles",
    });
    expect(audit.changes).toEqual([
      { field: "visitIntervalDays", from: 28, to: 21 },
      { field: "imagingIntervalDays", from: 56, to: 42 },
      { field: "windowDays", from: 7, to: 3 },
      { field: "cytokinePanel", from: ["IL-6", "IL-8", "VEGF", "bFGF", "TNF-alpha"], to: ["IL-6", "VEGF", "HGF"] },
    ]);

    // An edit based on the version before is a conflict, never a silent overwrite.
    await expect(
      updateStudySettings(actors.admin, {
        settings: edited({ windowDays: "5" }),
        expectedVersion: before.version,
        reason: "Stale",
      }),
    ).rejects.toThrow(ConflictError);
    expect((await getStudySettings(actors.admin)).schedule.windowDays).toBe(3);
  });

  test("invalid settings are refused field by field", () => {
    const result = UpdateStudySettingsSchema.safeParse({
      expectedVersion: 1,
      reason: "",
      settings: {
        name: "X",
        protocolCode: "bad code!",
        visitIntervalDays: "30",
        imagingIntervalDays: "45",
        windowDays: "40",
        visitForms: [],
        imagingForms: ["adverse-event"],
        cytokinePanel: "IL-6, il-6",
      },
    });
    expect(result.success).toBe(false);
    const errors = toFieldErrors(result.error!.issues);
    expect(Object.keys(errors).sort()).toEqual([
      "reason",
      "settings.cytokinePanel",
      "settings.imagingForms.0",
      "settings.name",
      "settings.protocolCode",
      "settings.visitForms",
      "settings.visitIntervalDays",
      "settings.windowDays",
    ]);
    expect(errors["settings.visitIntervalDays"]).toEqual([
      "Use whole weeks (a multiple of 7 days): visits are named by week",
    ]);
    expect(errors["settings.windowDays"]).toEqual(["At most 28 days"]);

    const crossField = toFieldErrors(
      StudySettingsSchema.safeParse({
        ...rawValid,
        imagingIntervalDays: "30",
        windowDays: "14",
        imagingForms: ["labs"],
      }).error!.issues,
    );
    expect(crossField).toEqual({
      imagingIntervalDays: ["Use a multiple of the visit interval (14 days): imaging is done at a visit"],
      windowDays: ["The window must end before the next visit is due"],
      imagingForms: ["Already expected at every visit: labs"],
    });
  });
});

const rawValid = {
  name: "A study",
  protocolCode: "P-1",
  visitIntervalDays: "14",
  imagingIntervalDays: "28",
  windowDays: "3",
  visitForms: ["dosing", "labs"],
  imagingForms: ["tumour-assessment"],
  cytokinePanel: "IL-6",
};
