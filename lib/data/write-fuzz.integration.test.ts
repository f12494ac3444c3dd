import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isExpectedError, ValidationError } from "@/lib/errors";
import { listFormDefinitions } from "@/lib/forms/registry";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { DeleteCrfSchema, SaveCrfSchema } from "@/lib/schemas/crf";
import { OpenQuerySchema } from "@/lib/schemas/data-query";
import { LockPatientSchema, UnsignCrfSchema, VerifyCrfSchema } from "@/lib/schemas/form-review";
import { EnrollPatientSchema, RegisterPatientSchema, ScreenFailureSchema } from "@/lib/schemas/patient";
import { buildAdverseEvent, buildLabs } from "@/bench/lib/form-payloads";
import { createRandom } from "@/bench/lib/random";
import { hostile, leafPaths, mutate } from "@/test/fuzz/hostile-values";
import { seedDemoActors, type DemoActorName } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { deleteCrfRecord, saveCrfRecord } from "./crf-records";
import { openDataQuery } from "./data-queries";
import { enrollPatient, recordScreenFailure } from "./enrollment";
import { markSourceVerified, setPatientLock, unsignCrfRecord } from "./form-review";
import { registerPatient } from "./patients";
import { saveNewRecord } from "@/test/integration/new-record";

/**
 * Issue 8, resilience 3: property-based fuzzing of every write path the server actions
 * expose, as defineAction runs them (the action's schema, then the lib/data function):
 * malformed, oversized, wrong-typed, injection-shaped and out-of-range input must end in an
 * expected error (a ValidationError naming fields), never an unexpected one, and change no
 * row; input that happens to be valid must write the record together with its audit.
 */
let db: TestDatabase;
let actors: Record<DemoActorName, Actor>;
let patientId: string;
let recordId: string;

async function countRows(): Promise<string> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM patients) p, (SELECT count(*) FROM crf_records) r, (SELECT sum(version) FROM crf_records) v,
            (SELECT count(*) FROM audit_events) a, (SELECT count(*) FROM data_queries) q, (SELECT count(*) FROM crf_records WHERE deleted_at IS NOT NULL) d`,
  );
  return JSON.stringify(rows[0]);
}

/** As defineAction: parse with the action's schema, then call lib/data. */
async function runAsAction<S extends z.ZodType>(
  schema: S,
  input: unknown,
  run: (input: z.output<S>) => Promise<unknown>,
): Promise<unknown> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  return run(parsed.data);
}

/** The property: an expected error with field errors when it is a validation error, and nothing written. */
async function expectRejectedOrConsistent(attempt: () => Promise<unknown>): Promise<void> {
  const before = await countRows();
  const outcome = await attempt().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) return; // valid by chance: written through the normal path (audit checked below)
  if (!isExpectedError(outcome.error)) throw outcome.error; // an unexpected error is the bug this test hunts
  if (outcome.error instanceof ValidationError)
    expect(Object.keys(outcome.error.fieldErrors).length).toBeGreaterThan(0);
  expect(await countRows()).toBe(before);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const seeded = await seedDemoActors(db.prisma);
  actors = seeded.actors;
  const patient = await registerPatient(actors.investigator1, {
    siteId: seeded.sites.TW01,
    screeningDate: "2026-01-05",
  });
  patientId = patient.id;
  await enrollPatient(actors.investigator1, { patientId, enrollmentDate: "2026-01-12" }).catch(() => null);
  const record = await saveNewRecord(
    actors.investigator1,
    patientId,
    "adverse-event",
    null,
    buildAdverseEvent(createRandom(1), "2026-02-01"),
  );
  recordId = record.id;
});
afterAll(() => db.drop());

const RUNS = 60;
const random = createRandom(99);
const validData: Record<string, () => Record<string, unknown>> = {
  "adverse-event": () => buildAdverseEvent(random, "2026-02-10") as unknown as Record<string, unknown>,
  labs: () => buildLabs(random, "2026-02-10") as unknown as Record<string, unknown>,
};

describe("fuzzing every write path (fast-check)", () => {
  test.each(listFormDefinitions().map((d) => d.type))("saveCrfRecord %s: hostile form data", async (formType) => {
    const base = validData[formType]?.() ?? {};
    const paths = leafPaths(base);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ maxDepth: 3 }),
          paths.length
            ? fc.tuple(fc.constantFrom(...paths), hostile).map(([path, value]) => mutate(base, path, value))
            : hostile,
        ),
        fc.oneof(fc.constant("week4"), hostile),
        (data, visitKey) =>
          expectRejectedOrConsistent(() =>
            runAsAction(SaveCrfSchema, { patientId, formType, visitKey, data }, (input) =>
              saveCrfRecord(actors.investigator1, input),
            ),
          ),
      ),
      { numRuns: RUNS },
    );
  });

  test("saveCrfRecord: hostile envelopes (ids, versions, reasons, form types)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          patientId: fc.oneof(fc.constant(patientId), hostile),
          formType: fc.oneof(fc.constant("adverse-event"), hostile),
          recordId: fc.oneof(fc.constant(recordId), hostile),
          expectedVersion: hostile,
          reason: hostile,
          data: fc.anything(),
        }),
        (input) =>
          expectRejectedOrConsistent(() =>
            runAsAction(SaveCrfSchema, input, (parsed) => saveCrfRecord(actors.investigator1, parsed)),
          ),
      ),
      { numRuns: RUNS },
    );
  });

  const others: [string, z.ZodType, (input: never) => Promise<unknown>][] = [
    ["registerPatient", RegisterPatientSchema, (input) => registerPatient(actors.investigator1, input)],
    ["enrollPatient", EnrollPatientSchema, (input) => enrollPatient(actors.investigator1, input)],
    ["recordScreenFailure", ScreenFailureSchema, (input) => recordScreenFailure(actors.investigator1, input)],
    ["deleteCrfRecord", DeleteCrfSchema, (input) => deleteCrfRecord(actors.investigator1, input)],
    ["unsignCrfRecord", UnsignCrfSchema, (input) => unsignCrfRecord(actors.investigator1, input)],
    ["markSourceVerified", VerifyCrfSchema, (input) => markSourceVerified(actors.monitor, input)],
    [
      "setPatientLock",
      LockPatientSchema,
      (input) => setPatientLock(actors.coordinator, { ...(input as object), locked: true } as never),
    ],
    ["openDataQuery", OpenQuerySchema, (input) => openDataQuery(actors.monitor, input)],
  ];
  test.each(others)("%s: hostile input", async (_name, schema, run) => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            "patientId",
            "recordId",
            "siteId",
            "screeningDate",
            "enrollmentDate",
            "reason",
            "version",
            "fieldPath",
            "text",
            "queryId",
          ),
          hostile,
        ),
        fc.boolean(),
        (input, withRealIds) =>
          expectRejectedOrConsistent(() =>
            runAsAction(schema, withRealIds ? { ...input, patientId, recordId } : input, (parsed) =>
              run(parsed as never),
            ),
          ),
      ),
      { numRuns: RUNS },
    );
  });

  test("after all of it: every form record has its CREATE audit event", async () => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM crf_records r WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_id = r.id::text AND e.action = 'CREATE')`,
    );
    expect(rows[0]).toEqual({ n: 0 });
  });
});
