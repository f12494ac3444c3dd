import type { Page } from "@playwright/test";
import { createUser } from "./create-user";
import { expect, saveScreenshot, test } from "./fixtures";

const PASSWORD = "first-password-2026";
const NEW_PASSWORD = "second-password-2026";

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a user changes their password, is signed out, and signs in with the new one", async ({ page }, testInfo) => {
  const email = await createUser("changer", PASSWORD);
  await signInAs(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, changer" })).toBeVisible();

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
  await page.getByRole("link", { name: "Change password" }).click();

  // Field errors first: too short and not repeated, announced through aria-describedby.
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel(/^New password/).fill("short");
  await page.getByLabel("Repeat new password").fill("other");
  await page.getByRole("button", { name: "Change password" }).click();
  const newPassword = page.getByLabel(/^New password/);
  await expect(newPassword).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await newPassword.getAttribute("aria-describedby")}`)).toHaveText(
    "Use at least 12 characters",
  );

  // A wrong current password comes back from the server as a field error.
  await page.getByLabel("Current password").fill("not-my-password");
  await newPassword.fill(NEW_PASSWORD);
  await page.getByLabel("Repeat new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#currentPassword-error")).toHaveText("The current password is not correct");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1/);
  await expect(page.locator("#login-notice")).toHaveText("Your password was changed. Sign in with your new password.");
  await saveScreenshot(page, testInfo, "password-changed");

  await signInAs(page, email, PASSWORD);
  await expect(page.locator("#login-error")).toHaveText("Email or password is incorrect.");
  await signInAs(page, email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, changer" })).toBeVisible();
});

test("sign out everywhere ends the sessions of other browsers too", async ({ page, browser }) => {
  const email = await createUser("everywhere", PASSWORD);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, email, PASSWORD);
  await expect(otherPage.getByRole("heading", { name: "Welcome, everywhere" })).toBeVisible();

  await signInAs(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, everywhere" })).toBeVisible();
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=everywhere/);
  await expect(page.locator("#login-notice")).toHaveText("You were signed out on every device.");

  // The other browser still holds its cookie, but its session version is stale.
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login/);
  await otherPage.goto("/");
  await expect(otherPage.getByRole("heading", { name: "Trialdesk" })).toBeVisible();
  await other.close();
});

test("5 wrong passwords lock the account: the right one is then refused with a try-later message", async ({
  page,
}, testInfo) => {
  const email = await createUser("locked", PASSWORD);
  for (let i = 1; i <= 5; i++) {
    await signInAs(page, email, `wrong-password-${i}`);
    await expect(page.locator("#login-error")).toHaveText("Email or password is incorrect.");
  }
  await signInAs(page, email, PASSWORD);
  await expect(page.locator("#login-error")).toHaveText("Too many failed sign-in attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/login/);
  await saveScreenshot(page, testInfo, "locked-out");
});

test("an unknown email gets the same lockout message, so a lockout reveals no account", async ({ page }) => {
  const email = `nobody-${Date.now()}@e2e.test`;
  for (let i = 1; i <= 5; i++) {
    await signInAs(page, email, `guess-${i}`);
    await expect(page.locator("#login-error")).toHaveText("Email or password is incorrect.");
  }
  await signInAs(page, email, "guess-6");
  await expect(page.locator("#login-error")).toHaveText("Too many failed sign-in attempts. Try again in 15 minutes.");
});
