import type { DemoUser } from "./fixtures";

/**
 * Every page and route handler of the app with the exact HTTP status each caller gets.
 * `{tw01}` / `{tw02}` stand for a patient of site TW01 / TW02. Anonymous page requests are
 * redirected to the login page (307) by proxy.ts. A denial looks exactly like a missing
 * record (404). e2e/access-matrix.test.ts fails when a route exists that is not listed here.
 */
export type Caller = "anonymous" | DemoUser;
export type Expected = Record<Caller, number>;

const everyone = (status: number): Expected => ({
  anonymous: status,
  investigator1: status,
  investigator2: status,
  investigator3: status,
  coordinator: status,
  pi: status,
  monitor: status,
  admin: status,
});

/** Readers of clinical data: all roles but admin; investigators only for their own site. */
const patientOfTw01: Expected = {
  anonymous: 307,
  investigator1: 200,
  investigator2: 404,
  investigator3: 404,
  coordinator: 200,
  pi: 200,
  monitor: 200,
  admin: 404,
};
const patientOfTw02: Expected = { ...patientOfTw01, investigator1: 404, investigator2: 200 };
const apiPatient = (pageExpectation: Expected): Expected => ({ ...pageExpectation, anonymous: 401 });
/** Exports (export.run): the principal investigator only; the API says 403 to the signed-in rest. */
const exportApi: Expected = { ...everyone(403), anonymous: 401, pi: 200 };
/** dashboard.read: coordinators and principal investigators (all sites); a page is "not found" for others, the API 403. */
const dashboardPage: Expected = { ...everyone(404), anonymous: 307, coordinator: 200, pi: 200 };
const dashboardApi = (status = 200): Expected => ({
  ...everyone(403),
  anonymous: 401,
  coordinator: status,
  pi: status,
});
/** user.admin / site.admin through the API: the administrator only. */
const adminApi: Expected = { ...everyone(403), anonymous: 401, admin: 200 };

export interface RouteCheck {
  /** The app route as its folder names it (app/.../page.tsx or route.ts). */
  route: string;
  /** Concrete requests that exercise it, each with its expected status per caller. */
  requests: { path: string; expect: Expected; method?: "POST" }[];
}

