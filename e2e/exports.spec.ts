import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import {
  expect,
  expectNoSeriousA11yViolations,
  registerPatientThroughUi,
  saveScreenshot,
  signIn,
  test,
} from "./fixtures";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await registerPatientThroughUi(page, "investigator1");
  await page.close();
});

test("the PI downloads each export from the exports page, with progress, and gets real files", async ({
  page,
}, testInfo) => {
  await signIn(page, "pi");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exports" }).click();
  await expect(page.getByRole("heading", { name: "Exports", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const fetchDownload = async (label: string) => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: `Download ${label}` }).click();
    const download = await downloading;
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    await expect(page.getByRole("status").filter({ hasText: `Saved ${download.suggestedFilename()}` })).toBeVisible();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  };

  const csv = await fetchDownload("CSV (zip)");
  expect(csv.name).toMatch(/^[A-Za-z0-9._-]+_csv_\d{4}-\d{2}-\d{2}\.zip$/);
  const csvFiles = unzipSync(new Uint8Array(csv.bytes));
  expect(Object.keys(csvFiles)).toEqual(
    expect.arrayContaining(["patients.csv", "eligibility.csv", "adverse-event.csv", "dictionary.csv"]),
  );
  expect(strFromU8(csvFiles["patients.csv"]!)).toMatch(/^subject_id,site_code,/);
  expect(strFromU8(csvFiles["patients.csv"]!)).toMatch(/TW01-\d{3}/);

  const odm = await fetchDownload("ODM XML");
  expect(odm.name).toMatch(/\.xml$/);
  const xml = odm.bytes.toString("utf8");
  expect(xml).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ODM xmlns="http:\/\/www.cdisc.org\/ns\/odm\/v1.3" ODMVersion="1.3.2" FileType="Snapshot"/,
  );
  expect(xml.trimEnd()).toMatch(/<\/ODM>$/);

  const sdtm = await fetchDownload("SDTM (zip)");
  expect(Object.keys(unzipSync(new Uint8Array(sdtm.bytes)))).toEqual([
    "dm.csv",
    "ex.csv",
    "ae.csv",
    "lb.csv",
    "tu.csv",
    "tr.csv",
    "rs.csv",
    "ds.csv",
    "dv.csv",
  ]);

  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "exports");
});

test("an export starts only with a POST: a link to it (GET), as a cross-site page could plant, gets 405", async ({
  page,
}) => {
  await signIn(page, "pi");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  for (const format of ["csv", "odm", "sdtm"]) {
    expect((await page.request.get(`/api/v1/exports/${format}`)).status(), format).toBe(405);
  }
  const started = await page.request.post("/api/v1/exports/sdtm", {
    headers: { "Content-Type": "application/json" },
    data: "{}",
  });
  expect(started.status()).toBe(200);
  expect(started.headers()["content-disposition"]).toMatch(
    /^attachment; filename="[A-Za-z0-9._-]+_sdtm_\d{4}-\d{2}-\d{2}\.zip"$/,
  );
});

test("the coordinator has no exports link and the page is not found", async ({ page }) => {
  await signIn(page, "coordinator");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exports" })).toHaveCount(0);
  const response = await page.goto("/exports");
  expect(response?.status()).toBe(404);
});
