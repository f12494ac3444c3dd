import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { eligibleAnswers } from "@/lib/domain/eligibility/criteria";
import { adverseEvent as fatigue } from "@/test/integration/toxicity-fixtures";
import { emptyEndOfStudy } from "@/lib/forms/end-of-study-form";
import { listFormDefinitions } from "@/lib/forms/registry";
import { LONE_SURROGATE_MESSAGE, NUL_CHARACTER_MESSAGE } from "@/lib/schemas/unstorable-text";
import { createEnrolledPatient } from "@/test/integration/enrolled-patient";
import { NOTHING_CHANGED_MESSAGE } from "./crf-record-update";
import { listCrfRecords } from "./crf-records";
import { apiTokenOf } from "@/test/integration/api-token-of";
import { saveNewRecord } from "@/test/integration/new-record";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/**
 * A form's identity (which patient, form and visit) is decided on the server for every path:
 * the web form's server action, the REST API and lib/data itself; and the database refuses a
 * second one-per-patient form from any writer. Server actions run for real, with the signed-in
 * user supplied in place of the session cookie (Next's request scope does not exist here).
 */
let signedIn: Actor | null = null;
vi.mock("@/lib/auth/get-actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/get-actor")>()),
  getActor: async () => signedIn,
  loadRequestActor: async () => signedIn,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveCrfAction, openQueryAction, recordScreenFailureAction } = await import("@/app/patients/[id]/actions");
const { createSiteAction, createUserAction } = await import("@/app/admin/actions");
const { createApiTokenAction } = await import("@/app/account/tokens/actions");
const formTypeRoute = await import("@/app/api/v1/patients/[id]/forms/[formType]/route");
const formRoute = await import("@/app/api/v1/patients/[id]/forms/[formType]/[recordId]/route");

const { db, actors, sites } = withDemoDatabase();
let token: string;

