import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as importsRoute from "@/app/api/v1/imports/route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { exportCsv } from "@/lib/data/exports/csv-export";
import { exportOdm } from "@/lib/data/exports/odm-export";
import { registerPatient } from "@/lib/data/patients";
import { apiTokenOf } from "@/test/integration/api-token-of";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { seedDemoActors } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";

/**
 * POST /api/v1/imports through its route handler on real PostgreSQL, and fuzzed (fast-check):
 * malformed XML, zip bombs, wrong encodings, huge fields, wrong media types. Every answer is a
 * clear 4xx with a JSON error, never a 500, and nothing is written.
 */
let db: TestDatabase;
let adminToken: string;
let piToken: string;
let odm: string;
let csvZip: Uint8Array;
const SEED = 20_261_206;

async function post(body: BodyInit, query: string, contentType: string | null, token = adminToken) {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (contentType) headers.set("content-type", contentType);
  const response = await importsRoute.POST(
    // duplex: a ReadableStream body (the streaming test) needs it; other bodies ignore it.
    new Request(`http://localhost/api/v1/imports${query}`, {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit),
    { params: Promise.resolve({}) } as never,
  );
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as Record<string, unknown> };
}

const snapshot = async () => ({
  patients: await db.prisma.patient.count(),
  records: await db.prisma.crfRecord.count(),
  audit: await db.prisma.auditEvent.count({ where: { action: { notIn: ["EXPORT"] } } }),
});

async function expectRefusedAndNothingWritten(
  send: () => Promise<{ status: number; json: Record<string, unknown> }>,
  allowed: readonly number[] = [400, 413, 415],
) {
  const before = await snapshot();
  const answer = await send();
  expect(allowed, JSON.stringify(answer.json).slice(0, 300)).toContain(answer.status);
  expect(typeof answer.json.error).toBe("string");
  expect(JSON.stringify(answer.json)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const { actors, sites } = await seedDemoActors(db.prisma);
  await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-05", externalId: "SCR-1" });
  adminToken = await apiTokenOf(actors.admin, "import", "read-write", 1);
  piToken = await apiTokenOf(actors.pi, "pi", "read-write", 1);
  odm = await new Response((await exportOdm(actors.pi, {})).stream).text();
  csvZip = new Uint8Array(await new Response((await exportCsv(actors.pi, {})).stream).arrayBuffer());
}, 120_000);
afterAll(() => db?.drop());

