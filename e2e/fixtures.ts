import { TRIAL_ELIGIBILITY_CRITERIA } from "../lib/domain/eligibility/criteria";
import {
  test as base,
  expect,
  type APIRequest,
  type APIRequestContext,
  type BrowserContext,
  type Locator,
  type Page,
  type TestInfo,
} from "@playwright/test";
import { compensatedBaseline } from "../test/fixtures/baseline-data";
import { maleCounselled } from "../test/fixtures/pregnancy-test-data";

export const DEMO_PASSWORD = "trial-demo-2026";

export const DEMO_USERS = {
  investigator1: "investigator1@demo.test",
  investigator2: "investigator2@demo.test",
  investigator3: "investigator3@demo.test",
  coordinator: "coordinator@demo.test",
  pi: "pi@demo.test",
  monitor: "monitor@demo.test",
  admin: "admin@demo.test",
} as const;

export type DemoUser = keyof typeof DEMO_USERS;

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/**
 * One session per demo user for the whole run (the worker's): a sign-in costs a deliberately
 * slow scrypt check, and the specs sign in about a hundred times. signIn and signedInRequest
 * reuse it after checking that it still lives (next-auth's session route answers {} for an
 * ended one); one found ended (its idle timeout, a spec that signed it out) is replaced by a new
 * sign-in, never a failure. Specs about signing in or out themselves use signInThroughForm or
 * `ownSession`, so they never end the shared one.
 */
const sharedSessions = new Map<DemoUser, Cookies>();
/** Browser contexts that hold a shared session: signOut there only drops it from the browser. */
const sharedSessionContexts = new WeakSet<BrowserContext>();

/** Whether the API context's cookies carry a live session (next-auth's session route names its user). */
async function holdsLiveSession(api: APIRequestContext): Promise<boolean> {
  const response = await api.get("/api/auth/session");
  return response.ok() && Boolean(((await response.json()) as { user?: unknown } | null)?.user);
}

/** Signs in through next-auth's own endpoints on this API context (its cookies are the browser's for page.request). */
async function signInThroughApi(api: APIRequestContext, user: DemoUser): Promise<void> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: DEMO_USERS[user], password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  if (![200, 302].includes(response.status())) throw new Error(`Sign-in as ${user} failed: ${response.status()}`);
}

/**
 * Signs in as a demo user and opens the home page: with the user's shared session (above), or
 * through the login form for another password (a spec about a wrong password).
 */
export async function signIn(page: Page, user: DemoUser, password = DEMO_PASSWORD): Promise<void> {
  if (password !== DEMO_PASSWORD) return signInThroughForm(page, user, password);
  const context = page.context();
  await context.clearCookies();
  const shared = sharedSessions.get(user);
  if (shared) await context.addCookies(shared);
  if (!shared || !(await holdsLiveSession(page.request))) {
    await context.clearCookies();
    await signInThroughApi(page.request, user);
  }
  // The session route may have renewed the cookie: keep the newest for the next spec.
  sharedSessions.set(user, await context.cookies());
  sharedSessionContexts.add(context);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible({ timeout: 30_000 });
}

/** Signs in through the real login form, as a user would, with a session of this browser's own. */
export async function signInThroughForm(page: Page, user: DemoUser, password = DEMO_PASSWORD): Promise<void> {
  sharedSessionContexts.delete(page.context());
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_USERS[user]);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The password check is deliberately slow (scrypt); on a busy machine it can take longer than
  // an assertion's default wait, so a sign-in with the demo password waits for the app itself.
  if (password === DEMO_PASSWORD) await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** Saves a full-page screenshot under test-results and attaches it to the report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

export const test = base;
export { expect };

/**
 * An HTTP client (no browser) signed in as a demo user: with the user's shared session, or with
 * `ownSession` a new one through next-auth's own endpoints, for a spec that ends it.
 */
