import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { beforeAll, describe, expect, test } from "vitest";
import * as enrollmentRoute from "@/app/api/v1/patients/[id]/enrollment/route";
import * as formRoute from "@/app/api/v1/patients/[id]/forms/[formType]/[recordId]/route";
import * as formTypeRoute from "@/app/api/v1/patients/[id]/forms/[formType]/route";
import * as formsRoute from "@/app/api/v1/patients/[id]/forms/route";
import * as patientRoute from "@/app/api/v1/patients/[id]/route";
import * as patientsRoute from "@/app/api/v1/patients/route";
import * as sitesRoute from "@/app/api/v1/sites/route";
import type { ApiEndpoint } from "@/lib/api/endpoint";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { hashApiToken } from "@/lib/auth/api-token";
import { loadActor } from "@/lib/auth/get-actor";
import * as csvExportRoute from "@/app/api/v1/exports/csv/route";
import * as odmExportRoute from "@/app/api/v1/exports/odm/route";
import * as sdtmExportRoute from "@/app/api/v1/exports/sdtm/route";
import * as biomarkersRoute from "@/app/api/v1/analysis/biomarkers/route";
import * as efficacyRoute from "@/app/api/v1/analysis/efficacy/route";
import * as enrollmentSummaryRoute from "@/app/api/v1/analysis/enrollment/route";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { ADVANCED_BASELINE } from "@/test/fixtures/baseline-data";
import { apiTokenOf, createDemoApiToken } from "@/test/integration/api-token-of";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/**
 * The REST API through its real route handlers on real PostgreSQL, authenticated with
 * personal API tokens exactly as a script would be: Request in, Response out.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Call {
  token?: string;
  params?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  authorization?: string;
}

const { db, actors, sites } = withDemoDatabase();
/** The demo password's stored hash, for users made here who must re-enter it (minting a token asks for it). */
const demoPasswordHash = async () =>
  (await db.prisma.user.findUniqueOrThrow({ where: { id: actors.pi.userId }, select: { passwordHash: true } }))
    .passwordHash;
const tokens = {} as Record<"inv1Write" | "inv1Read" | "inv2Write" | "coordinatorRead", string>;

// Responses are read loosely: each test asserts the fields it names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = Record<string, any>;

async function call(handler: Handler, method: string, url: string, options: Call = {}) {
  const headers = new Headers();
  if (options.authorization) headers.set("authorization", options.authorization);
  else if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.body !== undefined) headers.set("content-type", options.contentType ?? "application/json");
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  const response = await handler(new Request(`http://localhost${url}`, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as AnyJson) : null };
}

/** The answer has the shape the OpenAPI document promises for this endpoint. */
function expectDocumented(endpoint: ApiEndpoint, response: { status: number; json: unknown }) {
  expect(response.status).toBe(endpoint.successStatus ?? 200);
  const parsed = endpoint.response!.safeParse(response.json);
  expect(parsed.success ? [] : parsed.error.issues, endpoint.operationId).toEqual([]);
}

const answers = eligibleAnswers();
const baseline = ADVANCED_BASELINE;

async function registerThroughApi(token: string, siteId: string, screeningDate = "2026-01-05") {
  const response = await call(patientsRoute.POST, "POST", "/api/v1/patients", {
    token,
    body: { siteId, screeningDate },
  });
  expectDocumented(API_ENDPOINTS.registerPatient, response);
  return response.json!.data as { id: string; subjectId: string };
}

