import { readFileSync } from "node:fs";
import {
  expect,
  expectNoSeriousA11yViolations,
  registerPatientThroughUi,
  saveScreenshot,
  signedInRequest,
  signIn,
  test,
} from "./fixtures";

test.describe.configure({ mode: "serial" });
// A dry run checks every patient of the demo cohort through the write path: minutes on a loaded machine.
test.setTimeout(300_000);

let odm = "";

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  const page = await browser.newPage();
  await registerPatientThroughUi(page, "investigator1");
  await page.close();
  const pi = await signedInRequest(playwright.request, baseURL!, "pi");
  const response = await pi.post("/api/v1/exports/odm", { data: {} });
  expect(response.status()).toBe(200);
  odm = await response.text();
  await pi.dispose();
});

test("the administrator previews an ODM file, sees the refused subject, downloads the error report, then imports the clean file", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A subject the database does not know and the file does not register.
  const flawed = odm.replace(
    "</ClinicalData>",
    '<SubjectData SubjectKey="TW01-999"><SiteRef LocationOID="LOC.TW01"/></SubjectData></ClinicalData>',
  );
  await page
    .getByLabel(/CSV export \(\.zip\) or CDISC ODM/)
    .setInputFiles({ name: "trial.xml", mimeType: "application/xml", buffer: Buffer.from(flawed) });
  await page.getByRole("button", { name: "Preview (nothing is saved)" }).click();
  await expect(page.getByRole("heading", { name: "Preview: what the import would do" })).toBeVisible({
    timeout: 60_000,
  });
  const refusals = page.getByRole("region", { name: "Refusals" });
  await expect(refusals.getByRole("row").filter({ hasText: "TW01-999" })).toContainText("Unknown subject TW01-999");
  await expect(page.getByText(/Patients: 0 created, 0 updated, \d+ unchanged, 1 refused/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "imports-preview-with-refusal");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the error report (CSV)" }).click();
  const download = await downloading;
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  expect(readFileSync(path, "utf8").split("\r\n").slice(0, 2)).toEqual([
    "subject_id,form_type,field,message",
    "TW01-999,,subject_id,Unknown subject TW01-999: it is not in the database and the file does not register it.",
  ]);

  // The clean file: previewed, then imported; the trial's own export changes nothing.
  await page
    .getByLabel(/CSV export \(\.zip\) or CDISC ODM/)
    .setInputFiles({ name: "trial.xml", mimeType: "application/xml", buffer: Buffer.from(odm) });
  await expect(page.getByRole("button", { name: "Import" })).toBeDisabled();
  await page.getByRole("button", { name: "Preview (nothing is saved)" }).click();
  await expect(page.getByText(/Patients: 0 created, 0 updated, \d+ unchanged, 0 refused/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import done" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Forms: 0 created, 0 updated, \d+ unchanged, 0 refused/)).toBeVisible();
  await saveScreenshot(page, testInfo, "imports-done");
});
