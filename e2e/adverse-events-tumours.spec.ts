import { enrolledPatient, expect, expectNoSeriousA11yViolations, saveScreenshot, test } from "./fixtures";

// Long forms on a shared, busy machine: allow more time than the suite default.
test.describe.configure({ timeout: 180_000 });

test("an investigator records baseline lesions and a week 8 assessment that computes a partial response", async ({
  page,
}, testInfo) => {
  const { subjectId } = await enrolledPatient(page, "investigator1");

  await page
    .getByRole("region", { name: "Baseline" })
    .getByRole("link", { name: "Tumour assessment: baseline" })
    .click();
  await expect(page.getByRole("heading", { name: /Tumour assessment: baseline/ })).toBeVisible();
  await page.getByLabel(/Assessment date/).fill("2026-01-13");
  await page.getByLabel("Imaging method").selectOption("ct");
  const t1 = page.getByRole("group", { name: "Target lesion T1" });
  await t1.getByLabel("Organ").selectOption("Liver");
  await t1.getByLabel("Site description").fill("Segment VIII");
  await t1.getByLabel("Method").selectOption("ct");
  await t1.getByLabel(/Longest diameter/).fill("62");
  await page.getByRole("button", { name: "Add target lesion" }).click();
  const t2 = page.getByRole("group", { name: "Target lesion T2" });
  await t2.getByLabel("Organ").selectOption("Lung");
  await t2.getByLabel("Site description").fill("Right lower lobe");
  await t2.getByLabel("Method").selectOption("ct");
  // RECIST 1.0: 15 mm by conventional CT is not measurable; the problem is shown on that lesion.
  await t2.getByLabel(/Longest diameter/).fill("15");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(t2.locator(".field-error")).toHaveText(
    "T2: longest diameter 15 mm is below the 20 mm minimum for ct (RECIST 1.0)",
  );
  await t2.getByLabel(/Longest diameter/).fill("38");
  await page.getByRole("button", { name: "Add non-target lesion" }).click();
  const n1 = page.getByRole("group", { name: "Non-target lesion N1" });
  await n1.getByLabel("Organ").selectOption("Portal vein");
  await n1.getByLabel("Description").fill("Tumour thrombus, right branch");
  await expect(page.getByTestId("baseline-sum")).toContainText("100 mm");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "tumour-baseline");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Patient ${subjectId}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Baseline" })).toContainText("complete, 2 target lesions, sum 100 mm");

  const week8 = page.getByRole("region", { name: "Visits" }).getByRole("row", { name: /Week 8/ });
  await week8.getByRole("link", { name: "Tumour assessment" }).click();
  await expect(page.getByRole("heading", { name: /Tumour assessment · week8/ })).toBeVisible();
  await page.getByLabel(/Assessment date/).fill("2026-03-12");
  await page.getByLabel("T1 status").selectOption("measured");
  await page.getByLabel(/T1 longest diameter/).fill("40");
  await page.getByLabel("T2 status").selectOption("measured");
  await page.getByLabel(/T2 longest diameter/).fill("26");
  await page.getByLabel("Non-target lesions overall").selectOption("NON_CR_NON_PD");
  await page.getByRole("group", { name: "New lesions?" }).getByLabel("No").check();
  const computed = page.getByTestId("tumour-response");
  await expect(computed.getByTestId("current-sum")).toHaveText("66 mm");
  await expect(computed.getByTestId("pct-baseline")).toHaveText("-34%");
  await expect(computed.getByTestId("pct-nadir")).toHaveText("-34%");
  await expect(computed.getByTestId("computed-response")).toHaveText("Partial response (PR)");
  await expect(page.getByTestId("response-used")).toHaveText("Response recorded: PR (computed)");

  // An override without a reason is refused; the computed response stays visible beside it.
  await page.getByLabel("Investigator's timepoint response").selectOption("SD");
  await expect(page.getByTestId("response-used")).toHaveText(
    "Response recorded: SD (investigator override; computed PR)",
  );
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#override-reason-error")).toHaveText(
    "Give the reason for overriding the computed response (at least 3 characters)",
  );
  await page.getByLabel("Investigator's timepoint response").selectOption("");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "tumour-assessment-week8");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Patient ${subjectId}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Visits" }).getByRole("row", { name: /Week 8/ })).toContainText(
    "complete, PR (-34% from baseline)",
  );
  await saveScreenshot(page, testInfo, "patient-with-tumour-response");
});

test("an investigator records a serious adverse event graded by CTCAE v5.0", async ({ page }, testInfo) => {
  const { subjectId } = await enrolledPatient(page, "investigator1");
  await page.getByRole("region", { name: "Events" }).getByRole("link", { name: "Record new: Adverse event" }).click();
  await expect(page.getByRole("heading", { name: "Adverse event" })).toBeVisible();

  const term = page.getByLabel("CTCAE term", { exact: true });
  const grade = page.getByLabel("CTCAE grade");
  // The grade list follows the term: Fatigue stops at grade 3, Platelet count decreased at 4.
  await page.getByLabel(/Search CTCAE terms/).fill("fatigue");
  await term.selectOption("Fatigue");
  await expect(grade.locator("option")).toHaveText(["Choose the grade", "Grade 1", "Grade 2", "Grade 3"]);
  await page.getByLabel(/Search CTCAE terms/).fill("platelet");
  await expect(page.locator("#term-count")).toHaveText('1 term matches "platelet"');
  await term.selectOption("Platelet count decreased");
  await expect(page.getByTestId("term-soc")).toContainText("System organ class: Investigations");
  await expect(grade.locator("option")).toHaveText(["Choose the grade", "Grade 1", "Grade 2", "Grade 3", "Grade 4"]);
  await grade.selectOption("3");
  await expect(page.getByTestId("grade-description")).toContainText("<50,000 - 25,000/mm3");

  await page.getByLabel(/Onset date/).fill("2026-02-03");
  await page.getByLabel("Ongoing (not resolved yet)").check();
  await page.getByRole("group", { name: "Serious adverse event (SAE)?" }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#saeCriteria-error")).toHaveText(
    "Tick at least one criterion that makes the event serious",
  );
  await page.getByLabel("Requires or prolongs hospitalization").check();
  await page.getByLabel(/Site became aware of the SAE/).fill("2026-02-04T09:15");
  await expect(page.getByTestId("sae-due")).toContainText("SAE report due by 2026-02-05 09:15");
  await page.getByLabel("Attribution to Thalidomide").selectOption("possible");
  await page.getByLabel("Action taken with Thalidomide").selectOption("none");
  await page.getByLabel("Attribution to UFT (tegafur/uracil)").selectOption("probable");
  await page.getByLabel("Action taken with UFT (tegafur/uracil)").selectOption("interrupted");
  await page.getByLabel("Outcome").selectOption("recovering");
  await expect(page.getByTestId("ae-summary")).toContainText("Platelet count decreased, grade 3, SAE");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "adverse-event");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page.getByRole("heading", { name: `Patient ${subjectId}` })).toBeVisible();
  const events = page.getByRole("region", { name: "Events" });
  await expect(events).toContainText("Adverse event (1 recorded)");
  await expect(events.getByRole("link", { name: "Platelet count decreased, grade 3, SAE" })).toBeVisible();
  await saveScreenshot(page, testInfo, "patient-with-events");
});