/** A TW01 patient registered, found eligible and enrolled (day 1 2026-01-15), all through the API. */
async function enrolledPatient() {
  const patient = await registerThroughApi(tokens.inv1Write, sites.TW01);
  const eligibility = await call(formTypeRoute.POST, "POST", "/x", {
    token: tokens.inv1Write,
    params: { id: patient.id, formType: "eligibility" },
    body: { data: { consentDate: "2026-01-08", answers } },
  });
  expect(eligibility.status).toBe(201);
  const enrolled = await call(enrollmentRoute.POST, "POST", "/x", {
    token: tokens.inv1Write,
    params: { id: patient.id },
    body: { enrollmentDate: "2026-01-15" },
  });
  expect(enrolled).toMatchObject({
    status: 200,
    json: { data: { status: "ON_TREATMENT", enrollmentDate: "2026-01-15" } },
  });
  expectDocumented(API_ENDPOINTS.enrollPatient, enrolled);
  return patient;
}

const counts = async () => ({
  patients: await db.prisma.patient.count(),
  records: await db.prisma.crfRecord.count(),
  audit: await db.prisma.auditEvent.count(),
});

beforeAll(async () => {
  tokens.inv1Write = await apiTokenOf(actors.investigator1, "inv1 rw", "read-write");
  tokens.inv1Read = await apiTokenOf(actors.investigator1, "inv1 ro", "read-only");
  tokens.inv2Write = await apiTokenOf(actors.investigator2, "inv2 rw", "read-write");
  tokens.coordinatorRead = await apiTokenOf(actors.coordinator, "coord", "read-only");
});

