import { parse } from "csv-parse/sync";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/get-actor";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoActors, type DemoActorName } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { getEfficacyAnalysis, getEnrollmentSummary, getPatientOutcomes } from "./analysis";
import { readDataVersion } from "./data-version";
import { exportCsv } from "./exports/csv-export";
import { exportOdm } from "./exports/odm-export";
import { runImport } from "./imports";

/**
 * Issue 17, done means: the demo trial exported as CSV, imported into an empty database, gives
 * the same analyses and the same re-export; importing the file again changes nothing; a file
 * with a wrong unit, a date out of order and an unknown subject gets exactly those three
 * errors in the dry run and creates nothing for those patients. Real PostgreSQL, two databases.
 */
type Files = Record<string, string>;
type Row = Record<string, string>;

let source: TestDatabase;
let target: TestDatabase;
let sourceActors: Record<DemoActorName, Actor>;
let targetActors: Record<DemoActorName, Actor>;
let exported: Uint8Array;
let exportedOdm: Uint8Array;
let analysesOfSource: Awaited<ReturnType<typeof analyses>>;
let versionOfSource: string;

const switchToDatabase = (db: TestDatabase) =>
  ((globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = db.prisma);
const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
const filesOf = (zip: Uint8Array): Files =>
  Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
const rowsOf = (text: string) => parse(text, { columns: true }) as Row[];
const toCsv = (rows: Row[]) => {
  const columns = Object.keys(rows[0]!);
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c] ?? "")).join(","))].join("\n") + "\n";
};
const zipOf = (files: Files) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

/** What a re-export must reproduce: every file, minus what a new database assigns anew (record ids, times, versions). */
const ASSIGNED = new Set(["record_id", "updated_at", "version", "signed_at", "sdv_at"]);
function comparable(files: Files) {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name !== "dictionary.csv" && name.endsWith(".csv"))
      .map(([name, text]) => [
        name,
        rowsOf(text)
          .map((row) => JSON.stringify(Object.entries(row).filter(([k]) => !ASSIGNED.has(k))))
          .sort(),
      ]),
  );
}

async function analyses(pi: Actor) {
  const efficacy = await getEfficacyAnalysis(pi, { ciMethod: "log-log" });
  const outcomes = await getPatientOutcomes(pi, { pageSize: 1000 });
  const enrollment = await getEnrollmentSummary(pi);
  return {
    summary: efficacy.summary,
    pfsCurve: efficacy.pfsCurve,
    osCurve: efficacy.osCurve,
    waterfall: efficacy.waterfall,
    outcomes: outcomes.data.map(({ id: _id, ...rest }) => rest),
    enrollment: JSON.parse(
      JSON.stringify(enrollment)
        .replace(/"siteId":"[^"]+"/g, '"siteId":"-"')
        .replace(/"id":"[^"]+"/g, '"id":"-"'),
    ),
  };
}

const countsOf = async (db: TestDatabase) => ({
  patients: await db.prisma.patient.count(),
  records: await db.prisma.crfRecord.count(),
  audit: await db.prisma.auditEvent.count(),
});

beforeAll(async () => {
  source = await createTestDatabase();
  ({ actors: sourceActors } = await seedDemoActors(source.prisma));
  const seeded = await seedDemoCohort("demo");
  expect(seeded.problems).toEqual([]);
  exported = await bytesOf((await exportCsv(sourceActors.pi, {})).stream);
  exportedOdm = await bytesOf((await exportOdm(sourceActors.pi, {})).stream);
  analysesOfSource = await analyses(sourceActors.pi);
  versionOfSource = await readDataVersion();

  target = await createTestDatabase();
  ({ actors: targetActors } = await seedDemoActors(target.prisma));
}, 600_000);
afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