export async function signedInRequest(
  request: APIRequest,
  baseURL: string,
  user: DemoUser | "anonymous",
  options: { ownSession?: boolean } = {},
) {
  if (user === "anonymous") return request.newContext({ baseURL });
  const shared = options.ownSession ? undefined : sharedSessions.get(user);
  if (shared) {
    const context = await request.newContext({ baseURL, storageState: { cookies: shared, origins: [] } });
    if (await holdsLiveSession(context)) return context;
    await context.dispose();
  }
  const context = await request.newContext({ baseURL });
  await signInThroughApi(context, user);
  if (!options.ownSession) sharedSessions.set(user, (await context.storageState()).cookies);
  return context;
}

/** Registers a patient through the real form as the given investigator; returns its id and subject ID. */
/**
 * Waits until React has hydrated the element: a value typed into a server-rendered field before
 * then is reset to the form's default when react-hook-form registers the field (a CI run
 * registered a patient screened "today" instead of the date typed).
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))))
    .toBe(true);
}

export async function registerPatientThroughUi(page: Page, user: DemoUser, screeningDate = "2026-01-15") {
  await signIn(page, user);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/patients/new");
  const register = page.getByRole("button", { name: "Register patient" });
  await waitForHydration(register);
  await page.getByLabel(/Screening date/).fill(screeningDate);
  await expect(page.getByLabel(/Screening date/)).toHaveValue(screeningDate);
  await register.click();
  await expect(page.getByRole("heading", { name: /^Patient [A-Z0-9]+-\d{3}$/ })).toBeVisible();
  const subjectId = (await page.getByRole("heading", { name: /^Patient / }).textContent())!.replace("Patient ", "");
  const id = page.url().split("/").pop()!;
  await page.context().clearCookies();
  return { id, subjectId };
}

/**
 * A patient registered through the form by `user` and screened: the eligibility form saved
 * with every criterion met, `user` signed in on the patient page. Returns its id and subject ID.
 */
export async function screenedPatient(page: Page, user: DemoUser) {
  const patient = await registerPatientThroughUi(page, user);
  await signIn(page, user);
  await page.goto(`/patients/${patient.id}/forms/eligibility?visit=screening`);
  await answerEligibility(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("complete, eligible")).toBeVisible();
  return patient;
}

/**
 * The specs' usual start: a patient registered through the form by `user` (screened 2026-01-12),
 * the user signed in again and the patient enrolled through the API (2026-01-15), the patient
 * page open. Returns its id and subject ID.
 */
export async function enrolledPatient(page: Page, user: DemoUser) {
  const patient = await registerPatientThroughUi(page, user, "2026-01-12");
  await signIn(page, user);
  await enrollThroughApi(page, patient.id, "2026-01-15");
  return patient;
}

/** A visit's row in the patient page's table of visits. */
export const visitRow = (page: Page, visit: string) =>
  page.getByRole("region", { name: "Visits" }).getByRole("row", { name: new RegExp(`^${visit} `) });

/** Opens a visit's laboratory form from the patient page and enters the sample date. */
export async function openVisitLabs(page: Page, visit: string, sampleDate: string): Promise<void> {
  await visitRow(page, visit).getByRole("link", { name: "Laboratory results" }).click();
  await page.getByLabel(/Sample date/).fill(sampleDate);
}

/** The value box of one analyte on the laboratory form, whose group is named after the analyte. */
export const labValue = (page: Page, analyte: string) =>
  page.getByRole("group", { name: analyte }).getByLabel(/^Value/);

/**
 * Fails on serious or critical accessibility violations (axe-core, WCAG 2.1 A/AA rules),
 * listing each with the elements it found.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** The serious or critical accessibility violations on the page, one line each (for a test that checks many pages before failing). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const { AxeBuilder } = await import("@axe-core/playwright");
  // resultTypes: only violations are read, so axe details one node of the passing rules instead of
  // all (faster). options() replaces the options object, so it comes before withTags.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Fills the eligibility checklist: every criterion passes unless overridden. */
export async function answerEligibility(page: Page, overrides: Record<string, "yes" | "no"> = {}) {
  await page.getByLabel(/Informed consent date/).fill("2026-01-14");
  for (const criterion of TRIAL_ELIGIBILITY_CRITERIA) {
    const answer = overrides[criterion.id] ?? (criterion.kind === "inclusion" ? "yes" : "no");
    await page
      .getByRole("group", { name: new RegExp(`^${criterion.id}\\. `) })
      .getByLabel(answer === "yes" ? "Yes" : "No")
      .check();
  }
}

