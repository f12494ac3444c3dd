import { expect, saveScreenshot, screenedPatient, signIn, signOut, test } from "./fixtures";

test("an investigator signs a form, which becomes read-only and names the signer; a monitor verifies one field, then the form; the audit shows them", async ({
  page,
}, testInfo) => {
  const { id } = await screenedPatient(page, "investigator3");

  await page.getByRole("link", { name: "Screening and eligibility" }).click();
  await expect(page.locator(".signature-meaning")).toContainText("Meaning of your signature: I am the investigator");
  await page.getByLabel("Your password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign form" }).click();
  await expect(page.locator("#signature-password-error")).toHaveText("The password is not correct");
  await page.getByLabel("Your password").fill("trial-demo-2026");
  await page.getByRole("button", { name: "Sign form" }).click();
  // The signature line names the signer, the time in the site's zone (TW03: Taipei) and the meaning.
  await expect(page.getByTestId("signature-line")).toContainText(
    /signed by Dr\. .+ on \d{4}-\d{2}-\d{2} \d{2}:\d{2} Asia\/Taipei \(UTC\+08:00\)/,
  );
  await expect(page.locator(".signature-meaning")).toContainText("Meaning of this signature: I am the investigator");
  await expect(page.getByLabel(/Informed consent date/)).toBeDisabled();
  // Read-only: no empty "Reason for change" box and no disabled Save button.
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeHidden();
  await expect(page.getByLabel("Reason for change")).toBeHidden();
  await saveScreenshot(page, testInfo, "signed-form-read-only");

  await signOut(page);
  await signIn(page, "monitor");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  await expect(page.getByLabel(/Informed consent date/)).toBeDisabled();
  // Targeted SDV: one field verified, shown on the form by name; the count says 1 field.
  const consentRow = page.locator('tr[data-field-path="consentDate"]');
  await consentRow.getByRole("button", { name: "Verify" }).click();
  await expect(consentRow).toContainText(/verified by .*Monitor.*Asia\/Taipei/i);
  await expect(page.getByTestId("field-sdv-count")).toContainText(/^1 of \d+ fields verified/);
  await saveScreenshot(page, testInfo, "field-verified");
  await page.getByRole("button", { name: /Mark version 1 as source-verified/ }).click();
  await expect(page.getByTestId("sdv-line")).toContainText(
    /verified by .+ on \d{4}-\d{2}-\d{2} \d{2}:\d{2} Asia\/Taipei/,
  );

  await page.goto(`/patients/${id}`);
  await page.getByTestId("history-link").click();
  const audit = page.getByRole("region", { name: "Audit history" });
  await expect(audit.getByRole("row", { name: /Signed: Screening and eligibility/ })).toContainText(
    "investigator3@demo.test",
  );
  await expect(audit.getByRole("row", { name: /Source-verified: Screening and eligibility/ }).first()).toContainText(
    "monitor@demo.test",
  );
  await expect(audit.getByRole("row", { name: /Source verification: Informed consent date/ })).toContainText(
    "monitor@demo.test",
  );
  await saveScreenshot(page, testInfo, "audit-sign-verify");
});