describe("CSV import round trip", () => {
  test("the dry run lists every patient and form as created and writes nothing", async () => {
    switchToDatabase(target);
    const before = await countsOf(target);
    const reportLines = 100;
    const preview = await runImport(targetActors.admin, { format: "csv", body: exported, dryRun: true, reportLines });
    console.log(
      `dry run of the demo export: patients ${JSON.stringify(preview.patients)}, forms ${JSON.stringify(preview.forms)}, errors ${preview.errors.length}`,
    );
    expect(preview.errors).toEqual([]);
    expect(preview.patients.created).toBe(await source.prisma.patient.count());
    expect(preview.forms.created).toBe(await source.prisma.crfRecord.count({ where: { deletedAt: null } }));
    // The report lists the first forms only (memory stays flat with the file) and counts the rest.
    expect(preview.lines).toHaveLength(reportLines);
    expect(preview.lines.every((line) => line.action === "created")).toBe(true);
    expect(preview.linesLeftOff).toBe(preview.forms.created - reportLines);
    expect(preview.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await countsOf(target)).toEqual(before);
  }, 600_000);

  test("the real run gives the same analyses and the same re-export; audited as IMPORT with the file's SHA-256", async () => {
    switchToDatabase(target);
    const report = await runImport(targetActors.admin, { format: "csv", body: exported, dryRun: false });
    console.log(
      `import of the demo export: patients ${JSON.stringify(report.patients)}, forms ${JSON.stringify(report.forms)}`,
    );
    expect(report.errors).toEqual([]);
    expect(report.patients.refused).toBe(0);
    expect(await readDataVersion()).not.toBe(versionOfSource); // else the analysis cache could answer for the source database
    expect(await analyses(targetActors.pi)).toEqual(analysesOfSource);
    const reexport = await bytesOf((await exportCsv(targetActors.pi, {})).stream);
    expect(comparable(filesOf(reexport))).toEqual(comparable(filesOf(exported)));
    const imports = await target.prisma.auditEvent.findMany({ where: { action: "IMPORT", entityType: "import" } });
    expect(imports).toHaveLength(report.patients.created);
    expect(JSON.stringify(imports[0]!.changes)).toContain(report.sha256);
    expect(
      await target.prisma.auditEvent.count({ where: { action: "IMPORT", entityType: { startsWith: "form:" } } }),
    ).toBe(report.forms.created);
  }, 600_000);

  test("importing the same file again changes nothing", async () => {
    switchToDatabase(target);
    const before = await countsOf(target);
    const again = await runImport(targetActors.admin, { format: "csv", body: exported, dryRun: false });
    expect(again.patients).toMatchObject({ created: 0, updated: 0, refused: 0 });
    expect(again.forms).toMatchObject({ created: 0, updated: 0, refused: 0 });
    expect(await countsOf(target)).toEqual(before);
  }, 600_000);
});

describe("ODM import round trip", () => {
  test("the demo trial as CDISC ODM 1.3.2 into an empty database: same analyses, same re-export; a second import changes nothing", async () => {
    const empty = await createTestDatabase();
    try {
      const { actors } = await seedDemoActors(empty.prisma);
      const report = await runImport(actors.admin, { format: "odm", body: exportedOdm, dryRun: false });
      console.log(
        `ODM import of the demo export: patients ${JSON.stringify(report.patients)}, forms ${JSON.stringify(report.forms)}, errors ${JSON.stringify(report.errors.slice(0, 5))}`,
      );
      expect(report.errors).toEqual([]);
      expect(report.patients.created).toBe(await source.prisma.patient.count());
      expect(await readDataVersion()).not.toBe(versionOfSource);
      expect(await analyses(actors.pi)).toEqual(analysesOfSource);
      const reexport = await bytesOf((await exportCsv(actors.pi, {})).stream);
      expect(comparable(filesOf(reexport))).toEqual(comparable(filesOf(exported)));
      // Patients of a site are imported several at once, each keeping its number: every site's
      // counter still ends past them (moved by each patient's last statement), as in the source.
      const counters = (db: TestDatabase) =>
        db.prisma.site.findMany({ select: { code: true, nextSubjectNumber: true }, orderBy: { code: "asc" } });
      expect(await counters(empty)).toEqual(await counters(source));
      const before = await countsOf(empty);
      const again = await runImport(actors.admin, { format: "odm", body: exportedOdm, dryRun: false });
      expect(again.forms).toMatchObject({ created: 0, updated: 0, refused: 0 });
      expect(await countsOf(empty)).toEqual(before);
    } finally {
      switchToDatabase(target);
      await empty.drop();
    }
  }, 600_000);
});

