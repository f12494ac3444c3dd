import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { emptyAdverseEvent } from "@/lib/forms/adverse-event-schema";
import { defaultRange, LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import { createEnrolledPatient } from "@/test/integration/enrolled-patient";
import { seedDemoActors, type DemoActorName } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { saveCrfRecord, type SaveCrfRequest } from "./crf-records";

let db: TestDatabase;
let actors: Record<DemoActorName, Actor>;
let sites: Record<"TW01" | "TW02" | "TW03", string>;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ actors, sites } = await seedDemoActors(db.prisma));
});
afterAll(() => db.drop());

/** The SQL statements the driver sends while `run` runs (every Prisma statement goes through pg's Client#query). */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const sql = args[0] as string | { text: string };
    statements.push((typeof sql === "string" ? sql : sql.text).trim().split(/\s+/).slice(0, 3).join(" "));
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    prototype.query = original;
  }
  return statements;
}

const request = (patientId: string, formType: string, visitKey: string | null, data: unknown): SaveCrfRequest => ({
  patientId, formType, visitKey, recordId: null, expectedVersion: null, reason: null, data,
});

/**
 * Round trips are most of a save's cost under load (BENCHMARKS.md, bench:save): a new form is
 * BEGIN, the patient lock, the records the form reads, one INSERT of record and audit, COMMIT.
 */
describe("statements per new form", () => {
  test("a lab panel after earlier ones, and an adverse event: 5 statements each, record and audit both written", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, { screeningDate: "2026-01-05", consentDate: "2026-01-05", enrollmentDate: "2026-01-12" });
    const panel = (sampleDate: string) => ({
      sampleDate,
      results: Object.fromEntries(LAB_PANEL.map(({ test, defaultUnit }) => [test, { value: 100, unit: defaultUnit, ...defaultRange(test, defaultUnit) }])),
    });
    await saveCrfRecord(actors.investigator1, request(patient.id, "labs", "day1", panel("2026-01-12")));

    const labs = await statementsDuring(() => saveCrfRecord(actors.investigator1, request(patient.id, "labs", "week4", panel("2026-02-09"))));
    const adverseEvent = await statementsDuring(() =>
      saveCrfRecord(actors.investigator1, request(patient.id, "adverse-event", null, {
        ...emptyAdverseEvent(), term: "Fatigue", grade: 1, onsetDate: "2026-02-10", ongoing: true, serious: "no",
        attribution: { thalidomide: "possible", uft: "unlikely" }, actionTaken: { thalidomide: "none", uft: "none" }, outcome: "not-recovered",
      })),
    );

    for (const statements of [labs, adverseEvent]) {
      expect(statements).toHaveLength(5);
      expect(statements[0]).toBe("BEGIN");
      expect(statements[3]).toMatch(/^WITH "record" AS/);
      expect(statements[4]).toBe("COMMIT");
    }
    const records = await db.prisma.crfRecord.findMany({ where: { patientId: patient.id, formType: { in: ["labs", "adverse-event"] } }, select: { id: true } });
    const audits = await db.prisma.auditEvent.count({ where: { entityId: { in: records.map((r) => r.id) }, action: "CREATE" } });
    expect(records).toHaveLength(3);
    expect(audits).toBe(3);
  });
});
