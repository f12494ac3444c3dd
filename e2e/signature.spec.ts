import { answerEligibility, expect, registerPatientThroughUi, saveScreenshot, signIn, signOut, test } from "./fixtures";

test("an investigator signs a form, which becomes read-only; a monitor verifies it; the audit shows both", async ({ page }, testInfo) => {
  const { id } = await registerPatientThroughUi(page, "investigator3");
  await signIn(page, "investigator3");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  await answerEligibility(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("complete, eligible")).toBeVisible();

  await page.getByRole("link", { name: "Screening and eligibility" }).click();
  await expect(page.locator(".signature-meaning")).toContainText("Meaning of your signature: I am the investigator");
  await page.getByLabel("Your password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign form" }).click();
  await expect(page.locator("#signature-password-error")).toHaveText("The password is not correct");
  await page.getByLabel("Your password").fill("trial-demo-2026");
  await page.getByRole("button", { name: "Sign form" }).click();
  await expect(page.getByText(/^signed \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByLabel(/Informed consent date/)).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await saveScreenshot(page, testInfo, "signed-form-read-only");

  await signOut(page);
  await signIn(page, "monitor");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  await expect(page.getByLabel(/Informed consent date/)).toBeDisabled();
  await page.getByRole("button", { name: /Mark version 1 as source-verified/ }).click();
  await expect(page.getByText(/^verified \d{4}-/)).toBeVisible();

  await page.goto(`/patients/${id}`);
  const audit = page.getByRole("region", { name: "Audit history" });
  await expect(audit.getByRole("row", { name: /SIGN form:eligibility/ })).toContainText("investigator3@demo.test");
  await expect(audit.getByRole("row", { name: /VERIFY form:eligibility/ })).toContainText("monitor@demo.test");
  await saveScreenshot(page, testInfo, "audit-sign-verify");
});
