import { describe, expect, test } from "vitest";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { ConflictError } from "@/lib/errors";
import { saveCrfRecord } from "./crf-records";
import { registerPatient } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/** Issue 8, resilience 4: many users editing the same form at once lose no update. */
const { db, actors, sites } = withDemoDatabase();

const EDITORS = 20;
const answers = eligibleAnswers;
// Each editor types a different consent date, so the saved value tells who won.
const consentDate = (editor: number) => `2026-01-${String(1 + editor).padStart(2, "0")}`;
const request = (
  patientId: string,
  editor: number,
  extra: { recordId: string | null; expectedVersion: number | null; reason: string | null },
) => ({
  patientId,
  formType: "eligibility",
  visitKey: "screening",
  data: { consentDate: consentDate(editor), answers: answers() },
  ...extra,
});

describe("concurrent edits of one form", () => {
  test(`${EDITORS} editors saving the same version: exactly one wins, the others get a conflict, the audit shows only the winner`, async () => {
    const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-25" });
    const first = await saveCrfRecord(
      actors.investigator1,
      request(patient.id, 0, { recordId: null, expectedVersion: null, reason: null }),
    );

    const outcomes = await Promise.allSettled(
      Array.from({ length: EDITORS }, (_, i) =>
        saveCrfRecord(
          actors.investigator1,
          request(patient.id, i + 1, {
            recordId: first.id,
            expectedVersion: 1,
            reason: `Correction by editor ${i + 1}`,
          }),
        ),
      ),
    );
    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i + 1] : []));
    const conflicts = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError);
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(EDITORS - 1);

    const stored = await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.version).toBe(2);
    expect((stored.data as { consentDate: string }).consentDate).toBe(consentDate(won[0]!));
    const updates = await db.prisma.auditEvent.findMany({ where: { entityId: first.id, action: "UPDATE" } });
    expect(updates).toHaveLength(1);
    expect(updates[0]!.reason).toBe(`Correction by editor ${won[0]}`);
    expect(updates[0]!.changes).toEqual([{ field: "consentDate", from: consentDate(0), to: consentDate(won[0]!) }]);
  });

  test(`${EDITORS} editors starting the same visit's form: one record, one CREATE audit event`, async () => {
    const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-25" });
    const outcomes = await Promise.allSettled(
      Array.from({ length: EDITORS }, (_, i) =>
        saveCrfRecord(
          actors.investigator1,
          request(patient.id, i, { recordId: null, expectedVersion: null, reason: null }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError)).toHaveLength(
      EDITORS - 1,
    );
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { patientId: patient.id, entityType: "form:eligibility" } })).toBe(
      1,
    );
  });
});