beforeAll(async () => {
  token = await apiTokenOf(actors.investigator1, "identity tests", "read-write");
});
beforeEach(() => {
  signedIn = actors.investigator1;
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function api(handler: Handler, method: string, params: Record<string, string>, body: unknown) {
  const request = new Request("http://localhost/api/v1/x", {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return {
    status: response.status,
    json: (await response.json()) as {
      data?: { id: string; version: number };
      fieldErrors?: Record<string, string[]>;
      error?: string;
    },
  };
}

const enrolled = () =>
  createEnrolledPatient(actors.investigator1, sites.TW01, {
    screeningDate: "2026-01-05",
    consentDate: "2026-01-04",
    enrollmentDate: "2026-01-12",
  });
const answers = eligibleAnswers;
const followUp = (overrides: Record<string, unknown> = {}) => ({
  ...emptyEndOfStudy(),
  lastKnownAliveDate: "2026-03-01",
  offTreatmentDate: "2026-02-20",
  offTreatmentReason: "patient-decision",
  ...overrides,
});
const death = followUp({
  deathDate: "2026-03-01",
  deathCause: "disease-progression",
  lastKnownAliveDate: "2026-03-01",
});
/** Fatigue grade 1 from 2026-02-03, ongoing, not serious. */
const adverseEvent = () => fatigue({ grade: 1 });
const action = (patientId: string, formType: string, visitKey: string | null, data: unknown) =>
  saveCrfAction({ patientId, formType, visitKey, recordId: null, expectedVersion: null, reason: null, data });
const formsOf = async (patientId: string, formType: string) =>
  (await listCrfRecords(actors.investigator1, patientId, formType)).length;

describe("the web form's server action files forms as the REST API does", () => {
  test("a second end-of-study form under another visit key is refused; the patient status stays", async () => {
    const patient = await enrolled();
    expect(await action(patient.id, "end-of-study", "end-of-study", followUp())).toMatchObject({ ok: true });
    const auditBefore = await db.prisma.auditEvent.count();
    const second = await action(patient.id, "end-of-study", "eos-2", death);
    expect(second).toMatchObject({
      ok: false,
      fieldErrors: { visitKey: [expect.stringContaining("once per patient")] },
    });
    // Without a key, or with the right one, it is the same form: a conflict, not a second record.
    expect(await action(patient.id, "end-of-study", null, death)).toMatchObject({
      ok: false,
      message: expect.stringContaining("already been started"),
    });
    expect(await formsOf(patient.id, "end-of-study")).toBe(1);
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("OFF_TREATMENT");
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore);
  });

  test("a second baseline or eligibility form, and an adverse event filed under a visit, are refused", async () => {
    const patient = await enrolled();
    expect(
      await action(patient.id, "eligibility", null, { consentDate: "2026-01-04", answers: answers() }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("already been started") });
    expect(
      await action(patient.id, "eligibility", "other-visit", { consentDate: "2026-01-04", answers: answers() }),
    ).toMatchObject({ ok: false, fieldErrors: { visitKey: expect.any(Array) } });
    expect(await action(patient.id, "adverse-event", "<b>week4</b>", adverseEvent())).toMatchObject({
      ok: false,
      fieldErrors: { visitKey: expect.any(Array) },
    });
    expect(await action(patient.id, "labs", "week2", {})).toMatchObject({
      ok: false,
      fieldErrors: { visitKey: [expect.stringContaining("no labs form at week2")] },
    });
    expect(await formsOf(patient.id, "eligibility")).toBe(1);
    expect(await formsOf(patient.id, "adverse-event")).toBe(0);
    const saved = await action(patient.id, "adverse-event", null, adverseEvent());
    expect(saved).toMatchObject({ ok: true, data: { visitKey: null } });
  });

  test("through REST the same requests get the same answers", async () => {
    const patient = await enrolled();
    const params = { id: patient.id, formType: "end-of-study" };
    expect((await api(formTypeRoute.POST, "POST", params, { data: followUp() })).status).toBe(201);
    expect(await api(formTypeRoute.POST, "POST", params, { visitKey: "eos-2", data: death })).toMatchObject({
      status: 400,
      json: { fieldErrors: { visitKey: expect.any(Array) } },
    });
    expect((await api(formTypeRoute.POST, "POST", params, { data: death })).status).toBe(409);
    expect(
      (
        await api(
          formTypeRoute.POST,
          "POST",
          { id: patient.id, formType: "tumour-assessment" },
          { visitKey: "week4", data: {} },
        )
      ).status,
    ).toBe(400);
    expect(await formsOf(patient.id, "end-of-study")).toBe(1);
  });
});

describe("the database holds the rule for any writer", () => {
  const insert = (patientId: string, formType: string, visitKey: string | null) =>
    db.query(
      `INSERT INTO crf_records (id, patient_id, site_id, form_type, visit_key, data, created_by_id, updated_by_id, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, '{}', $5, $5, now())`,
      [patientId, sites.TW01, formType, visitKey, actors.investigator1.userId],
    );

  test("a duplicate one-per-patient or one-per-visit form inserted directly fails; so does a wrong visit key", async () => {
    const patient = await enrolled();
    await expect(insert(patient.id, "eligibility", "screening")).rejects.toThrow(/crf_records_one_per_visit/);
    for (const definition of listFormDefinitions().filter((d) => d.fixedVisitKey)) {
      await expect(insert(patient.id, definition.type, "eos-2"), definition.type).rejects.toThrow(
        /crf_records_visit_key_matches_form/,
      );
      await expect(insert(patient.id, definition.type, null), definition.type).rejects.toThrow(
        /crf_records_visit_key_matches_form/,
      );
    }
    await expect(insert(patient.id, "adverse-event", "week4")).rejects.toThrow(/crf_records_visit_key_matches_form/);
    await expect(insert(patient.id, "labs", "<b>week4</b>")).rejects.toThrow(/crf_records_visit_key_matches_form/);
    await insert(patient.id, "labs", "week4");
    await expect(insert(patient.id, "labs", "week4")).rejects.toThrow(/crf_records_one_per_visit/);
    // The database's list of once-per-patient forms is the registry's.
    for (const definition of listFormDefinitions().filter((d) => d.fixedVisitKey && d.type !== "eligibility")) {
      await insert(patient.id, definition.type, definition.fixedVisitKey!);
      await expect(insert(patient.id, definition.type, definition.fixedVisitKey!), definition.type).rejects.toThrow(
        /crf_records_one_per_visit/,
      );
    }
  });
});

describe("corrections", () => {
  test("an identical correction is refused with a message; version, verification and audit stay", async () => {
    const patient = await enrolled();
    const first = await saveNewRecord(actors.investigator1, patient.id, "adverse-event", null, adverseEvent());
    const auditBefore = await db.prisma.auditEvent.count();
    const same = {
      patientId: patient.id,
      formType: "adverse-event",
      visitKey: null,
      recordId: first.id,
      expectedVersion: 1,
      reason: "Saved again",
      data: adverseEvent(),
    };
    expect(await saveCrfAction(same)).toMatchObject({ ok: false, message: NOTHING_CHANGED_MESSAGE });
    const rest = await api(
      formRoute.PUT,
      "PUT",
      { id: patient.id, formType: "adverse-event", recordId: first.id },
      { version: 1, reason: "Saved again", data: adverseEvent() },
    );
    expect(rest).toMatchObject({ status: 400, json: { fieldErrors: { _form: [NOTHING_CHANGED_MESSAGE] } } });
    expect((await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: first.id } })).version).toBe(1);
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore);
    // A real change still goes through.
    expect(await saveCrfAction({ ...same, data: { ...adverseEvent(), grade: 2 } })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
  });
});

