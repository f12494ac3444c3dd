import { expect, saveScreenshot, signIn, signOut, test } from "./fixtures";

test("an investigator registers a patient, sees the audit record, and another site cannot open it", async ({
  page,
}, testInfo) => {
  await signIn(page, "investigator3");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.getByRole("link", { name: "Patients" }).click();
  await page.getByRole("link", { name: "Register a patient" }).click();

  // Field-level errors: a future date is refused before anything is sent.
  await page.getByLabel(/Screening date/).fill("2999-01-01");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.locator("#screeningDate-error")).toHaveText("The screening date cannot be in the future");
  await saveScreenshot(page, testInfo, "register-patient-error");

  await page.getByLabel(/Screening date/).fill("2026-02-03");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByRole("heading", { name: /^Patient TW03-\d{3}$/ })).toBeVisible();
  const url = page.url();
  // The audit trail opens on demand (History), with the fields named as the screens name them.
  await page.getByTestId("history-link").click();
  const audit = page.getByRole("region", { name: "Audit history" });
  await expect(audit.getByRole("row", { name: /Subject ID.*TW03-/ })).toContainText("investigator3@demo.test");
  await expect(audit.getByRole("row", { name: /Screening date/ })).toContainText("2026-02-03");
  await saveScreenshot(page, testInfo, "patient-with-audit-history");

  await signOut(page);
  await signIn(page, "investigator1");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/TW03-/)).toHaveCount(0);
});
