import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { TRIAL_ELIGIBILITY_CRITERIA, eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { eligibilityRequest as request } from "@/test/integration/new-record";
import { saveCrfRecord } from "./crf-records";
import { getDataQuality } from "./data-quality";
import { listFieldVerifications, verifyField } from "./field-verification";
import { getFormReviewDetails, markSourceVerified, signCrfRecord } from "./form-review";
import { registerPatient } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const answers = eligibleAnswers();
/** A patient screened on 2026-03-02 by `investigator` with a saved eligibility form, version 1 (consent 2026-03-01). */
async function screenedWithEligibility(investigator: Actor, siteId: string) {
  const patient = await registerPatient(investigator, { siteId, screeningDate: "2026-03-02" });
  const record = await saveCrfRecord(investigator, request(patient.id, { consentDate: "2026-03-01", answers }));
  return { patient, record, ref: { patientId: patient.id, recordId: record.id } };
}
const firstInclusion = TRIAL_ELIGIBILITY_CRITERIA.find((c) => c.kind === "inclusion")!.id;

describe("targeted source data verification", () => {
  test("a monitor verifies one field of a version; it counts while the field holds that value; audited", async () => {
    const { patient, record, ref } = await screenedWithEligibility(actors.investigator3, sites.TW03);

    await verifyField(actors.monitor, { ...ref, fieldPath: "consentDate", version: 1 });
    expect(await listFieldVerifications(actors.investigator3, patient.id, record.id)).toEqual([
      { fieldPath: "consentDate", verifierName: actors.monitor.name, verifiedAt: expect.any(String), recordVersion: 1 },
    ]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: record.id, action: "VERIFY" } });
    expect(audit).toMatchObject({
      actorEmail: "monitor@demo.test",
      entityType: "form:eligibility",
      patientId: patient.id,
      siteId: sites.TW03,
      changes: [{ field: "sourceDataVerified.consentDate", from: null, to: '"2026-03-01" (version 1)' }],
    });

    // The data-quality page counts the field; the whole form is not verified.
    const tw03 = async () => (await getDataQuality(actors.coordinator)).sites.find((s) => s.siteCode === "TW03")!;
    expect((await tw03()).verifiedFields.patients).toContainEqual({
      id: patient.id,
      subjectId: patient.subjectId,
      count: 1,
    });
    expect((await tw03()).verifiedForms.patients.some((p) => p.id === patient.id)).toBe(false);

    // Another field changed: the verified one still holds its value.
    const edited = await saveCrfRecord(
      actors.investigator3,
      request(
        patient.id,
        { consentDate: "2026-03-01", answers: { ...answers, [firstInclusion]: "no" } },
        { recordId: record.id, expectedVersion: 1, reason: "Source check" },
      ),
    );
    expect((await listFieldVerifications(actors.monitor, patient.id, record.id)).map((v) => v.fieldPath)).toEqual([
      "consentDate",
    ]);
    // The verified field corrected: no longer verified, and no longer counted.
    await saveCrfRecord(
      actors.investigator3,
      request(
        patient.id,
        { consentDate: "2026-02-28", answers },
        { recordId: record.id, expectedVersion: edited.version, reason: "Typo" },
      ),
    );
    expect(await listFieldVerifications(actors.monitor, patient.id, record.id)).toEqual([]);
    expect((await tw03()).verifiedFields.patients.some((p) => p.id === patient.id)).toBe(false);

    // Whole-form SDV is counted beside it.
    await markSourceVerified(actors.monitor, { ...ref, version: edited.version + 1 });
    expect((await tw03()).verifiedForms.patients).toContainEqual({
      id: patient.id,
      subjectId: patient.subjectId,
      count: 1,
    });
  });

  test("a stale version, an unknown field or a non-monitor changes nothing", async () => {
    const { record, ref } = await screenedWithEligibility(actors.investigator1, sites.TW01);
    const before = await db.prisma.auditEvent.count();
    await expect(verifyField(actors.monitor, { ...ref, fieldPath: "consentDate", version: 2 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const unknown = await verifyField(actors.monitor, { ...ref, fieldPath: "answers.XX", version: 1 }).catch(
      (e: unknown) => e,
    );
    expect((unknown as ValidationError).fieldErrors).toEqual({ fieldPath: ["Choose a field of this form"] });
    await expect(
      verifyField(actors.investigator1, { ...ref, fieldPath: "consentDate", version: 1 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.prisma.fieldVerification.count({ where: { recordId: record.id } })).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });
});

describe("the signature line", () => {
  test("names the signer and the verifier, with the site's time zone", async () => {
    const { patient, record } = await screenedWithEligibility(actors.investigator1, sites.TW01);
    expect(await getFormReviewDetails(actors.monitor, patient.id, record.id)).toEqual({
      signedByName: null,
      sdvByName: null,
      timeZone: "Asia/Taipei",
    });
    await signCrfRecord(actors.investigator1, { patientId: patient.id, recordId: record.id, password: DEMO_PASSWORD });
    await markSourceVerified(actors.monitor, { patientId: patient.id, recordId: record.id, version: 1 });
    expect(await getFormReviewDetails(actors.coordinator, patient.id, record.id)).toEqual({
      signedByName: actors.investigator1.name,
      sdvByName: actors.monitor.name,
      timeZone: "Asia/Taipei",
    });
  });
});