/**
 * Signs out and waits for the login page, so the next navigation does not race the redirect.
 * A shared session (signIn) is only dropped from this browser: signing it out would end it on
 * the server, and the next spec of that role would sign in again.
 */
export async function signOut(page: Page): Promise<void> {
  if (sharedSessionContexts.delete(page.context())) {
    await page.context().clearCookies();
    await page.goto("/login");
  } else {
    await page.getByRole("button", { name: "Sign out" }).click();
  }
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Screens (every criterion met, consent 2026-01-14) and enrolls a registered patient through the
 * REST API with the page's signed-in session, then opens the patient page. The specs' set-up, not
 * their subject: e2e/screening.spec.ts enrolls through the forms themselves.
 */
export async function enrollThroughApi(page: Page, patientId: string, enrollmentDate = "2026-01-15") {
  const answers = Object.fromEntries(
    TRIAL_ELIGIBILITY_CRITERIA.map((criterion) => [criterion.id, criterion.kind === "inclusion" ? "yes" : "no"]),
  );
  const eligibility = await page.request.post(`/api/v1/patients/${patientId}/forms/eligibility`, {
    data: { visitKey: "screening", data: { consentDate: "2026-01-14", answers } },
  });
  expect(eligibility.status(), await eligibility.text()).toBe(201);
  const enrollment = await page.request.post(`/api/v1/patients/${patientId}/enrollment`, { data: { enrollmentDate } });
  expect(enrollment.status(), await enrollment.text()).toBe(200);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByText("On treatment", { exact: true })).toBeVisible();
}

/**
 * What dispensing thalidomide needs of a patient (Thalomid REMS; lib/domain/safety/pregnancy-prevention.ts):
 * the sex on the baseline form (male; height and weight left for later, so the dosing form's own
 * height is not suggested from it) and counselling on contraception, saved through the REST API with
 * the page's signed-in session.
 */
export async function recordMaleSexAndCounselling(page: Page, patientId: string, date = "2026-01-14"): Promise<void> {
  const baseline = compensatedBaseline({
    assessmentDate: date,
    sex: "male",
    ageYears: 58,
    heightCm: null,
    weightKg: null,
  });
  const counselling = maleCounselled(date);
  for (const [formType, body] of [
    ["baseline", { visitKey: "baseline", data: baseline }],
    ["pregnancy-test", { visitKey: null, data: counselling }],
  ] as const) {
    const response = await page.request.post(`/api/v1/patients/${patientId}/forms/${formType}`, { data: body });
    expect(response.status(), await response.text()).toBe(201);
  }
}

/**
 * The clinical answers a new dosing form starts without: each drug's dose level (the suggested
 * one, accepted with its button) and "Given" as what happened at the visit.
 */
export async function answerDosingAsGiven(page: Page): Promise<void> {
  for (const [drug, name] of [
    ["uft", "UFT"],
    ["thalidomide", "Thalidomide"],
  ] as const) {
    await page.getByTestId(`${drug}-level-suggestion`).getByRole("button").click();
    await page
      .getByRole("group", { name: `${name} at this visit` })
      .getByLabel("Given")
      .check();
  }
}

/** A grade 4 neutropenia reported as serious (hospitalisation), aware on 2026-02-09: an SAE that emails the PI, the coordinators and the site. */
export const SERIOUS_NEUTROPENIA = {
  term: "Neutrophil count decreased",
  grade: 4,
  onsetDate: "2026-02-09",
  ongoing: true,
  resolutionDate: null,
  serious: "yes",
  saeCriteria: {
    death: false,
    lifeThreatening: false,
    hospitalization: true,
    disability: false,
    congenitalAnomaly: false,
    otherImportant: false,
  },
  awareAt: "2026-02-09T10:00",
  reportedAt: null,
  attribution: { thalidomide: "possible", uft: "probable" },
  actionTaken: { thalidomide: "none", uft: "interrupted" },
  outcome: "not-recovered",
  deathDate: null,
};
