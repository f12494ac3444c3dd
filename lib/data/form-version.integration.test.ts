import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { FormVersionError } from "@/lib/forms/form-version";
import { getFormDefinition } from "@/lib/forms/registry";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import {
  adverseEvent,
  correctAdverseEvent,
  createPatient,
  createSiteUser,
  recordAdverseEvent,
} from "@/test/integration/toxicity-fixtures";
import { getCrfRecordOrThrow, listCrfRecords } from "./crf-records";

/**
 * Issue 14, item 4: every record stores the version of its form's definition it was saved
 * under, and data of an older version are read through the form's written upgrade steps.
 */
let db: TestDatabase;
let investigator: Actor;
let patientId: string;
const form = getFormDefinition("adverse-event")!;

beforeAll(async () => {
  db = await createTestDatabase();
  const site = await createSiteUser(db.prisma, "TV01", "INVESTIGATOR");
  investigator = site.actor;
  patientId = (await createPatient(investigator, site.siteId))!.id;
});
afterAll(() => db.drop());
afterEach(() => {
  delete form.version;
  delete form.upgrades;
});

const storedVersion = async (id: string) =>
  (await db.query<{ form_version: number }>(`SELECT form_version FROM crf_records WHERE id = $1`, [id])).rows[0]!
    .form_version;

describe("form versions on saved records", () => {
  test("a save stamps the definition's version; a record of an older version is read upgraded and saved current", async () => {
    const saved = await recordAdverseEvent(investigator, patientId, adverseEvent({ outcome: "not-recovered" }));
    expect(await storedVersion(saved.id)).toBe(1);

    // The form changes: version 2 no longer says "not recovered" for an event still going on.
    form.version = 2;
    form.upgrades = {
      1: {
        description: "an ongoing event's outcome is 'recovering'",
        upgrade: (data) => ({ ...(data as object), outcome: "recovering" }),
      },
    };
    const read = await getCrfRecordOrThrow(investigator, patientId, "adverse-event", saved.id);
    expect(read.data).toMatchObject({ outcome: "recovering" });
    expect((await listCrfRecords(investigator, patientId, "adverse-event"))[0]!.data).toMatchObject({
      outcome: "recovering",
    });
    // Nothing was written by reading; a correction stores the current shape under version 2.
    expect(await storedVersion(saved.id)).toBe(1);
    const corrected = await correctAdverseEvent(investigator, patientId, saved, {
      ...(read.data as ReturnType<typeof adverseEvent>),
      grade: 3,
    });
    expect(await storedVersion(corrected.id)).toBe(2);
    const fresh = await recordAdverseEvent(investigator, patientId, adverseEvent({ term: "Diarrhea" }));
    expect(await storedVersion(fresh.id)).toBe(2);
  });

  test("a record of a version this app does not know is refused, not misread", async () => {
    const saved = await recordAdverseEvent(investigator, patientId, adverseEvent({ term: "Nausea" }));
    await db.query(`UPDATE crf_records SET form_version = 5 WHERE id = $1`, [saved.id]);
    await expect(getCrfRecordOrThrow(investigator, patientId, "adverse-event", saved.id)).rejects.toBeInstanceOf(
      FormVersionError,
    );
    // The database itself refuses a version below 1.
    await expect(db.query(`UPDATE crf_records SET form_version = 0 WHERE id = $1`, [saved.id])).rejects.toThrow(
      /crf_records_form_version_check/,
    );
  });
});