export const ACCESS_MATRIX: RouteCheck[] = [
  { route: "/", requests: [{ path: "/", expect: everyone(200) }] },
  { route: "/login", requests: [{ path: "/login", expect: everyone(200) }] },
  { route: "/api/health", requests: [{ path: "/api/health", expect: everyone(200) }] },
  // Liveness without the database (load balancers; the benchmarks' framework ceiling).
  { route: "/api/ping", requests: [{ path: "/api/ping", expect: everyone(200) }] },
  // next-auth's own endpoints (sign-in, session, csrf): public by design.
  { route: "/api/auth/[...nextauth]", requests: [{ path: "/api/auth/csrf", expect: everyone(200) }] },
  {
    route: "/admin/users",
    requests: [{ path: "/admin/users", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  {
    route: "/admin/users/[id]",
    requests: [
      { path: "/admin/users/00000000-0000-4000-8000-000000000000", expect: { ...everyone(404), anonymous: 307 } },
    ],
  },
  {
    route: "/admin/sites",
    requests: [{ path: "/admin/sites", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  {
    route: "/admin/study",
    requests: [{ path: "/admin/study", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  // backup.read: the administrator only.
  {
    route: "/admin/backups",
    requests: [{ path: "/admin/backups", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  {
    route: "/admin/lab-ranges",
    requests: [{ path: "/admin/lab-ranges", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  // study.admin: the protocol's safety settings (issue 18), like /admin/study.
  {
    route: "/admin/pregnancy-prevention",
    requests: [{ path: "/admin/pregnancy-prevention", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  {
    route: "/admin/dose-modification",
    requests: [{ path: "/admin/dose-modification", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  // user.admin: the alert-email outbox is for the administrator only.
  {
    route: "/admin/outbox",
    requests: [{ path: "/admin/outbox", expect: { ...everyone(404), anonymous: 307, admin: 200 } }],
  },
  { route: "/account", requests: [{ path: "/account", expect: { ...everyone(200), anonymous: 307 } }] },
  // Personal API tokens: for every user whose roles reach some API endpoint (the administrator's
  // reach the administration API).
  { route: "/account/tokens", requests: [{ path: "/account/tokens", expect: { ...everyone(200), anonymous: 307 } }] },
  {
    route: "/account/password",
    requests: [{ path: "/account/password", expect: { ...everyone(200), anonymous: 307 } }],
  },
  {
    route: "/patients",
    requests: [{ path: "/patients", expect: { ...everyone(200), anonymous: 307, admin: 404 } }],
  },
  // Query inbox and record status grid (issue 16): every reader of patients, within their sites.
  { route: "/queries", requests: [{ path: "/queries", expect: { ...everyone(200), anonymous: 307, admin: 404 } }] },
  {
    route: "/patients/grid",
    requests: [{ path: "/patients/grid", expect: { ...everyone(200), anonymous: 307, admin: 404 } }],
  },
  {
    route: "/patients/[id]/history",
    requests: [
      { path: "/patients/{tw01}/history", expect: patientOfTw01 },
      { path: "/patients/{tw02}/history", expect: patientOfTw02 },
    ],
  },
  {
    route: "/patients/new",
    requests: [
      {
        path: "/patients/new",
        expect: { ...everyone(404), anonymous: 307, investigator1: 200, investigator2: 200, investigator3: 200 },
      },
    ],
  },
  {
    route: "/patients/[id]",
    requests: [
      { path: "/patients/{tw01}", expect: patientOfTw01 },
      { path: "/patients/{tw02}", expect: patientOfTw02 },
      { path: "/patients/00000000-0000-4000-8000-000000000000", expect: { ...everyone(404), anonymous: 307 } },
    ],
  },
  {
    route: "/patients/[id]/forms/[formType]",
    requests: [
      // Entry for the patient's own site investigators; read-only review for the other readers.
      { path: "/patients/{tw01}/forms/eligibility?visit=screening", expect: patientOfTw01 },
      { path: "/patients/{tw02}/forms/eligibility?visit=screening", expect: patientOfTw02 },
      { path: "/patients/{tw01}/forms/no-such-form", expect: { ...everyone(404), anonymous: 307 } },
    ],
  },
  // Public: the OpenAPI document describes shapes only, never data, so client generators need no token.
  { route: "/api/v1/openapi.json", requests: [{ path: "/api/v1/openapi.json", expect: everyone(200) }] },
  {
    route: "/api/v1/sites",
    requests: [{ path: "/api/v1/sites", expect: { ...everyone(200), anonymous: 401, admin: 403 } }],
  },
  {
    route: "/dashboards/toxicity",
    requests: [
      { path: "/dashboards/toxicity", expect: { ...everyone(404), anonymous: 307, coordinator: 200, pi: 200 } },
      // Invalid filters are shown on the form, not an error page.
      {
        path: "/dashboards/toxicity?grade=7&onsetFrom=2026-02-30",
        expect: { ...everyone(404), anonymous: 307, coordinator: 200, pi: 200 },
      },
    ],
  },
  {
    route: "/dashboards/data-quality",
    requests: [
      {
        path: "/dashboards/data-quality",
        expect: { ...everyone(404), anonymous: 307, coordinator: 200, pi: 200, monitor: 200 },
      },
    ],
  },
  {
    route: "/api/v1/analysis/toxicity",
    requests: [
      {
        path: "/api/v1/analysis/toxicity?grade=3%2B",
        expect: { ...everyone(403), anonymous: 401, coordinator: 200, pi: 200 },
      },
      // Signed out: 401 first; signed in without dashboard.read: 403 before the query is read (it
      // tells them nothing); with it, a malformed query is a field-level 400 before any data is read.
      {
        path: "/api/v1/analysis/toxicity?grade=7",
        expect: { ...everyone(403), anonymous: 401, coordinator: 400, pi: 400 },
      },
    ],
  },
  {
    route: "/api/v1/patients",
    requests: [{ path: "/api/v1/patients", expect: { ...everyone(200), anonymous: 401, admin: 403 } }],
  },
  {
    route: "/api/v1/patients/[id]",
    requests: [
      { path: "/api/v1/patients/{tw01}", expect: apiPatient(patientOfTw01) },
      { path: "/api/v1/patients/{tw02}", expect: apiPatient(patientOfTw02) },
      { path: "/api/v1/patients/not-a-uuid", expect: { ...everyone(404), anonymous: 401 } },
    ],
  },
  // Write-only routes: a GET is refused by Next.js itself (405) before any credential is read;
  // their writes are tested per role in lib/api/rest-api.integration.test.ts.
  {
    route: "/api/v1/patients/[id]/enrollment",
    requests: [{ path: "/api/v1/patients/{tw01}/enrollment", expect: everyone(405) }],
  },
  {
    route: "/api/v1/patients/[id]/forms",
    requests: [
      { path: "/api/v1/patients/{tw01}/forms", expect: apiPatient(patientOfTw01) },
      { path: "/api/v1/patients/{tw02}/forms?formType=eligibility", expect: apiPatient(patientOfTw02) },
    ],
  },
  {
    route: "/api/v1/patients/[id]/forms/[formType]",
    requests: [{ path: "/api/v1/patients/{tw01}/forms/eligibility", expect: everyone(405) }],
  },
  {
    route: "/api/v1/patients/[id]/forms/[formType]/[recordId]",
    requests: [
      {
        path: "/api/v1/patients/{tw01}/forms/eligibility/00000000-0000-4000-8000-000000000000",
        expect: { ...everyone(404), anonymous: 401 },
      },
    ],
  },
  // import.run: the administrator among the demo users (data managers have no demo account).
  { route: "/imports", requests: [{ path: "/imports", expect: { ...everyone(404), anonymous: 307, admin: 200 } }] },
  // The file is the body of a POST; a GET is 405 for everyone. Writes: lib/http/import-handler.integration.test.ts.
  { route: "/api/v1/imports", requests: [{ path: "/api/v1/imports", expect: everyone(405) }] },
  // A casebook or form PDF writes an audit event, so it starts with a POST (JSON body): patient.read and audit.read at the patient's site.
  {
    route: "/patients/[id]/casebook",
    requests: [
      { path: "/patients/{tw01}/casebook", method: "POST", expect: patientOfTw01 },
      { path: "/patients/{tw02}/casebook", method: "POST", expect: patientOfTw02 },
      { path: "/patients/{tw01}/casebook", expect: { ...everyone(405), anonymous: 307 } },
    ],
  },
  // Blank and annotated CRFs hold no patient data: every reader of patients (not the administrator).
  {
    route: "/crf-binder/[kind]",
    requests: [
      { path: "/crf-binder/blank", expect: { ...everyone(200), anonymous: 307, admin: 403 } },
      { path: "/crf-binder/unknown", expect: { ...everyone(404), anonymous: 307 } },
    ],
  },
  { route: "/exports", requests: [{ path: "/exports", expect: { ...everyone(404), anonymous: 307, pi: 200 } }] },
  // Exports start with a POST (JSON body); a GET, as a cross-site link would send, is 405 for everyone.
  {
    route: "/api/v1/exports/csv",
    requests: [
      { path: "/api/v1/exports/csv", method: "POST", expect: exportApi },
      { path: "/api/v1/exports/csv", expect: everyone(405) },
    ],
  },
  {
    route: "/api/v1/exports/odm",
    requests: [
      { path: "/api/v1/exports/odm", method: "POST", expect: exportApi },
      { path: "/api/v1/exports/odm", expect: everyone(405) },
    ],
  },
  {
    route: "/api/v1/exports/sdtm",
    requests: [
      { path: "/api/v1/exports/sdtm", method: "POST", expect: exportApi },
      { path: "/api/v1/exports/sdtm", expect: everyone(405) },
      // A site filter naming a site outside the caller's scope (or none at all) reveals nothing.
      { path: "/api/v1/exports/sdtm?site=ZZ99", method: "POST", expect: { ...exportApi, pi: 404 } },
    ],
  },
  { route: "/dashboards/enrollment", requests: [{ path: "/dashboards/enrollment", expect: dashboardPage }] },
  {
    route: "/dashboards/efficacy",
    requests: [
      { path: "/dashboards/efficacy", expect: dashboardPage },
      { path: "/dashboards/efficacy?ciMethod=symmetric", expect: dashboardPage },
    ],
  },
  {
    route: "/dashboards/biomarkers",
    requests: [{ path: "/dashboards/biomarkers?cytokine=IL-8&endpoint=pfs", expect: dashboardPage }],
  },
  { route: "/dashboards/stopping-rules", requests: [{ path: "/dashboards/stopping-rules", expect: dashboardPage }] },
  {
    route: "/api/v1/analysis/efficacy",
    requests: [
      { path: "/api/v1/analysis/efficacy?ciMethod=symmetric", expect: dashboardApi() },
      { path: "/api/v1/analysis/efficacy?ciMethod=wald", expect: dashboardApi(400) },
    ],
  },
  {
    route: "/api/v1/analysis/biomarkers",
    requests: [
      { path: "/api/v1/analysis/biomarkers?cytokine=IL-6&cut=median&endpoint=os", expect: dashboardApi() },
      { path: "/api/v1/analysis/biomarkers?cut=-1", expect: dashboardApi(400) },
    ],
  },
  { route: "/api/v1/analysis/enrollment", requests: [{ path: "/api/v1/analysis/enrollment", expect: dashboardApi() }] },
  { route: "/api/v1/analysis/patients", requests: [{ path: "/api/v1/analysis/patients", expect: dashboardApi() }] },
  // Administration API (user.admin / site.admin): the administrator only; writes are tested
  // per role in lib/api/script-setup.integration.test.ts.
  { route: "/api/v1/admin/sites", requests: [{ path: "/api/v1/admin/sites", expect: adminApi }] },
  {
    route: "/api/v1/admin/sites/[id]",
    requests: [{ path: "/api/v1/admin/sites/00000000-0000-4000-8000-000000000000", expect: everyone(405) }],
  },
  {
    route: "/api/v1/admin/users",
    requests: [
      { path: "/api/v1/admin/users", expect: adminApi },
      { path: "/api/v1/admin/users?locked=true", expect: adminApi },
    ],
  },
  {
    route: "/api/v1/admin/users/[id]/roles",
    requests: [{ path: "/api/v1/admin/users/00000000-0000-4000-8000-000000000000/roles", expect: everyone(405) }],
  },
  {
    route: "/api/v1/admin/users/[id]/roles/[assignmentId]",
    requests: [
      {
        path: "/api/v1/admin/users/00000000-0000-4000-8000-000000000000/roles/00000000-0000-4000-8000-000000000000",
        expect: everyone(405),
      },
    ],
  },
  {
    route: "/api/v1/admin/users/[id]/active",
    requests: [{ path: "/api/v1/admin/users/00000000-0000-4000-8000-000000000000/active", expect: everyone(405) }],
  },
  {
    route: "/api/v1/admin/users/[id]/unlock",
    requests: [{ path: "/api/v1/admin/users/00000000-0000-4000-8000-000000000000/unlock", expect: everyone(405) }],
  },
  // The caller's own tokens: anyone signed in.
  { route: "/api/v1/tokens", requests: [{ path: "/api/v1/tokens", expect: { ...everyone(200), anonymous: 401 } }] },
  {
    route: "/api/v1/tokens/[id]",
    requests: [{ path: "/api/v1/tokens/00000000-0000-4000-8000-000000000000", expect: everyone(405) }],
  },
];

/**
 * Server actions: each is a thin defineAction() around a lib/data function, whose role
 * matrix (every role, own site and another site) is asserted on real PostgreSQL in the
 * named integration test.
 */
export const ACTION_MATRIX: Record<string, { dataFunction: string; integrationTest: string }> = {
  "app/admin/actions.ts#createUserAction": {
    dataFunction: "createUser",
    integrationTest: "lib/data/admin.integration.test.ts",
  },
  "app/admin/actions.ts#assignRoleAction": {
    dataFunction: "assignRole",
    integrationTest: "lib/data/admin.integration.test.ts",
  },
  "app/admin/actions.ts#removeRoleAction": {
    dataFunction: "removeRole",
    integrationTest: "lib/data/admin.integration.test.ts",
  },
  "app/admin/actions.ts#setUserActiveAction": {
    dataFunction: "setUserActive",
    integrationTest: "lib/data/admin.integration.test.ts",
  },
  "app/admin/actions.ts#createSiteAction": {
    dataFunction: "createSite",
    integrationTest: "lib/data/admin.integration.test.ts",
  },
  "app/admin/actions.ts#unlockAccountAction": {
    dataFunction: "unlockAccount",
    integrationTest: "lib/data/admin.integration.test.ts",
  },
  "app/admin/actions.ts#updateSiteAction": {
    dataFunction: "updateSite",
    integrationTest: "lib/data/admin.integration.test.ts",
  },
  "app/admin/actions.ts#updateStudySettingsAction": {
    dataFunction: "updateStudySettings",
    integrationTest: "lib/data/study-settings.integration.test.ts",
  },
  "app/admin/actions.ts#addLabRangeAction": {
    dataFunction: "addLabReferenceRange",
    integrationTest: "lib/data/lab-reference-ranges.integration.test.ts",
  },
  "app/admin/actions.ts#withdrawLabRangeAction": {
    dataFunction: "withdrawLabReferenceRange",
    integrationTest: "lib/data/lab-reference-ranges.integration.test.ts",
  },
  "app/admin/actions.ts#updateStoppingRulesAction": {
    dataFunction: "updateStoppingRules",
    integrationTest: "lib/data/stopping-rules.integration.test.ts",
  },
  "app/admin/actions.ts#updatePregnancyPreventionAction": {
    dataFunction: "updatePregnancyPreventionRules",
    integrationTest: "lib/data/dispensing-safety.integration.test.ts",
  },
  "app/admin/actions.ts#updateDoseModificationAction": {
    dataFunction: "updateDoseModificationTable",
    integrationTest: "lib/data/dose-modification.integration.test.ts",
  },
  // Account actions act only on the caller's own account, whatever their role.
  "app/account/actions.ts#signOutEverywhereAction": {
    dataFunction: "signOutEverywhere",
    integrationTest: "lib/data/account.integration.test.ts",
  },
  "app/account/actions.ts#changePasswordAction": {
    dataFunction: "changePassword",
    integrationTest: "lib/data/account.integration.test.ts",
  },
  // Token actions act only on the caller's own tokens; anyone whose roles reach the API may create one.
  "app/account/tokens/actions.ts#createApiTokenAction": {
    dataFunction: "createApiToken",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/account/tokens/actions.ts#revokeApiTokenAction": {
    dataFunction: "revokeApiToken",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#saveCrfAction": {
    dataFunction: "saveCrfRecord",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#enrollPatientAction": {
    dataFunction: "enrollPatient",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#signCrfAction": {
    dataFunction: "signCrfRecord",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#unsignCrfAction": {
    dataFunction: "unsignCrfRecord",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#verifyCrfAction": {
    dataFunction: "markSourceVerified",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#verifyFieldAction": {
    dataFunction: "verifyField",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#lockPatientAction": {
    dataFunction: "setPatientLock",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#unlockPatientAction": {
    dataFunction: "setPatientLock",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#openQueryAction": {
    dataFunction: "openDataQuery",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#answerQueryAction": {
    dataFunction: "replyToDataQuery",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#closeQueryAction": {
    dataFunction: "replyToDataQuery",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#reopenQueryAction": {
    dataFunction: "replyToDataQuery",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#deleteCrfAction": {
    dataFunction: "deleteCrfRecord",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/[id]/actions.ts#recordScreenFailureAction": {
    dataFunction: "recordScreenFailure",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/dashboards/toxicity/actions.ts#recordToxicityReviewAction": {
    dataFunction: "recordToxicityReview",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
  "app/patients/actions.ts#registerPatientAction": {
    dataFunction: "registerPatient",
    integrationTest: "test/integration/action-matrix.integration.test.ts",
  },
};