describe("text PostgreSQL cannot store is a field error on every text input", () => {
  test("server actions: query text, screen-failure reason, site, user and token names, form text", async () => {
    const patient = await enrolled();
    const record = (await listCrfRecords(actors.investigator1, patient.id, "eligibility"))[0]!;
    const screened = await createEnrolledPatient(actors.investigator1, sites.TW01, {
      screeningDate: "2026-01-05",
      consentDate: "2026-01-04",
      enrollmentDate: null,
    });
    const before = {
      records: await db.prisma.crfRecord.count(),
      audit: await db.prisma.auditEvent.count(),
      sites: await db.prisma.site.count(),
      users: await db.prisma.user.count(),
    };
    for (const [bad, message] of [
      ["nul \u0000 here", NUL_CHARACTER_MESSAGE],
      ["broken \ud800 here", LONE_SURROGATE_MESSAGE],
    ] as const) {
      signedIn = actors.monitor;
      expect(
        await openQueryAction({ patientId: patient.id, recordId: record.id, fieldPath: "consentDate", text: bad }),
      ).toMatchObject({ ok: false, fieldErrors: { text: [message] } });
      signedIn = actors.investigator1;
      expect(await recordScreenFailureAction({ patientId: screened.id, reason: bad })).toMatchObject({
        ok: false,
        fieldErrors: { reason: [message] },
      });
      expect(
        await action(patient.id, "adverse-event", null, { ...adverseEvent(), term: "Fatigue", otherTermText: bad }),
      ).toMatchObject({ ok: false });
      expect(
        await createApiTokenAction({ name: bad, access: "read-only", expiresInDays: 30, password: DEMO_PASSWORD }),
      ).toMatchObject({ ok: false, fieldErrors: { name: [message] } });
      signedIn = actors.admin;
      expect(
        await createSiteAction({ code: "TW09", name: bad, city: "Taipei", country: "Taiwan", targetEnrollment: 5 }),
      ).toMatchObject({ ok: false, fieldErrors: { name: [message] } });
      expect(
        await createUserAction({
          email: "new@site.test",
          name: bad,
          temporaryPassword: "a-long-password-1",
          assignment: { role: "MONITOR", siteId: null },
        }),
      ).toMatchObject({ ok: false, fieldErrors: { name: [message] } });
    }
    expect({
      records: await db.prisma.crfRecord.count(),
      audit: await db.prisma.auditEvent.count(),
      sites: await db.prisma.site.count(),
      users: await db.prisma.user.count(),
    }).toEqual(before);
  });

  test("REST: a lone surrogate in form text sent by PUT is a field error on its path", async () => {
    const patient = await enrolled();
    const saved = await saveNewRecord(actors.investigator1, patient.id, "end-of-study", null, followUp());
    const put = await api(
      formRoute.PUT,
      "PUT",
      { id: patient.id, formType: "end-of-study", recordId: saved.id },
      `{"version":1,"reason":"typo","data":${JSON.stringify(followUp({ offTreatmentReason: "other" })).replace('"offTreatmentReasonOther":null', '"offTreatmentReasonOther":"x\\ud800"')}}`,
    );
    expect(put).toMatchObject({
      status: 400,
      json: { fieldErrors: { "data.offTreatmentReasonOther": [LONE_SURROGATE_MESSAGE] } },
    });
  });
});

