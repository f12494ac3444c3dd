import { existsSync } from "node:fs";
import { expect, saveScreenshot, signIn, signInThroughForm, test } from "./fixtures";

test("the home page and the login page render, with screenshots", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Trialdesk" })).toBeVisible();
  await saveScreenshot(page, testInfo, "home");

  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in to Trialdesk" })).toBeVisible();
  await saveScreenshot(page, testInfo, "login");
  expect(existsSync(testInfo.outputPath("login.png"))).toBe(true);
});

test("a demo investigator signs in and sees their site", async ({ page }) => {
  // Through the login form itself (the other specs reuse a session per user: fixtures.ts).
  await signInThroughForm(page, "investigator2");
  await expect(page.getByRole("heading", { name: /Welcome, Dr\. Chen/ })).toBeVisible();
  await page.getByText("Your roles").click();
  await expect(page.getByRole("cell", { name: /Kaohsiung Medical University Hospital \(TW02\)/ })).toBeVisible();
});

test("a wrong password shows one message that does not say whether the account exists", async ({ page }) => {
  await signIn(page, "pi", "not-the-password");
  // Next's route announcer is also role=alert, so address the form's message by id.
  await expect(page.locator("#login-error")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("the login form shows field errors next to the fields and sends nothing", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await email.getAttribute("aria-describedby")}`)).toHaveText(
    "Enter a valid email address",
  );
  await expect(page.locator("#password-error")).toHaveText("Enter your password");
});

test("signed-out visitors are sent to the login page from a protected address", async ({ page }) => {
  await page.goto("/patients/anything");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test("sign-out ends the session", async ({ page }) => {
  // A session of its own: signing out the shared one would end it for the next spec of the role.
  await signInThroughForm(page, "admin");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Trialdesk" })).toBeVisible();
});

test("the health endpoint reports the version and a reachable database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  const body = await response.json();
  expect(body).toMatchObject({
    status: "ok",
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    database: { ok: true },
  });
});
