import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

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
}

/** Saves a full-page screenshot under test-results and attaches it to the report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

export const test = base;
export { expect };
