import { beforeAll, describe, expect, test } from "vitest";
import * as patientOutcomesRoute from "@/app/api/v1/analysis/patients/route";
import * as sitesRoute from "@/app/api/v1/admin/sites/route";
import * as siteRoute from "@/app/api/v1/admin/sites/[id]/route";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import * as activeRoute from "@/app/api/v1/admin/users/[id]/active/route";
import * as rolesRoute from "@/app/api/v1/admin/users/[id]/roles/route";
import * as roleRoute from "@/app/api/v1/admin/users/[id]/roles/[assignmentId]/route";
import * as unlockRoute from "@/app/api/v1/admin/users/[id]/unlock/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as enrollmentRoute from "@/app/api/v1/patients/[id]/enrollment/route";
import * as formTypeRoute from "@/app/api/v1/patients/[id]/forms/[formType]/route";
import * as patientsRoute from "@/app/api/v1/patients/route";
import type { ApiEndpoint } from "@/lib/api/endpoint";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { loadActor } from "@/lib/auth/get-actor";
import { emailKey } from "@/lib/auth/sign-in-throttle";
import { createApiToken } from "@/lib/data/api-tokens";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { ADVANCED_BASELINE } from "@/test/fixtures/baseline-data";
import { apiTokenOf } from "@/test/integration/api-token-of";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/**
 * Issue 17, "a script-only set-up works": an administrator's token creates a site, an
 * investigator and a site-scoped PI through the API; the investigator's script registers
 * patients with externalId and Idempotency-Key; the PI reads /api/v1/analysis/patients.
 * Real route handlers, real PostgreSQL.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Call {
  token: string;
  params?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

const { db, actors, sites } = withDemoDatabase();
let adminToken: string;

// Responses are read loosely: each test asserts the fields it names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = Record<string, any>;

async function call(handler: Handler, method: string, url: string, options: Call) {
  const headers = new Headers({ authorization: `Bearer ${options.token}`, ...options.headers });
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const response = await handler(new Request(`http://localhost${url}`, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as AnyJson) : null };
}

function expectDocumented(endpoint: ApiEndpoint, response: { status: number; json: unknown }) {
  expect(response.status, JSON.stringify(response.json)).toBe(endpoint.successStatus ?? 200);
  if (!endpoint.response) return;
  const parsed = endpoint.response.safeParse(response.json);
  expect(parsed.success ? [] : parsed.error.issues, endpoint.operationId).toEqual([]);
}

const answers = eligibleAnswers();
// No ethnicity and no extrahepaticOtherSite: optional fields left out, as a script would.
const { ethnicity: _ethnicity, extrahepaticOtherSite: _otherSite, ...baseline } = ADVANCED_BASELINE;

beforeAll(async () => {
  adminToken = await apiTokenOf(actors.admin, "admin script", "read-write");
});

/** A user made through the API mints a token with its own password (as POST /api/v1/tokens does with a session). */
async function tokenOf(userId: string, password: string) {
  return (
    await createApiToken((await loadActor(userId))!, {
      name: "script",
      access: "read-write",
      expiresInDays: 30,
      password,
    })
  ).token;
}