describe("migration 20261205100000_one_form_per_visit on a database that holds duplicates", () => {
  test("keeps the first form, withdraws later ones with a reason, refiles keys, and audits each change", async () => {
    const { readFile } = await import("node:fs/promises");
    const sql = await readFile("prisma/migrations/20261205100000_one_form_per_visit/migration.sql", "utf8");
    const patient = await enrolled();
    // The database as it was before the migration: no rule.
    await db.query(
      `ALTER TABLE crf_records DROP CONSTRAINT crf_records_visit_key_matches_form; DROP INDEX crf_records_one_per_visit`,
    );
    const insert = async (formType: string, visitKey: string | null, data: unknown, createdAt: string) => {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO crf_records (id, patient_id, site_id, form_type, visit_key, data, created_by_id, updated_by_id, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $6, $7, $7) RETURNING id::text`,
        [patient.id, sites.TW01, formType, visitKey, JSON.stringify(data), actors.investigator1.userId, createdAt],
      );
      return rows[0]!.id;
    };
    const eos = await insert("end-of-study", "end-of-study", { deathDate: null }, "2026-03-01T10:00:00Z");
    const eos2 = await insert("end-of-study", "eos-2", { deathDate: "2026-03-01" }, "2026-03-02T10:00:00Z");
    // Entered after the enrolled patient's own eligibility form (created just now).
    const secondEligibility = await insert(
      "eligibility",
      null,
      { consentDate: "2026-01-04" },
      new Date(Date.now() + 60_000).toISOString(),
    );
    const tumourBaseline = await insert("tumour-baseline", "baseline", { lesions: [] }, "2026-03-03T10:00:00Z");
    const ae = await insert("adverse-event", "<b>week4</b>", { term: "Fatigue" }, "2026-03-04T10:00:00Z");
    const labs = await insert("labs", "week4", { sampleDate: "2026-02-09" }, "2026-03-04T10:00:00Z");
    const labsAgain = await insert("labs", "week4", { sampleDate: "2026-02-10" }, "2026-03-05T10:00:00Z");

    await db.query(sql);

    const rows = await db.query<{
      id: string;
      visit_key: string | null;
      deleted: boolean;
      delete_reason: string | null;
    }>(
      `SELECT id::text, visit_key, deleted_at IS NOT NULL AS deleted, delete_reason FROM crf_records WHERE patient_id = $1`,
      [patient.id],
    );
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    expect(rows.rows).toHaveLength(8); // nothing dropped: the enrolled patient's eligibility form and the seven above
    expect(byId.get(eos)).toMatchObject({ deleted: false, visit_key: "end-of-study" });
    expect(byId.get(eos2)).toMatchObject({ deleted: true, delete_reason: expect.stringContaining(`kept: ${eos}`) });
    expect(byId.get(secondEligibility)).toMatchObject({ deleted: true });
    expect(byId.get(tumourBaseline)).toMatchObject({ deleted: false, visit_key: "baseline-imaging" });
    expect(byId.get(ae)).toMatchObject({ deleted: false, visit_key: null });
    expect(byId.get(labs)).toMatchObject({ deleted: false });
    expect(byId.get(labsAgain)).toMatchObject({
      deleted: true,
      delete_reason: expect.stringContaining(`kept: ${labs}`),
    });

    const audit = await db.query<{
      entity_id: string;
      action: string;
      changes: { field: string; from: unknown; to: unknown }[];
    }>(
      `SELECT entity_id, action, changes FROM audit_events WHERE actor_email = 'system:migration' AND patient_id = $1 ORDER BY id`,
      [patient.id],
    );
    expect(audit.rows.map((a) => [a.entity_id, a.action])).toEqual(
      expect.arrayContaining([
        [eos2, "DELETE"],
        [secondEligibility, "DELETE"],
        [labsAgain, "DELETE"],
        [tumourBaseline, "UPDATE"],
        [ae, "UPDATE"],
      ]),
    );
    expect(audit.rows).toHaveLength(5);
    // The withdrawn form's values stay in the audit trail.
    expect(audit.rows.find((a) => a.entity_id === eos2)!.changes).toEqual([
      { field: "data", from: { deathDate: "2026-03-01" }, to: null },
    ]);
    expect(audit.rows.find((a) => a.entity_id === ae)!.changes).toEqual([
      { field: "visitKey", from: "<b>week4</b>", to: null },
    ]);
    // And the rule holds again afterwards.
    await expect(insert("end-of-study", "end-of-study", {}, "2026-03-06T10:00:00Z")).rejects.toThrow(
      /crf_records_one_per_visit/,
    );
  });
});
