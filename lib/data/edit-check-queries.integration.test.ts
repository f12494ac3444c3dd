import { describe, expect, test } from "vitest";
import { adverseEvent } from "@/test/fixtures/adverse-event-data";
import { emptyEndOfStudy } from "@/lib/forms/end-of-study-form";
import { createEnrolledPatient, DAY1_2026_01_15 } from "@/test/integration/enrolled-patient";
import { listCrfRecords, deleteCrfRecord, type SaveCrfRequest } from "./crf-records";
import { listRecordQueries } from "./data-queries";
import { EDIT_CHECK_AUTHOR } from "./edit-check-queries";
import { ADVANCED_BASELINE } from "@/test/fixtures/baseline-data";
import { saveNewRecord } from "@/test/integration/new-record";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/** Cross-form edit checks on real PostgreSQL: a failing check opens a system query on the field; a save that fixes it closes it. */
const { db, actors, sites } = withDemoDatabase();

const enrolled = () => createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_15);
/** Enters a form filed under no visit unless `extra` names one (or, with `extra`, a correction). */
const save = (patientId: string, formType: string, data: unknown, extra: Partial<SaveCrfRequest> = {}) =>
  saveNewRecord(actors.investigator1, patientId, formType, null, data, extra);

const baseline = (liver: { bilirubin: number; albumin: number; inr: number }) => ({
  ...ADVANCED_BASELINE,
  bilirubin: { value: liver.bilirubin, unit: "umol/L" },
  albumin: { value: liver.albumin, unit: "g/L" },
  inr: liver.inr,
});

describe("cross-form edit checks open and close system queries", () => {
  test("eligibility I6 answered yes while the baseline computes Child-Pugh C: a query on answers.I6, closed when the baseline is corrected", async () => {
    const patient = await enrolled();
    const eligibility = (await listCrfRecords(actors.investigator1, patient.id, "eligibility"))[0]!;
    // Bilirubin 60 umol/L (3.5 mg/dL), albumin 25 g/L, INR 2.5, mild ascites: Child-Pugh 3+3+3+2+1 = 12, class C.
    const saved = await save(patient.id, "baseline", baseline({ bilirubin: 60, albumin: 25, inr: 2.5 }));
    expect(saved.computed).toMatchObject({ childPughClass: "C" });
    const opened = await listRecordQueries(actors.coordinator, patient.id, eligibility.id);
    expect(opened).toEqual([
      expect.objectContaining({
        fieldPath: "answers.I6",
        status: "OPEN",
        messages: [
          expect.objectContaining({
            authorName: EDIT_CHECK_AUTHOR,
            text: expect.stringContaining("computes Child-Pugh C (score 12)"),
          }),
        ],
      }),
    ]);
    const openAudit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: opened[0]!.id, action: "QUERY_OPEN" },
    });
    expect(openAudit.reason).toBe("Edit check eligibility-child-pugh, on saving a baseline form");

    // Saving the baseline again with the same finding opens no second query.
    await save(patient.id, "baseline", baseline({ bilirubin: 60, albumin: 25, inr: 2.4 }), {
      recordId: saved.id,
      expectedVersion: 1,
      reason: "INR re-read",
    });
    expect(await db.prisma.dataQuery.count({ where: { recordId: eligibility.id } })).toBe(1);

    // The source said albumin 35 g/L: Child-Pugh B, and the check closes its query.
    await save(patient.id, "baseline", baseline({ bilirubin: 60, albumin: 35, inr: 1.3 }), {
      recordId: saved.id,
      expectedVersion: 2,
      reason: "Transcription error",
    });
    const closed = await listRecordQueries(actors.coordinator, patient.id, eligibility.id);
    expect(closed).toEqual([
      expect.objectContaining({
        status: "CLOSED",
        messages: [
          expect.objectContaining({ kind: "OPEN" }),
          expect.objectContaining({ kind: "CLOSE", authorName: EDIT_CHECK_AUTHOR }),
        ],
      }),
    ]);
  });

  test("an adverse event starting after death is saved with a query on its onset date; withdrawing it closes the query", async () => {
    const patient = await enrolled();
    await save(patient.id, "end-of-study", {
      ...emptyEndOfStudy(),
      lastKnownAliveDate: "2026-03-01",
      deathDate: "2026-03-01",
      deathCause: "disease-progression",
      offTreatmentDate: "2026-02-20",
      offTreatmentReason: "death",
    });
    const ae = await save(patient.id, "adverse-event", adverseEvent({ onsetDate: "2026-03-05" }));
    const queries = await listRecordQueries(actors.coordinator, patient.id, ae.id);
    expect(queries).toEqual([
      expect.objectContaining({
        fieldPath: "onsetDate",
        status: "OPEN",
        messages: [
          expect.objectContaining({ text: "The onset date 2026-03-05 is after the patient's death on 2026-03-01." }),
        ],
      }),
    ]);
    await deleteCrfRecord(actors.investigator1, {
      patientId: patient.id,
      recordId: ae.id,
      reason: "Entered for the wrong patient",
    });
    expect((await db.prisma.dataQuery.findUniqueOrThrow({ where: { id: queries[0]!.id } })).status).toBe("CLOSED");
  });
});
