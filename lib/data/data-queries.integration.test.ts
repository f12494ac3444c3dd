import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { eligibilityRequest } from "@/test/integration/new-record";
import { saveCrfRecord } from "./crf-records";
import { countOpenQueries, listRecordQueries, openDataQuery, replyToDataQuery } from "./data-queries";
import { registerPatient } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();
const answers = eligibleAnswers();

async function formAt(site: "TW01" | "TW02", investigator: Actor) {
  const patient = await registerPatient(investigator, { siteId: sites[site], screeningDate: "2026-03-02" });
  const record = await saveCrfRecord(
    investigator,
    eligibilityRequest(patient.id, { consentDate: "2026-03-01", answers }),
  );
  return { patient, record };
}

describe("data queries", () => {
  test("a coordinator opens a query on a field, the site answers, the opener closes and re-opens it", async () => {
    const { patient, record } = await formAt("TW01", actors.investigator1);
    const { id } = await openDataQuery(actors.coordinator, {
      patientId: patient.id,
      recordId: record.id,
      fieldPath: "consentDate",
      text: "Consent date differs from the signed form",
    });
    expect((await countOpenQueries(actors.coordinator)).byPatient[patient.id]).toBe(1);
    expect((await countOpenQueries(actors.investigator1)).bySite[sites.TW01]).toBe(1);
    expect((await countOpenQueries(actors.coordinator)).bySiteCode).toEqual({ TW01: 1 });
    expect((await countOpenQueries(actors.investigator2)).bySite[sites.TW01]).toBeUndefined();

    await expect(
      replyToDataQuery(actors.coordinator, "answer", { patientId: patient.id, queryId: id, text: "x".repeat(5) }),
    ).rejects.toThrow(ForbiddenError);
    await replyToDataQuery(actors.investigator1, "answer", {
      patientId: patient.id,
      queryId: id,
      text: "Corrected from source",
    });
    await expect(
      replyToDataQuery(actors.investigator1, "answer", { patientId: patient.id, queryId: id, text: "Again" }),
    ).rejects.toThrow(ConflictError);
    await expect(
      replyToDataQuery(actors.monitor, "close", { patientId: patient.id, queryId: id, text: "Not mine to close" }),
    ).rejects.toThrow(/Only the person who opened/);
    await replyToDataQuery(actors.coordinator, "close", { patientId: patient.id, queryId: id, text: "Resolved" });
    expect((await countOpenQueries(actors.coordinator)).byPatient[patient.id]).toBeUndefined();
    await replyToDataQuery(actors.coordinator, "reopen", {
      patientId: patient.id,
      queryId: id,
      text: "Source still disagrees",
    });

    const [query] = await listRecordQueries(actors.investigator1, patient.id, record.id);
    expect(query).toMatchObject({ status: "OPEN", fieldPath: "consentDate", fieldLabel: "Informed consent date" });
    expect(query!.messages.map((m) => m.kind)).toEqual(["OPEN", "ANSWER", "CLOSE", "REOPEN"]);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["QUERY_OPEN", "QUERY_ANSWER", "QUERY_CLOSE", "QUERY_REOPEN"]);
  });

  test("only coordinators and monitors open queries, only on fields the form has, only on visible patients", async () => {
    const { patient, record } = await formAt("TW02", actors.investigator2);
    const base = { patientId: patient.id, recordId: record.id, fieldPath: "answers.I3", text: "Please confirm" };
    await expect(openDataQuery(actors.investigator2, base)).rejects.toThrow(ForbiddenError);
    await expect(openDataQuery(actors.pi, base)).rejects.toThrow(ForbiddenError);
    await expect(openDataQuery(actors.investigator1, base)).rejects.toThrow(NotFoundError);
    const bad = await openDataQuery(actors.monitor, { ...base, fieldPath: "password" }).catch((e) => e);
    expect((bad as ValidationError).fieldErrors).toEqual({ fieldPath: ["This form has no such field"] });
    await expect(openDataQuery(actors.monitor, base)).resolves.toHaveProperty("id");
    await expect(listRecordQueries(actors.investigator1, patient.id, record.id)).rejects.toThrow(NotFoundError);
  });
});
