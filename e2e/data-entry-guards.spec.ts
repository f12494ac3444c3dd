import type { Page } from "@playwright/test";
import { answerDosingAsGiven, DEMO_PASSWORD, enrollThroughUi, expect, registerPatientThroughUi, saveScreenshot, signIn, test } from "./fixtures";

// Several page loads per test on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

const visitRow = (page: Page, visit: string) => page.getByRole("region", { name: "Visits" }).getByRole("row", { name: new RegExp(`^${visit} `) });

async function openDay1Dosing(page: Page) {
  const { id, subjectId } = await registerPatientThroughUi(page, "investigator1", "2026-01-12");
  await signIn(page, "investigator1");
  await enrollThroughUi(page, id, "2026-01-15");
  await visitRow(page, "Day 1").getByRole("link", { name: "Dosing" }).click();
  await expect(page.getByRole("heading", { name: /Dosing/ })).toBeVisible();
  return { id, subjectId };
}

test("typed work is kept: leaving asks first, Back restores the draft, Enter does not submit", async ({ page }, testInfo) => {
  const { id, subjectId } = await openDay1Dosing(page);
  await page.getByLabel(/Visit date/).fill("2026-01-15");
  await page.getByLabel(/^Height/).fill("180");
  await answerDosingAsGiven(page);
  await page.getByLabel(/Weight at this visit/).fill("80");
  // Enter in a field, out of habit, saves nothing (the form is valid, so it would have) and stays on the form.
  await page.getByLabel(/Weight at this visit/).press("Enter");
  await expect(page).toHaveURL(/\/forms\/dosing/);

  // Following a link with unsaved entries asks; dismissing stays on the form with them.
  const dialogs: string[] = [];
  page.once("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: `Patient ${subjectId}` }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toContain("unsaved changes");
  await expect(page).toHaveURL(/\/forms\/dosing/);
  await expect(page.getByLabel(/Weight at this visit/)).toHaveValue("80");

  // Accepting leaves; Back brings the form back with the entries restored from the tab's draft.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("link", { name: `Patient ${subjectId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
  // Neither Enter nor leaving saved anything.
  await expect(visitRow(page, "Day 1")).toContainText("Dosing overdue");
  await page.goBack();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByLabel(/Weight at this visit/)).toHaveValue("80");
  await expect(page.getByLabel(/Visit date/)).toHaveValue("2026-01-15");
  await saveScreenshot(page, testInfo, "dosing-draft-restored");
});

test("a save after the session expired asks for the password in place and then saves the same entries", async ({ page }) => {
  const { id } = await openDay1Dosing(page);
  await page.getByLabel(/Visit date/).fill("2026-01-15");
  await page.getByLabel(/Weight at this visit/).fill("80");
  await page.getByLabel(/^Height/).fill("180");
  await answerDosingAsGiven(page);
  // The session ends (idle timeout, or signed out on another tab): the cookie is gone.
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#form-error")).toContainText("Your session has ended");
  await expect(page.getByLabel(/Weight at this visit/)).toHaveValue("80");
  await page.getByTestId("reauthenticate").getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in and save" }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${id}$`), { timeout: 30_000 });
  await expect(visitRow(page, "Day 1")).toContainText("UFT 3 caps bid (level 0)");
});
