import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { listOutbox } from "@/lib/data/mail-outbox";
import { ForbiddenError } from "@/lib/errors";
import { adverseEvent, serious } from "@/test/fixtures/adverse-event-data";
import { createEnrolledPatient, DAY1_2026_01_10 } from "@/test/integration/enrolled-patient";
import { startLocalSmtpServer } from "./local-smtp-server";
import { deliverPendingMail } from "./mail-sender";
import { saveNewRecord } from "@/test/integration/new-record";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();
let mailDir: string;

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), "trialdesk-mail-"));
});
// Runs before withDemoDatabase's own afterAll drops the database.
afterAll(() => rm(mailDir, { recursive: true, force: true }));

// Not attributed to the study drugs, so not a DLT: these tests are about the SAE alert alone (the
// stopping-boundary emails: lib/data/stopping-rule-alerts.integration.test.ts).
const sae = (grade: number) =>
  adverseEvent({
    term: "Neutrophil count decreased",
    grade,
    onsetDate: "2026-02-09",
    ...serious("2026-02-09T10:00"),
    attribution: { thalidomide: "unlikely", uft: "unrelated" },
    actionTaken: { thalidomide: "none", uft: "interrupted" },
  });

describe("alert emails through the transactional outbox", () => {
  test("an SAE saved while the mail server is down is saved, waits in the outbox, and is sent once the server is back", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
    // A port where nothing listens: the mail server is down.
    const probe = await startLocalSmtpServer({ port: 0, dir: mailDir });
    const port = probe.port;
    await probe.close();
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${port}`);

    const saved = await saveNewRecord(actors.investigator1, patient.id, "adverse-event", null, sae(3));
    expect(saved.version).toBe(1);
    const [queued] = await listOutbox(actors.admin);
    expect(queued).toMatchObject({
      kind: "SAE_NEW",
      status: "PENDING",
      attempts: 0,
      subject: expect.stringMatching(
        /^New serious adverse event: Neutrophil count decreased, patient TW01-\d{3} \(site TW01\)$/,
      ),
    });
    // The PI, the coordinator and TW01's investigator; not TW02's, not the monitor.
    expect(queued!.recipients).toEqual(["coordinator@demo.test", "investigator1@demo.test", "pi@demo.test"]);

    expect(await deliverPendingMail(db.prisma, transport, { from: "trialdesk@demo.test" })).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
    });
    const waiting = (await listOutbox(actors.admin))[0]!;
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(Date.now());

    const server = await startLocalSmtpServer({ port, dir: mailDir });
    try {
      // Not due yet: nothing is sent before the retry time.
      expect(await deliverPendingMail(db.prisma, transport, { from: "trialdesk@demo.test" })).toEqual({
        sent: 0,
        retried: 0,
        failed: 0,
      });
      await db.prisma.mailOutbox.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      expect(await deliverPendingMail(db.prisma, transport, { from: "trialdesk@demo.test" })).toEqual({
        sent: 1,
        retried: 0,
        failed: 0,
      });
    } finally {
      await server.close();
      transport.close();
    }
    expect((await listOutbox(actors.admin))[0]).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
      sentAt: expect.any(String),
    });
    const files = await readdir(mailDir);
    expect(files).toHaveLength(1);
    const eml = await readFile(path.join(mailDir, files[0]!), "utf8");
    expect(eml).toMatch(/Subject: New serious adverse event: Neutrophil count decreased/);
    expect(eml).toMatch(/To: coordinator@demo\.test, investigator1@demo\.test, pi@demo\.test/);
  });

  test("an upgrade alerts again, an unchanged SAE does not; the outbox is for administrators only", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
    const count = () => db.prisma.mailOutbox.count({ where: { patientId: patient.id } });
    const first = await saveNewRecord(actors.investigator1, patient.id, "adverse-event", null, sae(3));
    const second = await saveCrfRecord(actors.investigator1, {
      patientId: patient.id,
      formType: "adverse-event",
      visitKey: null,
      recordId: first.id,
      expectedVersion: 1,
      reason: "Outcome updated",
      data: { ...sae(3), outcome: "recovering" },
    });
    expect(await count()).toBe(1);
    await saveCrfRecord(actors.investigator1, {
      patientId: patient.id,
      formType: "adverse-event",
      visitKey: null,
      recordId: first.id,
      expectedVersion: second.version,
      reason: "Worsened",
      data: sae(4),
    });
    expect(await count()).toBe(2);
    expect((await listOutbox(actors.admin))[0]).toMatchObject({
      kind: "SAE_UPGRADED",
      subject: expect.stringContaining("upgraded to grade 4"),
    });
    await expect(listOutbox(actors.pi)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
