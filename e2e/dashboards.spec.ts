import { readFile } from "node:fs/promises";
import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, test } from "./fixtures";

// The demo cohort (43 synthetic patients) is created by the demo seed at start-up; these pages analyse it.
test.describe.configure({ timeout: 180_000 });

test("the PI follows enrollment against target per site", async ({ page }, testInfo) => {
  await signIn(page, "pi");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" }).click();
  await expect(page.getByRole("heading", { name: "Enrollment", exact: true })).toBeVisible();
  await expect(page.getByTestId("enrolled-total")).toHaveText("43");
  await expect(page.getByTestId("enrollment-total")).toContainText("All sites");
  await expect(page.getByTestId("enrollment-TW01").getByRole("cell").nth(2)).toHaveText("20");
  await expect(
    page.getByTestId("chart-cumulative-enrollment").getByRole("img", { name: /Cumulative enrollment per site/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "dashboard-enrollment");
});

test("the PI sees the published efficacy results, switches the CI method and downloads a chart", async ({
  page,
}, testInfo) => {
  await signIn(page, "pi");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/dashboards/efficacy");
  await expect(page.getByRole("heading", { name: "Efficacy" })).toBeVisible();
  await expect(page.getByTestId("orr")).toContainText("4/43");
  await expect(page.getByTestId("dcr")).toContainText("18/43");
  await expect(page.getByTestId("pfs-median")).toContainText("1.9 months");
  await expect(page.getByTestId("os-median")).toContainText("4.6 months");
  const defaultPfsCi = await page.getByTestId("pfs-median-ci").textContent();
  const defaultOsCi = await page.getByTestId("os-median-ci").textContent();
  await expect(page.getByTestId("chart-km-pfs").getByRole("img", { name: /Progression-free survival/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "dashboard-efficacy-log-log");

  await page.getByLabel(/95% CI method/).selectOption("symmetric");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/ciMethod=symmetric/);
  await expect(page.getByTestId("pfs-median-ci")).toHaveText("1.7-2.1");
  await expect(page.getByTestId("os-median-ci")).toHaveText("2.3-6.9");
  expect(defaultPfsCi).not.toBe("1.7-2.1");
  expect(defaultOsCi).not.toBe("2.3-6.9");
  await expect(page.getByTestId("pfs-median")).toContainText("1.9 months");
  await saveScreenshot(page, testInfo, "dashboard-efficacy-symmetric");

  const downloading = page.waitForEvent("download");
  await page
    .getByTestId("chart-km-os")
    .getByRole("button", { name: /Download SVG/ })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("km-os.svg");
  const svg = await readFile((await download.path())!, "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toContain("Overall survival");
});

test("the PI compares survival by baseline IL-8", async ({ page }, testInfo) => {
  await signIn(page, "pi");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/dashboards/biomarkers?cytokine=IL-8&endpoint=os&cut=median");
  await expect(page.getByRole("heading", { name: /Baseline cytokines and survival/ })).toBeVisible();
  await expect(page.getByTestId("biomarker-stats")).toContainText("Log-rank test");
  await expect(
    page.getByTestId("chart-km-IL-8-os").getByRole("img", { name: /Overall survival by baseline IL-8/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "dashboard-biomarkers");
});

test("the PI sees where the 43 patients stand against the configured stopping rules", async ({ page }, testInfo) => {
  await signIn(page, "pi");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/dashboards/enrollment");
  await page.getByRole("navigation", { name: "Dashboards" }).getByRole("link", { name: "Stopping rules" }).click();
  await expect(page.getByRole("heading", { name: "Stopping rules", exact: true })).toBeVisible();
  // The demo study's design (p0 0.05, p1 0.20, alpha 0.05, power 0.90), computed by the app: Simon optimal 1/21, 4/41.
  const design = page.getByTestId("simon-design");
  await expect(design).toContainText("Optimal (in force)");
  await expect(design.getByRole("cell", { name: "1/21" })).toBeVisible();
  await expect(design.getByRole("cell", { name: "4/41" })).toBeVisible();
  // 39 of the 43 have a best overall response other than NE; 1 responder among the first 21, 4 so far in total.
  await expect(page.getByTestId("evaluable")).toHaveText("39 of 43 enrolled");
  await expect(page.getByTestId("stage1-responders")).toHaveText("1 in 21 of 21; stop if ≤ 1");
  await expect(page.getByTestId("total-responders")).toHaveText("4 in 39 of 41; reject if ≤ 4");
  await expect(page.getByTestId("response-status")).toContainText("Stop for futility after stage 1");
  await expect(page.getByTestId("stopping-alert")).toContainText(
    "Futility: 1 responder in the first 21 evaluable patients",
  );
  await expect(page.getByTestId("toxicity-status")).toContainText("0 of 43 patients with a DLT");
  await expect(page.getByTestId("toxicity-boundary")).toContainText("Stop at 17 or more patients with a DLT in 43");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "dashboard-stopping-rules");
});