describe("personal API tokens", () => {
  test("only a SHA-256 of the token is stored; creation is audited without the secret", async () => {
    const { token, apiToken } = await createApiToken(actors.monitor, {
      name: "Monitor script",
      access: "read-only",
      expiresInDays: 7,
      password: DEMO_PASSWORD,
    });
    const { rows } = await db.query<{ secret_hash: string; prefix: string; row: string }>(
      `SELECT secret_hash, prefix, t::text AS row FROM api_tokens t WHERE id = $1`,
      [apiToken.id],
    );
    expect(rows[0]!.secret_hash).toBe(hashApiToken(token));
    expect(token.startsWith(`${rows[0]!.prefix}_`)).toBe(true);
    const secret = token.slice(rows[0]!.prefix.length + 1);
    expect(rows[0]!.row).not.toContain(secret);
    const audits = await db.query<{ action: string; text: string }>(
      `SELECT action, a::text AS text FROM audit_events a WHERE entity_id = $1`,
      [apiToken.id],
    );
    expect(audits.rows.map((r) => r.action)).toEqual(["API_TOKEN_CREATE"]);
    expect(audits.rows[0]!.text).toContain(apiToken.prefix);
    expect(audits.rows.some((r) => r.text.includes(secret))).toBe(false);
  });

  test("a malformed, unknown, revoked or expired token, and a deactivated user's token all get the same 401", async () => {
    const user = await db.prisma.user.create({
      data: {
        email: "leaver@site.test",
        name: "Leaver",
        passwordHash: await demoPasswordHash(),
        roleAssignments: { create: { role: "INVESTIGATOR", siteId: sites.TW01 } },
      },
    });
    const leaver = (await loadActor(user.id))!;
    const leaversToken = await apiTokenOf(leaver, "leaver", "read-only", 7);
    const revoked = await createDemoApiToken(actors.investigator1, "to revoke", "read-only", 7);
    const expired = await createApiToken(
      actors.investigator1,
      { name: "old", access: "read-only", expiresInDays: 7, password: DEMO_PASSWORD },
      new Date(Date.now() - 8 * 86_400_000),
    );
    expect((await call(patientsRoute.GET, "GET", "/api/v1/patients", { token: revoked.token })).status).toBe(200);
    expect((await call(patientsRoute.GET, "GET", "/api/v1/patients", { token: leaversToken })).status).toBe(200);
    await revokeApiToken(actors.investigator1, { tokenId: revoked.apiToken.id });
    await db.prisma.user.update({ where: { id: user.id }, data: { active: false } });

    const unknown = `${tokens.inv1Write.slice(0, 13)}${"A".repeat(43)}`;
    const cases = {
      malformed: "Bearer not-a-token",
      unknown: `Bearer ${unknown}`,
      revoked: `Bearer ${revoked.token}`,
      expired: `Bearer ${expired.token}`,
      deactivated: `Bearer ${leaversToken}`,
      basic: "Basic dXNlcjpwYXNz",
    };
    const invalidBody = { error: "The API token is not valid. It may have expired or been revoked." };
    for (const [name, authorization] of Object.entries(cases)) {
      const response = await call(patientsRoute.GET, "GET", "/api/v1/patients", { authorization });
      expect([name, response.status, response.json]).toEqual([name, 401, invalidBody]);
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    }
    const revocationAudit = await db.prisma.auditEvent.findMany({
      where: { entityId: revoked.apiToken.id },
      orderBy: { id: "asc" },
    });
    expect(revocationAudit.map((a) => a.action)).toEqual(["API_TOKEN_CREATE", "API_TOKEN_REVOKE"]);
  });

  test("a token follows its user's roles at every request: a removed role takes effect at once", async () => {
    const user = await db.prisma.user.create({
      data: {
        email: "mover@site.test",
        name: "Mover",
        passwordHash: await demoPasswordHash(),
        roleAssignments: {
          create: [
            { role: "INVESTIGATOR", siteId: sites.TW01 },
            { role: "INVESTIGATOR", siteId: sites.TW02 },
          ],
        },
      },
    });
    const token = await apiTokenOf((await loadActor(user.id))!, "mover", "read-write", 7);
    const tw02 = await registerThroughApi(tokens.inv2Write, sites.TW02);
    expect((await call(patientRoute.GET, "GET", "/x", { token, params: { id: tw02.id } })).status).toBe(200);
    await db.prisma.roleAssignment.deleteMany({ where: { userId: user.id, siteId: sites.TW02 } });
    expect((await call(patientRoute.GET, "GET", "/x", { token, params: { id: tw02.id } })).status).toBe(404);
    const sitesSeen = await call(sitesRoute.GET, "GET", "/api/v1/sites", { token });
    expect(sitesSeen.json!.data.map((s: { code: string }) => s.code)).toEqual(["TW01"]);
  });

  test("last use is recorded (at most once a minute)", async () => {
    const { token, apiToken } = await createDemoApiToken(actors.pi, "pi", "read-only", 7);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toBeNull();
    await call(sitesRoute.GET, "GET", "/api/v1/sites", { token });
    const first = (await db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await call(sitesRoute.GET, "GET", "/api/v1/sites", { token });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(first);
  });
});

describe("access levels and site scope", () => {
  test("a read-only token reads but every write is 403 and changes nothing", async () => {
    const patient = await registerThroughApi(tokens.inv1Write, sites.TW01);
    expect(
      (await call(patientRoute.GET, "GET", "/x", { token: tokens.inv1Read, params: { id: patient.id } })).status,
    ).toBe(200);
    const before = await counts();
    const register = await call(patientsRoute.POST, "POST", "/api/v1/patients", {
      token: tokens.inv1Read,
      body: { siteId: sites.TW01, screeningDate: "2026-01-05" },
    });
    expect(register).toMatchObject({ status: 403, json: { error: "This API token is read-only." } });
    const form = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Read,
      params: { id: patient.id, formType: "eligibility" },
      body: { data: { consentDate: "2026-01-04", answers } },
    });
    expect(form.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  test("an investigator's token sees only the own site; another site's patient is 404, like a missing one", async () => {
    const tw01 = await registerThroughApi(tokens.inv1Write, sites.TW01);
    const tw02 = await registerThroughApi(tokens.inv2Write, sites.TW02);
    const list = await call(patientsRoute.GET, "GET", "/api/v1/patients?pageSize=200", { token: tokens.inv1Read });
    expectDocumented(API_ENDPOINTS.listPatients, list);
    expectDocumented(
      API_ENDPOINTS.listSites,
      await call(sitesRoute.GET, "GET", "/api/v1/sites", { token: tokens.inv1Read }),
    );
    expectDocumented(
      API_ENDPOINTS.getPatient,
      await call(patientRoute.GET, "GET", "/x", { token: tokens.inv1Read, params: { id: tw01.id } }),
    );
    const codes = new Set(list.json!.data.map((p: { site: { code: string } }) => p.site.code));
    expect(codes).toEqual(new Set(["TW01"]));
    expect(
      (await call(sitesRoute.GET, "GET", "/api/v1/sites", { token: tokens.inv1Read })).json!.data.map(
        (s: { code: string }) => s.code,
      ),
    ).toEqual(["TW01"]);
    expect(
      (await call(sitesRoute.GET, "GET", "/api/v1/sites", { token: tokens.coordinatorRead })).json!.data.map(
        (s: { code: string }) => s.code,
      ),
    ).toEqual(["TW01", "TW02", "TW03"]);

    const hidden = await call(patientRoute.GET, "GET", "/x", { token: tokens.inv1Write, params: { id: tw02.id } });
    const missing = await call(patientRoute.GET, "GET", "/x", {
      token: tokens.inv1Write,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(hidden).toMatchObject({ status: 404, json: missing.json });
    expect((await call(formsRoute.GET, "GET", "/x", { token: tokens.inv1Write, params: { id: tw02.id } })).status).toBe(
      404,
    );
    const before = await counts();
    const write = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params: { id: tw02.id, formType: "eligibility" },
      body: { data: { consentDate: "2026-01-04", answers } },
    });
    expect(write.status).toBe(404);
    expect(
      (
        await call(patientsRoute.POST, "POST", "/api/v1/patients", {
          token: tokens.inv1Write,
          body: { siteId: sites.TW02, screeningDate: "2026-01-05" },
        })
      ).status,
    ).toBe(404);
    expect(await counts()).toEqual(before);
    // A coordinator reads every site but enters no data, whatever the token allows.
    expect(
      (await call(patientRoute.GET, "GET", "/x", { token: tokens.coordinatorRead, params: { id: tw01.id } })).status,
    ).toBe(200);
  });
});

describe("forms through the API: the web form's validation, computation, conflict check and audit", () => {
  test("create, read, update with version and reason, conflict, withdraw", async () => {
    const patient = await enrolledPatient();
    const params = { id: patient.id, formType: "baseline" };
    const created = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params,
      body: { data: baseline },
    });
    expectDocumented(API_ENDPOINTS.createForm, created);
    const record = created.json!.data;
    // Computed on the server, as in the web form: Child-Pugh, CLIP, BCLC, BSA (Mosteller).
    expect(record).toMatchObject({
      formType: "baseline",
      visitKey: "baseline",
      version: 1,
      status: "COMPLETE",
      computed: { childPughScore: 8, childPughClass: "B", clipScore: 5, bclcStage: "C" },
    });
    expect(record.computed.bsaM2).toBeCloseTo(Math.sqrt((158 * 52) / 3600), 12);

    const recordParams = { ...params, recordId: record.id };
    const read = await call(formRoute.GET, "GET", "/x", { token: tokens.inv1Read, params: recordParams });
    expectDocumented(API_ENDPOINTS.getForm, read);
    expect(read.json!.data).toEqual(record);
    const listed = await call(formsRoute.GET, "GET", `/x?formType=baseline`, {
      token: tokens.coordinatorRead,
      params: { id: patient.id },
    });
    expect(listed.json!.data.map((r: { id: string }) => r.id)).toEqual([record.id]);
    const all = await call(formsRoute.GET, "GET", `/x`, { token: tokens.coordinatorRead, params: { id: patient.id } });
    expectDocumented(API_ENDPOINTS.listForms, all);
    expect(all.json!.data.map((r: { formType: string }) => r.formType)).toEqual(["eligibility", "baseline"]);

    const noReason = await call(formRoute.PUT, "PUT", "/x", {
      token: tokens.inv1Write,
      params: recordParams,
      body: { version: 1, data: { ...baseline, inr: 1.8 } },
    });
    expect(noReason).toMatchObject({ status: 400, json: { fieldErrors: { reason: [expect.any(String)] } } });
    const updated = await call(formRoute.PUT, "PUT", "/x", {
      token: tokens.inv1Write,
      params: recordParams,
      body: { version: 1, reason: "INR re-read from the lab report", data: { ...baseline, inr: 1.8 } },
    });
    expect(updated).toMatchObject({ status: 200, json: { data: { version: 2, computed: { childPughScore: 9 } } } });
    expectDocumented(API_ENDPOINTS.updateForm, updated);
    const stale = await call(formRoute.PUT, "PUT", "/x", {
      token: tokens.inv1Write,
      params: recordParams,
      body: { version: 1, reason: "Mine", data: baseline },
    });
    expect(stale.status).toBe(409);
    expect(stale.json!.error).toMatch(/changed by/);
    expect((await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: record.id } })).version).toBe(2);

    const wrongType = await call(formRoute.DELETE, "DELETE", "/x", {
      token: tokens.inv1Write,
      params: { ...recordParams, formType: "dosing" },
      body: { reason: "Entered in error" },
    });
    expect(wrongType.status).toBe(404);
    const deleted = await call(formRoute.DELETE, "DELETE", "/x", {
      token: tokens.inv1Write,
      params: recordParams,
      body: { reason: "Entered for the wrong patient" },
    });
    expect(deleted).toMatchObject({ status: 204, json: null });
    expect((await call(formRoute.GET, "GET", "/x", { token: tokens.inv1Write, params: recordParams })).status).toBe(
      404,
    );

    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: record.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorEmail, a.reason])).toEqual([
      ["CREATE", "investigator1@demo.test", null],
      ["UPDATE", "investigator1@demo.test", "INR re-read from the lab report"],
      ["DELETE", "investigator1@demo.test", "Entered for the wrong patient"],
    ]);
    expect(audit[1]!.changes).toEqual([{ field: "inr", from: 1.3, to: 1.8 }]);
  });

  test("invalid input is 400 with every field path in the body, and nothing is written", async () => {
    const patient = await enrolledPatient();
    const params = { id: patient.id, formType: "baseline" };
    const before = await counts();
    const invalid = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params,
      body: { data: { ...baseline, albumin: { value: 30, unit: "g/dL" }, heightCm: 1.58 } },
    });
    expect(invalid).toMatchObject({ status: 400, json: { error: "Some fields need attention." } });
    expect(invalid.json!.fieldErrors).toEqual({
      "data.albumin.value": ["The albumin must be from 0.5 to 7 g/dL: check the unit"],
      "data.heightCm": ["The height must be at least 100 cm"],
    });
    // Cross-form rules (dates against day 1) answer with body paths too.
    const late = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params,
      body: { data: { ...baseline, assessmentDate: "2026-01-16" } },
    });
    expect(late.json!.fieldErrors).toEqual({ "data.assessmentDate": [expect.stringContaining("on or before day 1")] });
    const wrongVisit = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params,
      body: { visitKey: "week4", data: baseline },
    });
    expect(wrongVisit.json!.fieldErrors).toEqual({ visitKey: [expect.any(String)] });
    const dosingWithoutVisit = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params: { ...params, formType: "dosing" },
      body: { data: {} },
    });
    expect(dosingWithoutVisit.status).toBe(400);
    const notJson = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params,
      body: "{not json",
    });
    expect(notJson).toMatchObject({
      status: 400,
      json: { fieldErrors: { _form: ["The request body is not valid JSON."] } },
    });
    const noData = await call(patientsRoute.POST, "POST", "/api/v1/patients", {
      token: tokens.inv1Write,
      body: { siteId: "nope", screeningDate: "2026-02-30" },
    });
    expect(Object.keys(noData.json!.fieldErrors).sort()).toEqual(["screeningDate", "siteId"]);
    const unknownForm = await call(formTypeRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      params: { ...params, formType: "no-such-form" },
      body: { data: {} },
    });
    expect(unknownForm.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  test("writes without Content-Type: application/json are 415 and change nothing (CSRF defence for cookie calls)", async () => {
    const patient = await registerThroughApi(tokens.inv1Write, sites.TW01);
    const before = await counts();
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await call(patientsRoute.POST, "POST", "/api/v1/patients", {
        token: tokens.inv1Write,
        contentType,
        body: JSON.stringify({ siteId: sites.TW01, screeningDate: "2026-01-05" }),
      });
      expect([contentType, response.status]).toEqual([contentType, 415]);
    }
    const withCharset = await call(enrollmentRoute.POST, "POST", "/x", {
      token: tokens.inv1Write,
      contentType: "application/json; charset=utf-8",
      params: { id: patient.id },
      body: { enrollmentDate: "2026-01-15" },
    });
    expect(withCharset.status).toBe(400); // JSON accepted; enrollment refused because there is no eligibility form
    expect(withCharset.json!.fieldErrors).toHaveProperty("_form");
    expect(await counts()).toEqual(before);
  });
});

