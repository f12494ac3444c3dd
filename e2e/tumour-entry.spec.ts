import { enrolledPatient, expect, saveScreenshot, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

test("a tumour baseline of three lesions takes the imaging method once; a follow-up stays blank until measured, and a diameter implies measured", async ({
  page,
}, testInfo) => {
  const { id, subjectId } = await enrolledPatient(page, "investigator1");

  await page
    .getByRole("region", { name: "Baseline" })
    .getByRole("link", { name: "Tumour assessment: baseline" })
    .click();
  await page.getByLabel(/Assessment date/).fill("2026-01-13");
  // The method is chosen once, for the form: every lesion takes it.
  await page.getByLabel("Imaging method").selectOption("spiral-ct");
  const lesion = (n: number) => page.getByRole("group", { name: `Target lesion T${n}` });
  await lesion(1).getByLabel("Organ", { exact: true }).selectOption("Liver");
  await lesion(1)
    .getByLabel(/Longest diameter/)
    .fill("62");
  await page.getByRole("button", { name: "Add target lesion" }).click();
  await lesion(2).getByLabel("Organ", { exact: true }).selectOption("Liver");
  await lesion(2)
    .getByLabel(/Longest diameter/)
    .fill("30");
  await page.getByRole("button", { name: "Add target lesion" }).click();
  // An organ not on the RECIST list: "Other, specify".
  await lesion(3).getByLabel("Organ", { exact: true }).selectOption("other");
  await lesion(3).getByLabel("Organ (specify)").fill("Diaphragm");
  await lesion(3)
    .getByLabel(/Longest diameter/)
    .fill("21");
  for (const n of [1, 2, 3]) await expect(lesion(n).getByLabel("Method", { exact: true })).toHaveValue("spiral-ct");
  await expect(page.getByTestId("baseline-sum")).toContainText("113 mm");
  // (A full-page screenshot right before this click made the click miss the button in Chromium: the screenshot is taken on the patient page instead.)
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // Saving a form on a busy shared machine can take longer than an assertion's default wait.
  await expect(page.getByRole("heading", { name: `Patient ${subjectId}` })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("region", { name: "Baseline" })).toContainText("complete, 3 target lesions, sum 113 mm");
  await saveScreenshot(page, testInfo, "tumour-baseline-three-lesions-saved");

  // Reopened, the specified organ reads as typed.
  await page
    .getByRole("region", { name: "Baseline" })
    .getByRole("link", { name: "Tumour assessment: baseline" })
    .click();
  await expect(lesion(3).getByLabel("Organ (specify)")).toHaveValue("Diaphragm");
  await expect(lesion(1).getByLabel("Organ", { exact: true })).toHaveValue("Liver");
  await page.goto(`/patients/${id}`);

  const week8 = page.getByRole("region", { name: "Visits" }).getByRole("row", { name: /Week 8/ });
  await week8.getByRole("link", { name: "Tumour assessment" }).click();
  await expect(page.getByRole("heading", { name: /Tumour assessment · week8/ })).toBeVisible();
  const computed = page.getByTestId("tumour-response");
  // Nothing measured yet: no "0 mm, -100%" that reads like a complete response.
  await expect(computed.getByTestId("current-sum")).toHaveText("—");
  await expect(computed.getByTestId("pct-baseline")).toHaveText("—");
  await expect(computed.getByTestId("computed-response")).toHaveText("Not assessed");
  await page.getByLabel(/Assessment date/).fill("2026-03-12");
  // Typing a diameter is enough: the status becomes "Measured".
  await page.getByLabel(/T1 longest diameter/).fill("40");
  await expect(page.getByLabel("T1 status")).toHaveValue("measured");
  await expect(computed.getByTestId("current-sum")).toHaveText("—");
  await page.getByLabel(/T2 longest diameter/).fill("20");
  await page.getByLabel(/T3 longest diameter/).fill("14");
  await expect(computed.getByTestId("current-sum")).toHaveText("74 mm");
  await expect(computed.getByTestId("pct-baseline")).toHaveText("-34.5%");
  await saveScreenshot(page, testInfo, "tumour-follow-up-implied-measured");
});
