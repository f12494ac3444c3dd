import type { Page } from "@playwright/test";
import {
  enrolledPatient,
  expect,
  expectNoSeriousA11yViolations,
  saveScreenshot,
  signIn,
  signOut,
  test,
} from "./fixtures";

// Several sign-ins and long forms on a shared, busy machine.
test.describe.configure({ timeout: 240_000 });

/** investigator1 registers, screens and enrolls a TW01 patient (day 1 2026-01-15), then records a grade 3 diarrhea. */
async function patientWithGradeThreeEvent(page: Page) {
  const { id, subjectId } = await enrolledPatient(page, "investigator1");

  await page.getByRole("region", { name: "Events" }).getByRole("link", { name: "Record new: Adverse event" }).click();
  await page.getByLabel(/Search CTCAE terms/).fill("diarrhea");
  await page.getByLabel("CTCAE term", { exact: true }).selectOption("Diarrhea");
  await page.getByLabel("CTCAE grade").selectOption("3");
  await page.getByLabel(/Onset date/).fill("2026-02-03");
  await page.getByLabel("Ongoing (not resolved yet)").check();
  await page.getByRole("group", { name: "Serious adverse event (SAE)?" }).getByLabel("No").check();
  await page.getByLabel("Attribution to Thalidomide").selectOption("unlikely");
  await page.getByLabel("Action taken with Thalidomide").selectOption("none");
  await page.getByLabel("Attribution to UFT (tegafur/uracil)").selectOption("probable");
  await page.getByLabel("Action taken with UFT (tegafur/uracil)").selectOption("interrupted");
  await page.getByLabel("Outcome").selectOption("recovering");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Patient ${subjectId}` })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Events" }).getByRole("link", { name: "Diarrhea, grade 3" }),
  ).toBeVisible();
  await signOut(page);
  return { id, subjectId };
}

test("the coordinator filters grade 3+ events, reviews one, and its upgrade brings it back to the queue", async ({
  page,
}, testInfo) => {
  const { subjectId } = await patientWithGradeThreeEvent(page);

  await signIn(page, "coordinator");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Toxicity" }).click();
  await expect(page.getByRole("heading", { name: "Toxicity review" })).toBeVisible();
  await page.getByLabel("CTCAE grade").selectOption("3+");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/grade=3%2B/);
  const events = page.getByRole("region", { name: /^Adverse events/ });
  await expect(events.getByRole("row", { name: new RegExp(subjectId) })).toContainText("Diarrhea");
  await expect(
    page.getByRole("region", { name: "Worst grade per patient per term" }).getByRole("row", { name: /^Diarrhea/ }),
  ).toBeVisible();

  const item = page.getByTestId("review-item").filter({ hasText: `${subjectId} (TW01): Diarrhea, grade 3` });
  await expect(item).toContainText("Needs review (Not reviewed yet)");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "toxicity-review-grade3");
  // A comment is required; nothing is recorded without one.
  await item.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(item.locator(".field-error")).toHaveText("Write a comment of at least 3 characters");
  await item.getByLabel("Review comment").fill("Expected UFT toxicity; dose interrupted");
  await item.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByRole("heading", { name: /^Waiting for review/ })).toBeVisible();
  await expect(
    page
      .getByTestId("review-item")
      .filter({ hasText: `${subjectId} (TW01)` })
      .filter({ hasText: "Needs review" }),
  ).toHaveCount(0);
  const api = await page.request.get("/api/v1/analysis/toxicity?grade=3%2B&site=TW01");
  expect(api.status()).toBe(200);
  expect((await page.request.get("/api/v1/analysis/toxicity?grade=six")).status()).toBe(400);
  await signOut(page);

  // The investigator upgrades the event to grade 4, with a reason.
  await signIn(page, "investigator1");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/patients");
  await page.getByRole("link", { name: subjectId }).click();
  await page.getByRole("region", { name: "Events" }).getByRole("link", { name: "Diarrhea, grade 3" }).click();
  await page.getByLabel("CTCAE grade").selectOption("4");
  await page.getByLabel("Reason for change").fill("Hospital records show grade 4");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page.getByRole("region", { name: "Events" }).getByRole("link", { name: "Diarrhea, grade 4" }),
  ).toBeVisible();
  await signOut(page);

  await signIn(page, "coordinator");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/dashboards/toxicity?grade=3%2B&site=TW01");
  const back = page.getByTestId("review-item").filter({ hasText: `${subjectId} (TW01): Diarrhea, grade 4` });
  await expect(back).toContainText("Needs review (Upgraded from grade 3 to grade 4 after review)");
  await expect(back).toContainText("Last decision: reviewed by");
  await back.getByLabel("Review comment").fill("Grade 4: PI to decide on UFT");
  await back.getByRole("button", { name: "Escalate to the PI" }).click();
  await expect(
    page
      .getByRole("list", { name: /Escalated to the PI/ })
      .getByTestId("review-item")
      .filter({ hasText: subjectId }),
  ).toContainText("Escalated to the PI");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "toxicity-review-escalated");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data quality" }).click();
  await expect(page.getByRole("heading", { name: "Data quality" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "data-quality");
});
