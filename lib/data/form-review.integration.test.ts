import { describe, expect, test } from "vitest";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { eligibilityRequest as request } from "@/test/integration/new-record";
import { saveCrfRecord } from "./crf-records";
import { enrollPatient } from "./enrollment";
import { openDataQuery, replyToDataQuery } from "./data-queries";
import { markSourceVerified, setPatientLock, signCrfRecord, unsignCrfRecord } from "./form-review";
import { registerPatient } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const answers = eligibleAnswers();

async function screenedPatient() {
  const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-03-02" });
  const record = await saveCrfRecord(actors.investigator1, request(patient.id, { consentDate: "2026-03-01", answers }));
  return { patient, record };
}

describe("signatures", () => {
  test("the signature password shares the sign-in lockout: 6 guesses lock the account, even the right password is then refused, every failure audited", async () => {
    const { patient, record } = await screenedPatient();
    const sign = (password: string) =>
      signCrfRecord(actors.investigator1, { patientId: patient.id, recordId: record.id, password }).then(
        () => "signed",
        (e: unknown) => (e as ValidationError).fieldErrors.password![0],
      );
    const outcomes = [];
    for (let guess = 1; guess <= 6; guess++) outcomes.push(await sign(`guess-${guess}`));
    outcomes.push(await sign(DEMO_PASSWORD));
    expect(outcomes).toEqual([
      ...Array(5).fill("The password is not correct"),
      "Too many wrong passwords: try again in 15 minutes",
      "Too many wrong passwords: try again in 15 minutes",
    ]);
    expect((await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: record.id } })).signedAt).toBeNull();
    // One lockout for every password check: sign-in is refused too.
    expect(await attemptSignIn({ email: actors.investigator1.email, password: DEMO_PASSWORD, address: null })).toEqual({
      ok: false,
      reason: "throttled",
    });
    const failures = await db.prisma.auditEvent.findMany({
      where: { action: "PASSWORD_CHECK_FAILED", actorId: actors.investigator1.userId },
      orderBy: { id: "asc" },
    });
    expect(failures.map((f) => f.reason)).toEqual([
      ...Array(5).fill("signature: wrong password"),
      ...Array(2).fill("signature: refused, account locked after too many wrong passwords"),
    ]);
    // The lock would last 15 minutes; the other tests sign as this investigator.
    await db.prisma.signInThrottle.deleteMany();
  });

  test("signing needs the signer's password; a signed form is read-only until unsigned with a reason", async () => {
    const { patient, record } = await screenedPatient();
    const wrong = await signCrfRecord(actors.investigator1, {
      patientId: patient.id,
      recordId: record.id,
      password: "guess",
    }).catch((e) => e);
    expect((wrong as ValidationError).fieldErrors).toEqual({ password: ["The password is not correct"] });

    await signCrfRecord(actors.investigator1, { patientId: patient.id, recordId: record.id, password: DEMO_PASSWORD });
    const edit = request(
      patient.id,
      { consentDate: "2026-02-28", answers },
      { recordId: record.id, expectedVersion: 1, reason: "Typo" },
    );
    await expect(saveCrfRecord(actors.investigator1, edit)).rejects.toThrow(/signed and read-only/);
    await expect(
      signCrfRecord(actors.investigator1, { patientId: patient.id, recordId: record.id, password: DEMO_PASSWORD }),
    ).rejects.toThrow(ConflictError);

    await unsignCrfRecord(actors.investigator1, {
      patientId: patient.id,
      recordId: record.id,
      reason: "Consent date to correct",
    });
    expect((await saveCrfRecord(actors.investigator1, edit)).version).toBe(2);

    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: record.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "SIGN", "UNSIGN", "UPDATE"]);
    expect(audit[1]!.reason).toMatch(/accurate, complete and verifiable/);
    expect(audit[2]!.reason).toBe("Consent date to correct");
  });

  test("only an investigator of the patient's site signs, and only complete forms", async () => {
    const { patient, record } = await screenedPatient();
    await expect(
      signCrfRecord(actors.coordinator, { patientId: patient.id, recordId: record.id, password: DEMO_PASSWORD }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      signCrfRecord(actors.investigator2, { patientId: patient.id, recordId: record.id, password: DEMO_PASSWORD }),
    ).rejects.toThrow(NotFoundError);
    const partial = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-03-02" });
    const inProgress = await saveCrfRecord(
      actors.investigator1,
      request(partial.id, { consentDate: "2026-03-01", answers: { ...answers, I1: null } }),
    );
    await expect(
      signCrfRecord(actors.investigator1, { patientId: partial.id, recordId: inProgress.id, password: DEMO_PASSWORD }),
    ).rejects.toThrow(/Only a complete form/);
  });
});