describe("pagination", () => {
  test("cursor pages cover every patient once; the page size is bounded", async () => {
    for (let i = 0; i < 5; i++) await registerThroughApi(tokens.inv2Write, sites.TW02);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await call(
        patientsRoute.GET,
        "GET",
        `/api/v1/patients?pageSize=2${cursor ? `&cursor=${cursor}` : ""}`,
        { token: tokens.inv2Write },
      );
      expect(page.status).toBe(200);
      expect(page.json!.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.json!.data.map((p: { subjectId: string }) => p.subjectId));
      cursor = page.json!.nextCursor;
      pages++;
    } while (cursor);
    const all = await db.prisma.patient.findMany({
      where: { siteId: sites.TW02 },
      orderBy: { subjectId: "asc" },
      select: { subjectId: true },
    });
    expect(seen).toEqual(all.map((p) => p.subjectId));
    expect(pages).toBe(Math.ceil(all.length / 2));
    for (const pageSize of ["0", "201", "two"]) {
      const bad = await call(patientsRoute.GET, "GET", `/api/v1/patients?pageSize=${pageSize}`, {
        token: tokens.inv2Write,
      });
      expect([pageSize, bad.status, Object.keys(bad.json!.fieldErrors)]).toEqual([pageSize, 400, ["pageSize"]]);
    }
  });
});

