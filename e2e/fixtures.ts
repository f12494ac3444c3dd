import { TRIAL_ELIGIBILITY_CRITERIA } from "../lib/domain/eligibility/criteria";
import { test as base, expect, type APIRequest, type Page, type TestInfo } from "@playwright/test";
import { compensatedBaseline } from "../test/fixtures/baseline-data";

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

/** Signs in through the real login form, as a user would. */
export async function signIn(page: Page, user: DemoUser, password = DEMO_PASSWORD): Promise<void> {
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

/** An HTTP client signed in as a demo user through next-auth's own endpoints (no browser). */
export async function signedInRequest(request: APIRequest, baseURL: string, user: DemoUser | "anonymous") {
  const context = await request.newContext({ baseURL });
  if (user === "anonymous") return context;
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: DEMO_USERS[user], password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  if (![200, 302].includes(response.status())) throw new Error(`Sign-in as ${user} failed: ${response.status()}`);
  return context;
}

/** Registers a patient through the real form as the given investigator; returns its id and subject ID. */
export async function registerPatientThroughUi(page: Page, user: DemoUser, screeningDate = "2026-01-15") {
  await signIn(page, user);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/patients/new");
  await page.getByLabel(/Screening date/).fill(screeningDate);
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByRole("heading", { name: /^Patient [A-Z0-9]+-\d{3}$/ })).toBeVisible();
  const subjectId = (await page.getByRole("heading", { name: /^Patient / }).textContent())!.replace("Patient ", "");
  const id = page.url().split("/").pop()!;
  await page.context().clearCookies();
  return { id, subjectId };
}

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
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
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

/** Signs out and waits for the login page, so the next navigation does not race the redirect. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Screens (every criterion met, consent 2026-01-14) and enrolls a registered patient through the UI. */
export async function enrollThroughUi(page: Page, patientId: string, enrollmentDate = "2026-01-15") {
  await page.goto(`/patients/${patientId}/forms/eligibility?visit=screening`);
  await answerEligibility(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("complete, eligible")).toBeVisible();
  await page.getByLabel(/Enrollment date/).fill(enrollmentDate);
  await page.getByRole("button", { name: "Enroll" }).click();
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
  const counselling = {
    testDate: date,
    category: "male",
    noPotentialReason: null,
    counselled: true,
    method: "not-done",
    result: null,
  };
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
