import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startLocalSmtpServer } from "@/lib/mail/local-smtp-server";
import { deliverPendingMail } from "@/lib/mail/mail-sender";
import { createEnrolledPatient, DAY1_2026_01_10 } from "@/test/integration/enrolled-patient";
import { withDemoDatabase } from "@/test/integration/with-demo-database";
import { adverseEvent, recordAdverseEvent, serious } from "@/test/integration/toxicity-fixtures";
import { saveCrfRecord } from "./crf-records";
import { getDataQuality } from "./data-quality";
import { runScheduledAlerts } from "./scheduled-alerts";

const { db, actors, sites } = withDemoDatabase({ openTimeoutMs: 120_000 });
let mailDir: string;

const outboxOf = (kind: string) => db.prisma.mailOutbox.findMany({ where: { kind }, orderBy: { id: "asc" } });

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), "trialdesk-scheduled-mail-"));
});
// Runs before withDemoDatabase's own afterAll drops the database.
afterAll(() => rm(mailDir, { recursive: true, force: true }));

describe("scheduled alerts: overdue SAE reports and the daily overdue-forms digest", () => {
  test("an SAE past its 24-hour clock without a report time emails once; a reported one and a running clock do not", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
    const other = await createEnrolledPatient(actors.investigator2, sites.TW02, DAY1_2026_01_10);
    // Aware 2026-02-09 10:00 site time: due 2026-02-10 10:00. Not attributed (no DLT, no boundary mail).
    const unrelated = { attribution: { thalidomide: "unlikely", uft: "unrelated" } } as const;
    const open = await recordAdverseEvent(
      actors.investigator1,
      patient.id,
      adverseEvent({ ...serious("2026-02-09T10:00"), ...unrelated, grade: 3, onsetDate: "2026-02-09" }),
    );
    await recordAdverseEvent(
      actors.investigator2,
      other.id,
      adverseEvent({
        ...serious("2026-02-09T10:00"),
        ...unrelated,
        grade: 3,
        onsetDate: "2026-02-09",
        reportedAt: "2026-02-09T18:00",
      }),
    );

    // 2026-02-09 12:00 UTC: at most 2026-02-10 02:00 at any site (UTC+14), the clock still runs.
    expect((await runScheduledAlerts(new Date("2026-02-09T12:00:00Z"))).overdueSaeReports).toBe(0);
    // 2026-02-10 08:00 UTC: 22:00 at UTC+14, twelve hours past the due time.
    const now = new Date("2026-02-10T08:00:00Z");
    expect((await runScheduledAlerts(now)).overdueSaeReports).toBe(1);
    expect((await runScheduledAlerts(now)).overdueSaeReports).toBe(0);
    expect((await runScheduledAlerts(new Date("2026-02-11T08:00:00Z"))).overdueSaeReports).toBe(0);
    const alerts = await outboxOf("SAE_REPORT_OVERDUE");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      patientId: patient.id,
      dedupeKey: `sae-overdue:${open.id}:2026-02-10T10:00`,
      recipients: ["coordinator@demo.test", "investigator1@demo.test", "pi@demo.test"],
      subject: expect.stringMatching(/^SAE report overdue: Fatigue, patient TW01-\d{3} \(site TW01\)$/),
    });
    expect(alerts[0]!.body).toContain("was due to be reported to the sponsor by 2026-02-10 10:00");

    // Through a real SMTP server: one message arrives, and a later round sends nothing more.
    const server = await startLocalSmtpServer({ port: 0, dir: mailDir });
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${server.port}`);
    try {
      await db.prisma.mailOutbox.updateMany({
        where: { kind: { not: "SAE_REPORT_OVERDUE" } },
        data: { status: "SENT" },
      });
      expect(await deliverPendingMail(db.prisma, transport, { from: "trialdesk@demo.test" })).toEqual({
        sent: 1,
        retried: 0,
        failed: 0,
      });
      await runScheduledAlerts(now);
      expect(await deliverPendingMail(db.prisma, transport, { from: "trialdesk@demo.test" })).toEqual({
        sent: 0,
        retried: 0,
        failed: 0,
      });
    } finally {
      transport.close();
      await server.close();
    }
    const files = (await readdir(mailDir)).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(1);
    expect((await readFile(path.join(mailDir, files[0]!), "utf8")).replace(/\r?\n[ \t]+/g, " ")).toMatch(
      /Subject: SAE report overdue: Fatigue, patient TW01-\d{3}/,
    );

    // Reporting it stops the clock: the report time is recorded, nothing new is queued.
    await saveCrfRecord(actors.investigator1, {
      patientId: patient.id,
      formType: "adverse-event",
      visitKey: null,
      recordId: open.id,
      expectedVersion: open.version,
      reason: "Reported late",
      data: adverseEvent({
        ...serious("2026-02-09T10:00"),
        ...unrelated,
        grade: 3,
        onsetDate: "2026-02-09",
        reportedAt: "2026-02-10T12:00",
      }),
    });
    expect((await runScheduledAlerts(now)).overdueSaeReports).toBe(0);
  });

  test("each investigator gets one digest a day with the data-quality page's overdue counts for their sites", async () => {
    const now = new Date("2026-02-10T08:00:00Z");
    const today = "2026-02-10";
    // The page's figures for that day, as the coordinator sees them.
    const page = await getDataQuality(actors.coordinator, today);
    const overdue = Object.fromEntries(page.sites.map((s) => [s.siteCode, s.overdueForms.count]));
    expect(overdue.TW01).toBeGreaterThan(0);
    expect(overdue.TW02).toBeGreaterThan(0);
    expect(overdue.TW03).toBe(0);

    const before = (await outboxOf("OVERDUE_FORMS_DIGEST")).length;
    const report = await runScheduledAlerts(now);
    // The first test's rounds on 2026-02-09..11 already wrote that day's digests: none again.
    expect(report.overdueFormDigests).toBe(0);
    const digests = (await outboxOf("OVERDUE_FORMS_DIGEST")).filter((m) =>
      m.dedupeKey?.startsWith(`overdue-forms:${today}:`),
    );
    expect(digests.length).toBe(2);
    expect((await outboxOf("OVERDUE_FORMS_DIGEST")).length).toBe(before);
    const [first, second] = digests;
    // investigator3 (TW03, nothing overdue) gets none; each digest goes to one person, about their site only.
    expect(first).toMatchObject({
      recipients: ["investigator1@demo.test"],
      subject: `Overdue forms on ${today}: ${overdue.TW01} at TW01`,
    });
    expect(second).toMatchObject({
      recipients: ["investigator2@demo.test"],
      subject: `Overdue forms on ${today}: ${overdue.TW02} at TW02`,
    });
    expect(first!.body).toMatch(
      new RegExp(`TW01 .*: ${overdue.TW01} overdue forms \\(TW01-\\d{3}: ${overdue.TW01}\\)`),
    );
    expect(first!.body).not.toContain("TW02");
    console.log(
      `data-quality overdue on ${today}: ${JSON.stringify(overdue)}; digests: ${digests.map((d) => `${(d.recipients as string[]).join()} "${d.subject}"`).join(" | ")}`,
    );

    // The next day: one new digest each.
    const nextDay = await runScheduledAlerts(new Date("2026-02-12T08:00:00Z"));
    expect(nextDay.overdueFormDigests).toBe(2);
    expect(await runScheduledAlerts(new Date("2026-02-12T23:59:00Z"))).toEqual({
      overdueSaeReports: 0,
      overdueFormDigests: 0,
      stoppingBoundaries: 0,
    });
  });
});