describe("POST /api/v1/imports", () => {
  test("the trial's own files import as unchanged, in the documented shape; dry run by default", async () => {
    for (const [body, query, type] of [
      [odm, "?format=odm", "application/xml"],
      [csvZip, "?format=csv&dryRun=false", "application/zip"],
    ] as const) {
      const before = await snapshot();
      const answer = await post(body as BodyInit, query, type);
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      const parsed = API_ENDPOINTS.runImport.response.safeParse(answer.json);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(answer.json).toMatchObject({ patients: { created: 0, updated: 0, unchanged: 1, refused: 0 }, errors: [] });
      expect(await snapshot()).toEqual(before);
    }
  });

  test("permission first, then the query, the media type and the size", async () => {
    await expectRefusedAndNothingWritten(() => post(odm, "?format=odm", "application/xml", piToken), [403]);
    await expectRefusedAndNothingWritten(() => post(odm, "?format=xls", "application/xml"), [400]);
    await expectRefusedAndNothingWritten(() => post(odm, "?format=odm&dryRun=maybe", "application/xml"), [400]);
    await expectRefusedAndNothingWritten(() => post(odm, "?format=csv", "application/xml"), [415]);
    await expectRefusedAndNothingWritten(() => post(odm, "?format=odm", "text/plain"), [415]);
    await expectRefusedAndNothingWritten(() => post(odm, "?format=odm", "application/x-www-form-urlencoded"), [415]);
    await expectRefusedAndNothingWritten(
      () => post(new Uint8Array(MAX_IMPORT_BYTES + 1), "?format=odm", "application/xml"),
      [413],
    );
  });

  test("fuzz: ODM cut short anywhere, or with random text spliced in, is a 4xx and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: odm.length - 8 }),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        (cut, noise, splice) =>
          expectRefusedAndNothingWritten(() =>
            post(
              splice ? `${odm.slice(0, cut)}<${noise}${odm.slice(cut)}`.slice(0, odm.length - 7) : odm.slice(0, cut),
              "?format=odm&dryRun=false",
              "application/xml",
            ),
          ),
      ),
      { numRuns: 40, seed: SEED },
    );
  }, 120_000);

  test("fuzz: random bytes as a zip or as XML are a 4xx and write nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom("csv", "odm"), (bytes, format) =>
        expectRefusedAndNothingWritten(() =>
          post(bytes, `?format=${format}&dryRun=false`, format === "csv" ? "application/zip" : "application/xml"),
        ),
      ),
      { numRuns: 40, seed: SEED },
    );
  }, 120_000);

  test("zip bombs (compression ratio), wrong encodings, a DOCTYPE, huge fields: each a clear 4xx", async () => {
    const zeros = (megabytes: number) => new Uint8Array(megabytes * 1024 * 1024);
    const bomb = zipSync({ "patients.csv": [zeros(8), { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    const huge = odm.replace(/(<ItemData [^>]*Value=")[^"]*"/, `$1${"x".repeat(200_000)}"`);
    const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><ODM>&lol2;</ODM>`;
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(odm.slice(0, 2000)).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const latin1 = new Uint8Array([
      ...strToU8('<?xml version="1.0" encoding="ISO-8859-1"?><ODM><ClinicalData>'),
      0xe9,
      ...strToU8("</ClinicalData></ODM>"),
    ]);
    const declaredLatin1 = odm.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    // Stored, not deflated: a run of one digit would compress like a bomb.
    const hugeCell = zipSync({
      "patients.csv": [
        strToU8(`subject_id,site_code,screening_date\nTW01-900,TW01,${"9".repeat(2 * 1024 * 1024)}\n`),
        { level: 0 },
      ],
    });
    const cases: [string, BodyInit, string, string, number][] = [
      ["zip bomb", bomb, "csv", "application/zip", 413],
      ["a zip without patients.csv", zipSync({ "notes.csv": strToU8("a,b\n1,2\n") }), "csv", "application/zip", 400],
      ["a huge ItemData value", huge, "odm", "application/xml", 413],
      ["a DOCTYPE (billion laughs)", billionLaughs, "odm", "application/xml", 400],
      ["UTF-16", utf16, "odm", "application/xml", 415],
      ["Latin-1 bytes", latin1, "odm", "application/xml", 415],
      ["declared ISO-8859-1", declaredLatin1, "odm", "application/xml", 415],
      ["a 2 MB CSV cell", hugeCell, "csv", "application/zip", 400],
      ["XML that is not ODM", "<html><body/></html>", "odm", "application/xml", 400],
    ];
    for (const [name, body, format, type, status] of cases) {
      const before = await snapshot();
      const answer = await post(body, `?format=${format}&dryRun=false`, type);
      expect([name, answer.status], JSON.stringify(answer.json).slice(0, 300)).toEqual([name, status]);
      expect(await snapshot()).toEqual(before);
    }
  }, 120_000);

  test("the body is read as a stream, not buffered: a file refused at its start or cut off at the limit stops the upload", async () => {
    const CHUNK = 64 * 1024;
    /** An upload of `count` chunks made on demand (the XML `head`, then blanks), with no Content-Length. */
    const upload = (head: string, count: number) => {
      const state = { pulled: 0, cancelled: false };
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (state.pulled === count) return controller.close();
          state.pulled += 1;
          const chunk = new Uint8Array(CHUNK).fill(0x20);
          if (state.pulled === 1) chunk.set(strToU8(head));
          controller.enqueue(chunk);
        },
        cancel: () => void (state.cancelled = true),
      });
      return { state, stream };
    };
    const total = Math.ceil((2 * MAX_IMPORT_BYTES) / CHUNK);
    // Refused by the first chunk: the rest of a 128 MB upload is never read.
    const doctype = upload('<?xml version="1.0"?><!DOCTYPE ODM [<!ENTITY x "y">]><ODM>', total);
    await expectRefusedAndNothingWritten(
      () => post(doctype.stream, "?format=odm&dryRun=false", "application/xml"),
      [400],
    );
    expect(doctype.state).toEqual({ pulled: expect.any(Number), cancelled: true });
    expect(doctype.state.pulled).toBeLessThan(8);
    // Well-formed as far as it goes and twice the limit long: cut off at the limit, not read to its end.
    const endless = upload('<?xml version="1.0" encoding="UTF-8"?><ODM><ClinicalData>', total);
    await expectRefusedAndNothingWritten(
      () => post(endless.stream, "?format=odm&dryRun=false", "application/xml"),
      [413],
    );
    expect(endless.state.cancelled).toBe(true);
    expect(endless.state.pulled * CHUNK).toBeLessThanOrEqual(MAX_IMPORT_BYTES + 3 * CHUNK);
  }, 120_000);
});