describe("source data verification", () => {
  test("a monitor verifies the version they saw; a later change clears it", async () => {
    const { patient, record } = await screenedPatient();
    await expect(
      markSourceVerified(actors.investigator1, { patientId: patient.id, recordId: record.id, version: 1 }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      markSourceVerified(actors.monitor, { patientId: patient.id, recordId: record.id, version: 2 }),
    ).rejects.toThrow(ConflictError);
    await markSourceVerified(actors.monitor, { patientId: patient.id, recordId: record.id, version: 1 });
    expect((await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: record.id } })).sdvAt).not.toBeNull();
    await saveCrfRecord(
      actors.investigator1,
      request(
        patient.id,
        { consentDate: "2026-02-27", answers },
        { recordId: record.id, expectedVersion: 1, reason: "Source says 27th" },
      ),
    );
    expect((await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: record.id } })).sdvAt).toBeNull();
  });
});

describe("locking a patient for analysis", () => {
  test("a coordinator locks; every write is refused until unlocked with a reason", async () => {
    const { patient, record } = await screenedPatient();
    await expect(
      setPatientLock(actors.investigator1, { patientId: patient.id, reason: "Analysis", locked: true }),
    ).rejects.toThrow(ForbiddenError);
    const query = await openDataQuery(actors.coordinator, {
      patientId: patient.id,
      recordId: record.id,
      fieldPath: "consentDate",
      text: "Date?",
    });
    await setPatientLock(actors.coordinator, {
      patientId: patient.id,
      reason: "Interim analysis data cut",
      locked: true,
    });
    const edit = request(
      patient.id,
      { consentDate: "2026-02-28", answers },
      { recordId: record.id, expectedVersion: 1, reason: "Typo" },
    );
    await expect(saveCrfRecord(actors.investigator1, edit)).rejects.toThrow(/locked for analysis/);
    await expect(
      enrollPatient(actors.investigator1, { patientId: patient.id, enrollmentDate: "2026-03-03" }),
    ).rejects.toThrow(/locked/);
    await expect(
      signCrfRecord(actors.investigator1, { patientId: patient.id, recordId: record.id, password: DEMO_PASSWORD }),
    ).rejects.toThrow(/locked/);
    // Frozen for review work too: SDV and queries (issue 15).
    await expect(
      markSourceVerified(actors.monitor, { patientId: patient.id, recordId: record.id, version: 1 }),
    ).rejects.toThrow(/locked for analysis/);
    await expect(
      openDataQuery(actors.monitor, {
        patientId: patient.id,
        recordId: record.id,
        fieldPath: "consentDate",
        text: "Please check",
      }),
    ).rejects.toThrow(/locked for analysis/);
    await expect(
      replyToDataQuery(actors.investigator1, "answer", { patientId: patient.id, queryId: query.id, text: "Checked" }),
    ).rejects.toThrow(/locked for analysis/);
    const frozen = await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(frozen.sdvAt).toBeNull();
    expect(await db.prisma.dataQuery.count({ where: { patientId: patient.id } })).toBe(1);
    expect((await db.prisma.dataQuery.findUniqueOrThrow({ where: { id: query.id } })).status).toBe("OPEN");
    await setPatientLock(actors.coordinator, {
      patientId: patient.id,
      reason: "Query resolution after data cut",
      locked: false,
    });
    expect((await saveCrfRecord(actors.investigator1, edit)).version).toBe(2);
    await markSourceVerified(actors.monitor, { patientId: patient.id, recordId: record.id, version: 2 });
    const actions = (
      await db.prisma.auditEvent.findMany({ where: { entityId: patient.id }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["CREATE", "LOCK", "UNLOCK"]);
  });
});