describe("exports start with a POST (issue 15)", () => {
  const start = (token: string, contentType: string) =>
    csvExportRoute.POST(
      new Request("http://localhost/api/v1/exports/csv", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": contentType },
        body: "{}",
      }),
      {
        params: Promise.resolve({}),
      },
    );
  const exportsAudited = () => db.prisma.auditEvent.count({ where: { action: "EXPORT" } });

  test("there is no GET to follow from a link; a POST with JSON starts it (a read-only token may), audited once", async () => {
    expect(Object.keys(csvExportRoute)).not.toContain("GET");
    const token = await apiTokenOf(actors.pi, "pi exports", "read-only", 7);
    const before = await exportsAudited();
    const refused = await start(token, "application/x-www-form-urlencoded");
    expect(refused.status).toBe(415);
    expect(await exportsAudited()).toBe(before);
    const response = await start(token, "application/json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(await exportsAudited()).toBe(before + 1);
  });
});

describe("the analysis and export routes parse their query with the endpoint list's schemas", () => {
  const badQuery = (route: string, fieldErrors: string[]) => ({
    status: 400,
    error: "Some fields need attention.",
    fieldErrors,
    route,
  });
  const shapeOf = (route: string, answer: { status: number; json: Record<string, unknown> | null }) => ({
    status: answer.status,
    error: answer.json?.error,
    fieldErrors: Object.keys((answer.json?.fieldErrors as object | undefined) ?? {}).sort(),
    route,
  });

  test("a bad query is a field-level 400 like every other route's, before anything is read", async () => {
    const efficacy = await call(efficacyRoute.GET, "GET", "/api/v1/analysis/efficacy?ciMethod=wald", {
      token: tokens.coordinatorRead,
    });
    expect(shapeOf("efficacy", efficacy)).toEqual(badQuery("efficacy", ["ciMethod"]));
    const biomarkers = await call(biomarkersRoute.GET, "GET", "/api/v1/analysis/biomarkers?cut=-1&endpoint=dfs", {
      token: tokens.coordinatorRead,
    });
    expect(shapeOf("biomarkers", biomarkers)).toEqual(badQuery("biomarkers", ["cut", "endpoint"]));
    // The same field-level shape as a route that always ran apiRoute (the patient list's pageSize).
    const patients = await call(patientsRoute.GET, "GET", "/api/v1/patients?pageSize=0", {
      token: tokens.coordinatorRead,
    });
    expect(shapeOf("patients", patients)).toEqual(badQuery("patients", ["pageSize"]));

    const token = await apiTokenOf(actors.pi, "pi bad exports", "read-only", 7);
    const exportsAudited = () => db.prisma.auditEvent.count({ where: { action: "EXPORT" } });
    const before = await exportsAudited();
    for (const [name, route] of [
      ["csv", csvExportRoute],
      ["odm", odmExportRoute],
      ["sdtm", sdtmExportRoute],
    ] as const) {
      const answer = await call(route.POST, "POST", `/api/v1/exports/${name}?site=TW01&site=not%20a%20code`, {
        token,
        body: {},
      });
      expect(shapeOf(name, answer)).toEqual(badQuery(name, ["site.1"]));
    }
    expect(await exportsAudited()).toBe(before);

    // A caller without the capability is refused first: the bad query tells it nothing (403, not 400).
    for (const [name, route, path] of [
      ["efficacy", efficacyRoute, "/api/v1/analysis/efficacy?ciMethod=wald"],
      ["biomarkers", biomarkersRoute, "/api/v1/analysis/biomarkers?cut=-1"],
    ] as const) {
      const refused = await call(route.GET, "GET", path, { token: tokens.inv1Read });
      expect({ name, status: refused.status }).toEqual({ name, status: 403 });
    }
    const refusedExport = await call(csvExportRoute.POST, "POST", "/api/v1/exports/csv?site=not%20a%20code", {
      token: tokens.inv1Read,
      body: {},
    });
    expect(refusedExport.status).toBe(403);
  });

  test("valid queries are answered as before: a repeated site narrows the export, unknown parameters are ignored", async () => {
    const token = await apiTokenOf(actors.pi, "pi good exports", "read-only", 7);
    const response = await sdtmExportRoute.POST(
      new Request("http://localhost/api/v1/exports/sdtm?site=TW01&site=tw02", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/_sdtm_TW01_TW02_/);
    await response.arrayBuffer();
    const enrollment = await call(enrollmentSummaryRoute.GET, "GET", "/api/v1/analysis/enrollment?unknown=1", {
      token: tokens.coordinatorRead,
    });
    expect(enrollment.status).toBe(200);
    expect(enrollment.json).toHaveProperty("sites");
    const efficacy = await call(efficacyRoute.GET, "GET", "/api/v1/analysis/efficacy?ciMethod=plain", {
      token: tokens.coordinatorRead,
    });
    expectDocumented(API_ENDPOINTS.getEfficacyAnalysis, efficacy);
    expect(efficacy.json!.ciMethod).toBe("plain");
  });
});