describe("a script-only set-up", () => {
  test("admin API: site, investigator and site-scoped PI; patients with externalId and Idempotency-Key; per-patient analysis", async () => {
    const site = await call(sitesRoute.POST, "POST", "/api/v1/admin/sites", {
      token: adminToken,
      body: {
        code: "TW09",
        name: "Script Hospital",
        city: "Tainan",
        country: "Taiwan",
        targetEnrollment: 12,
        timeZone: "Asia/Taipei",
      },
    });
    expectDocumented(API_ENDPOINTS.adminCreateSite, site);
    const siteId = site.json!.data.id as string;
    const edited = await call(siteRoute.PUT, "PUT", "/x", {
      token: adminToken,
      params: { id: siteId },
      body: {
        name: "Script Hospital",
        city: "Tainan",
        country: "Taiwan",
        targetEnrollment: 15,
        timeZone: "Asia/Taipei",
      },
    });
    expectDocumented(API_ENDPOINTS.adminUpdateSite, edited);
    const listed = await call(sitesRoute.GET, "GET", "/api/v1/admin/sites", { token: adminToken });
    expectDocumented(API_ENDPOINTS.adminListSites, listed);
    expect(listed.json!.data.find((s: { code: string }) => s.code === "TW09")).toMatchObject({
      targetEnrollment: 15,
      timeZone: "Asia/Taipei",
      active: true,
    });

    const password = "script-password-2026";
    const investigator = await call(usersRoute.POST, "POST", "/api/v1/admin/users", {
      token: adminToken,
      body: {
        email: "inv9@script.test",
        name: "Investigator Nine",
        temporaryPassword: password,
        assignment: { role: "INVESTIGATOR", siteId },
      },
    });
    expectDocumented(API_ENDPOINTS.adminCreateUser, investigator);
    const pi = await call(usersRoute.POST, "POST", "/api/v1/admin/users", {
      token: adminToken,
      body: {
        email: "pi9@script.test",
        name: "PI Nine",
        temporaryPassword: password,
        assignment: { role: "MONITOR", siteId },
      },
    });
    const piId = pi.json!.data.id as string;
    // The PI role is given (site-scoped) and the placeholder monitor role taken away, through the role endpoints.
    expect(
      (
        await call(rolesRoute.POST, "POST", "/x", {
          token: adminToken,
          params: { id: piId },
          body: { assignment: { role: "PRINCIPAL_INVESTIGATOR", siteId } },
        })
      ).status,
    ).toBe(204);
    const users = await call(usersRoute.GET, "GET", "/api/v1/admin/users", { token: adminToken });
    expectDocumented(API_ENDPOINTS.adminListUsers, users);
    const piRow = users.json!.data.find((u: { id: string }) => u.id === piId) as {
      roles: { id: string; role: string; site: { code: string } | null }[];
    };
    expect(piRow.roles.map((r) => `${r.role}@${r.site?.code}`).sort()).toEqual([
      "MONITOR@TW09",
      "PRINCIPAL_INVESTIGATOR@TW09",
    ]);
    const monitorRole = piRow.roles.find((r) => r.role === "MONITOR")!;
    expect(
      (
        await call(roleRoute.DELETE, "DELETE", "/x", {
          token: adminToken,
          params: { id: piId, assignmentId: monitorRole.id },
          body: { reason: "Set up as PI only" },
        })
      ).status,
    ).toBe(204);

    // The investigator's script: externalId and Idempotency-Key.
    const invToken = await tokenOf(investigator.json!.data.id, password);
    const register = (key: string, externalId: string) =>
      call(patientsRoute.POST, "POST", "/api/v1/patients", {
        token: invToken,
        headers: { "idempotency-key": key },
        body: { siteId, screeningDate: "2026-01-05", externalId },
      });
    const first = await register("reg-0001", "SCR-17");
    expectDocumented(API_ENDPOINTS.registerPatient, first);
    expect(first.json!.data).toMatchObject({ subjectId: "TW09-001", externalId: "SCR-17" });
    const before = await db.prisma.patient.count();
    const retry = await register("reg-0001", "SCR-17");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    expect(await db.prisma.patient.count()).toBe(before);
    // The same key for another request is a client bug: refused, nothing created.
    const reused = await register("reg-0001", "SCR-18");
    expect(reused.status).toBe(409);
    // The reference is unique per site: a second patient cannot take it.
    const duplicate = await register("reg-0002", "SCR-17");
    expect(duplicate).toMatchObject({
      status: 400,
      json: { fieldErrors: { externalId: [expect.stringMatching(/already has this reference/)] } },
    });
    expect(await db.prisma.patient.count()).toBe(before);
    const found = await call(patientsRoute.GET, "GET", `/api/v1/patients?externalId=SCR-17&siteId=${siteId}`, {
      token: invToken,
    });
    expect(found.json!.data.map((p: { subjectId: string }) => p.subjectId)).toEqual(["TW09-001"]);
    const patientId = first.json!.data.id as string;

    // Unknown form type: 404 naming it and the valid ones.
    const unknownForm = await call(formTypeRoute.POST, "POST", "/x", {
      token: invToken,
      params: { id: patientId, formType: "labz" },
      body: { data: {} },
    });
    expect(unknownForm.status).toBe(404);
    expect(unknownForm.json!.error).toMatch(/Form type "labz" not found\. Valid form types: .*labs/);

    const eligibility = await call(formTypeRoute.POST, "POST", "/x", {
      token: invToken,
      params: { id: patientId, formType: "eligibility" },
      body: { data: { consentDate: "2026-01-08", answers } },
    });
    expect(eligibility.status).toBe(201);
    const enrolled = await call(enrollmentRoute.POST, "POST", "/x", {
      token: invToken,
      params: { id: patientId },
      body: { enrollmentDate: "2026-01-15" },
    });
    expect(enrolled.status).toBe(200);
    const baselineForm = await call(formTypeRoute.POST, "POST", "/x", {
      token: invToken,
      params: { id: patientId, formType: "baseline" },
      body: { visitKey: "baseline", data: baseline },
    });
    expect(baselineForm.status, JSON.stringify(baselineForm.json)).toBe(201);
    expect(baselineForm.json!.data.data).toMatchObject({ ethnicity: null, extrahepaticOtherSite: null });

    // The PI (TW09 only) reads the per-patient analysis: TW09's patient, nobody else's.
    const piToken = await tokenOf(piId, password);
    const outcomes = await call(patientOutcomesRoute.GET, "GET", "/api/v1/analysis/patients?pageSize=10", {
      token: piToken,
    });
    expectDocumented(API_ENDPOINTS.listPatientOutcomes, outcomes);
    expect(outcomes.json).toEqual({
      data: [
        {
          id: patientId,
          subjectId: "TW09-001",
          site: "TW09",
          bestOverallResponse: "NE",
          confirmed: false,
          pfs: expect.objectContaining({ event: 0, source: "censored" }),
          os: expect.objectContaining({ event: 0 }),
        },
      ],
      nextCursor: null,
    });
    // A token cannot mint tokens (the password is asked with a session only).
    const minted = await call(tokensRoute.POST, "POST", "/api/v1/tokens", {
      token: piToken,
      body: { name: "more", access: "read-only", expiresInDays: 7, password },
    });
    expect(minted.status).toBe(403);
  });

  test("admin API: locked accounts are listed and unlocked; a user is deactivated and re-activated; others get 403", async () => {
    await db.prisma.signInThrottle.create({
      data: {
        key: emailKey("monitor@demo.test"),
        failures: 5,
        windowStartedAt: new Date(),
        lockedUntil: new Date(Date.now() + 600_000),
      },
    });
    const locked = await call(usersRoute.GET, "GET", "/api/v1/admin/users?locked=true", { token: adminToken });
    expect(locked.json!.data.map((u: { email: string }) => u.email)).toEqual(["monitor@demo.test"]);
    const unlock = await call(unlockRoute.POST, "POST", "/x", {
      token: adminToken,
      params: { id: actors.monitor.userId },
      body: { reason: "Called the help desk" },
    });
    expect(unlock.status).toBe(204);
    expect(
      (await call(usersRoute.GET, "GET", "/api/v1/admin/users?locked=true", { token: adminToken })).json!.data,
    ).toEqual([]);

    const off = await call(activeRoute.PUT, "PUT", "/x", {
      token: adminToken,
      params: { id: actors.monitor.userId },
      body: { active: false, reason: "Left the trial" },
    });
    expect(off.status).toBe(204);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: actors.monitor.userId } })).active).toBe(false);
    await call(activeRoute.PUT, "PUT", "/x", {
      token: adminToken,
      params: { id: actors.monitor.userId },
      body: { active: true, reason: "Back on the trial" },
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: actors.monitor.userId } })).active).toBe(true);

    const piToken = await apiTokenOf(actors.pi, "pi", "read-write", 7);
    const denied = await call(sitesRoute.POST, "POST", "/api/v1/admin/sites", {
      token: piToken,
      body: { code: "TW08", name: "No", city: "No", country: "No", targetEnrollment: 1 },
    });
    expect(denied.status).toBe(403);
    expect(await db.prisma.site.count({ where: { code: "TW08" } })).toBe(0);
    expect(sites.TW01).toBeTruthy();
  });
});