describe("patients imported at once", () => {
  test("two subjects with one site reference meet: the second is rolled back, imported again alone, and the database ends as after importing one at a time", async () => {
    const files = filesOf(exported);
    const patients = rowsOf(files["patients.csv"]!);
    const first = patients.findIndex((p, i) => patients[i + 1]?.site_code === p.site_code);
    const [a, b] = [patients[first]!, patients[first + 1]!];
    a.external_id = b.external_id = "SHARED-REF";
    files["patients.csv"] = toCsv(patients);
    const body = zipOf(files);
    const stateOf = async (db: TestDatabase) => ({
      patients: await db.prisma.patient.findMany({
        orderBy: { subjectId: "asc" },
        select: { subjectId: true, externalId: true, status: true, enrollmentDate: true },
      }),
      forms: (
        await db.prisma.crfRecord.findMany({
          where: { deletedAt: null },
          select: { patient: { select: { subjectId: true } }, formType: true, visitKey: true, data: true },
        })
      )
        .map((r) => JSON.stringify([r.patient.subjectId, r.formType, r.visitKey, r.data]))
        .sort(),
    });
    const importInto = async (patientsAtOnce: number) => {
      const db = await createTestDatabase();
      const { actors } = await seedDemoActors(db.prisma);
      const retried: string[] = [];
      const report = await runImport(actors.admin, {
        format: "csv",
        body,
        dryRun: false,
        patientsAtOnce,
        onRetry: (subjectId) => retried.push(subjectId),
      });
      return { db, report, retried, state: await stateOf(db) };
    };
    const oneByOne = await importInto(1);
    const atOnce = await importInto(2);
    try {
      expect(oneByOne.retried).toEqual([]);
      // b registered while a's transaction was still open, then waited on the site reference's
      // unique index: rolled back when a committed, and imported again alone, it finds a by reference.
      expect(atOnce.retried).toEqual([b.subject_id]);
      expect(atOnce.report).toEqual(oneByOne.report);
      expect(atOnce.state).toEqual(oneByOne.state);
      expect(atOnce.state.patients.filter((p) => p.externalId === "SHARED-REF")).toHaveLength(1);
    } finally {
      switchToDatabase(target);
      await oneByOne.db.drop();
      await atOnce.db.drop();
    }
  }, 600_000);
});

describe("a file with mistakes", () => {
  test("a wrong unit, a date out of order and an unknown subject: exactly those three errors, nothing created for those patients", async () => {
    const empty = await createTestDatabase();
    try {
      const { actors } = await seedDemoActors(empty.prisma);
      const files = filesOf(exported);
      const labs = rowsOf(files["labs.csv"]!);
      const unitColumn = Object.keys(labs[0]!).find((c) => c.endsWith(".unit") && labs.some((r) => r[c]))!;
      const labRow = labs.find((r) => r[unitColumn])!;
      labRow[unitColumn] = "furlongs";
      const aes = rowsOf(files["adverse-event.csv"]!);
      const resolved = aes.find((r) => r.resolutionDate && r.onsetDate && r.subject_id !== labRow.subject_id)!;
      resolved.resolutionDate = new Date(Date.parse(`${resolved.onsetDate}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      aes.push({ ...aes[0]!, subject_id: "TW01-999", record_id: "00000000-0000-4000-8000-000000000999" });
      files["labs.csv"] = toCsv(labs);
      files["adverse-event.csv"] = toCsv(aes);
      const flawed = zipOf(files);

      const preview = await runImport(actors.admin, { format: "csv", body: flawed, dryRun: true });
      console.log(`dry run with three mistakes: ${JSON.stringify(preview.errors)}`);
      expect(preview.errors.map((e) => [e.subjectId, e.formType, e.field])).toEqual(
        expect.arrayContaining([
          [labRow.subject_id, "labs", unitColumn],
          [resolved.subject_id, "adverse-event", "resolutionDate"],
          ["TW01-999", null, "subject_id"],
        ]),
      );
      expect(preview.errors).toHaveLength(3);
      expect(preview.patients.refused).toBe(3);
      expect(await empty.prisma.patient.count()).toBe(0);

      const run = await runImport(actors.admin, { format: "csv", body: flawed, dryRun: false });
      expect(run.patients.refused).toBe(3);
      const subjects = (await empty.prisma.patient.findMany({ select: { subjectId: true } })).map((p) => p.subjectId);
      expect(subjects).not.toContain(labRow.subject_id);
      expect(subjects).not.toContain(resolved.subject_id);
      expect(subjects).not.toContain("TW01-999");
      expect(subjects).toHaveLength(run.patients.created);
      expect(run.patients.created).toBe(preview.patients.created);
    } finally {
      switchToDatabase(target);
      await empty.drop();
    }
  }, 600_000);

  test("only import.run holders may import", async () => {
    switchToDatabase(target);
    await expect(runImport(targetActors.pi, { format: "csv", body: exported, dryRun: true })).rejects.toThrow(
      /cannot import/,
    );
    const manager = await target.prisma.user.create({
      data: {
        email: "dm@site.test",
        name: "Data Manager",
        passwordHash: "x",
        roleAssignments: { create: { role: "DATA_MANAGER", siteId: null } },
      },
    });
    const preview = await runImport((await loadActor(manager.id))!, { format: "csv", body: exported, dryRun: true });
    expect(preview.patients.unchanged).toBe(await target.prisma.patient.count());
  }, 600_000);
});
