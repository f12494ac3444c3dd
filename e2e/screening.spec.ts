import {
  answerEligibility,
  expect,
  expectNoSeriousA11yViolations,
  registerPatientThroughUi,
  saveScreenshot,
  signIn,
  test,
} from "./fixtures";

test("an investigator screens a patient who fails eligibility: enrollment is refused with the reason", async ({
  page,
}, testInfo) => {
  const { id } = await registerPatientThroughUi(page, "investigator1");
  await signIn(page, "investigator1");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto(`/patients/${id}`);
  await page.getByRole("link", { name: "Screening and eligibility" }).click();
  await expect(page.getByRole("heading", { name: /Screening and eligibility/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await answerEligibility(page, { I3: "no" });
  await expect(page.getByTestId("eligibility-result")).toContainText("I3 not met: No prior systemic therapy");
  await saveScreenshot(page, testInfo, "eligibility-failing");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
  await expect(page.getByText("complete, not eligible")).toBeVisible();

  await page.getByRole("button", { name: "Enroll" }).click();
  await expect(page.locator("#enroll-error")).toContainText("I3 not met");
  // Screen failure is behind a disclosure and a confirmation, not a button beside "Enroll".
  await expect(page.getByLabel("Screen failure reason")).toBeHidden();
  await page.getByText("Record a screen failure").click();
  await page.getByLabel("Screen failure reason").fill("Prior sorafenib (I3 not met)");
  await page.getByRole("button", { name: "Record screen failure..." }).click();
  await expect(page.getByRole("alertdialog")).toContainText("can no longer be enrolled");
  await page.getByRole("button", { name: "Confirm screen failure" }).click();
  await expect(page.getByText("Screen failed", { exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, "screen-failure");
});

test("an investigator enrolls a patient who passes, with the visit timeline and an edit that needs a reason", async ({
  page,
}, testInfo) => {
  const { id, subjectId } = await registerPatientThroughUi(page, "investigator2", "2026-01-12");
  await signIn(page, "investigator2");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  await answerEligibility(page);
  await expect(page.getByTestId("eligibility-result")).toContainText("Eligible: every criterion is met.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("complete, eligible")).toBeVisible();

  // Editing saved data asks for a reason; without one nothing changes.
  await page.getByRole("link", { name: "Screening and eligibility" }).click();
  await page.getByLabel(/Informed consent date/).fill("2026-01-13");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#reason-error")).toHaveText("Give a reason for the change (at least 3 characters)");
  await page.getByLabel("Reason for change").fill("Consent date transcribed wrongly");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Patient ${subjectId}` })).toBeVisible();
  await page.getByTestId("history-link").click();
  await expect(
    page
      .getByRole("region", { name: "Audit history" })
      .getByRole("row", { name: /Informed consent date.*2026-01-14.*2026-01-13/ }),
  ).toContainText("Consent date transcribed wrongly");
  await page.goBack();
  await expect(page.getByRole("heading", { name: `Patient ${subjectId}` })).toBeVisible();

  await page.getByLabel(/Enrollment date/).fill("2026-01-15");
  await page.getByRole("button", { name: "Enroll" }).click();
  await expect(page.getByText("On treatment", { exact: true })).toBeVisible();
  const timeline = page.getByRole("region", { name: "Visits" });
  await expect(timeline.getByRole("row", { name: /Day 1/ })).toContainText("2026-01-15");
  await expect(timeline.getByRole("row", { name: /Week 8/ })).toContainText("Tumour assessment");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "enrolled-timeline");
});
