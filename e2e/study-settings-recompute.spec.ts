import type { Page } from "@playwright/test";
import {
  answerDosingAsGiven,
  enrollThroughApi,
  expect,
  expectNoSeriousA11yViolations,
  recordMaleSexAndCounselling,
  registerPatientThroughUi,
  saveScreenshot,
  signIn,
  signOut,
  test,
  type DemoUser,
  visitRow,
} from "./fixtures";

test.describe.configure({ timeout: 180_000 });

/** Signs in and waits for the home page (password hashing is slow on a busy shared machine). */
async function signInAs(page: Page, user: DemoUser) {
  await signIn(page, user);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible({ timeout: 30_000 });
}

async function setVisitInterval(page: Page, days: string, reason: string) {
  await page.goto("/admin/study");
  await page.getByLabel(/^Visit interval/).fill(days);
  await page.getByLabel("Reason for the change").fill(reason);
  await page.getByRole("button", { name: "Save study settings" }).click();
  await expect(page.getByLabel("Reason for the change")).toHaveValue("");
  await expect(page.getByLabel(/^Visit interval/)).toHaveValue(days);
}

test("an administrator changes the visit interval and a patient's timeline follows; bad values get field errors", async ({
  page,
}, testInfo) => {
  const { id } = await registerPatientThroughUi(page, "investigator1", "2026-01-12");
  await signInAs(page, "investigator1");
  await enrollThroughApi(page, id, "2026-01-15");
  await expect(visitRow(page, "Week 4")).toContainText("2026-02-12");
  await expect(visitRow(page, "Week 2")).toHaveCount(0);
  await signOut(page);

  await signInAs(page, "admin");
  await page.goto("/admin/study");
  await expect(page.getByRole("heading", { name: "Study settings" })).toBeVisible();
  await page.getByLabel(/^Visit interval/).fill("30");
  await page.getByLabel(/^Imaging interval/).fill("45");
  await page.getByRole("button", { name: "Save study settings" }).click();
  await expect(page.locator("#study-visit-interval-error")).toHaveText(
    "Use whole weeks (a multiple of 7 days): visits are named by week",
  );
  await expect(page.locator("#study-reason-error")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "study-settings-errors");
  await page.getByLabel(/^Imaging interval/).fill("56");
  await setVisitInterval(page, "14", "Protocol amendment: fortnightly visits");
  await signOut(page);

  try {
    await signInAs(page, "investigator1");
    await page.goto(`/patients/${id}`);
    await expect(visitRow(page, "Week 2")).toContainText("2026-01-29");
    await expect(visitRow(page, "Week 4")).toContainText("2026-02-12");
    await signOut(page);
  } finally {
    // Later specs expect the protocol's 4-weekly schedule.
    await signInAs(page, "admin");
    await setVisitInterval(page, "28", "Amendment withdrawn: back to 4-weekly visits");
    await signOut(page);
  }
});

test("correcting the day 1 weight recomputes the week 4 weight-change flag, shown in the week 4 audit history", async ({
  page,
}) => {
  const { id } = await registerPatientThroughUi(page, "investigator1", "2026-01-12");
  await signInAs(page, "investigator1");
  await enrollThroughApi(page, id, "2026-01-15");
  await recordMaleSexAndCounselling(page, id);

  const enterDosing = async (visit: string, date: string, weight: string) => {
    await visitRow(page, visit).getByRole("link", { name: "Dosing" }).click();
    await page.getByLabel(/Visit date/).fill(date);
    await page.getByLabel(/Weight at this visit/).fill(weight);
    await page.getByLabel(/^Height/).fill("180");
    await answerDosingAsGiven(page);
    await page.getByLabel("UFT capsules dispensed at this visit (capsules)").fill("112");
    await page.getByLabel("Thalidomide capsules dispensed at this visit (capsules)").fill("112");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(visitRow(page, visit)).toContainText("complete");
  };
  await enterDosing("Day 1", "2026-01-15", "80");
  await enterDosing("Week 4", "2026-02-12", "70");

  await visitRow(page, "Day 1").getByRole("link", { name: "Dosing" }).click();
  await page.getByLabel(/Weight at this visit/).fill("75");
  await page.getByLabel("Reason for change").fill("Scale error at day 1");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Day 1")).toContainText("complete");

  await visitRow(page, "Week 4").getByRole("link", { name: "Dosing" }).click();
  await expect(page.getByTestId("weight-change")).not.toContainText("recalculate");
  await page.getByRole("link", { name: "History of this form" }).click();
  const audit = page.getByRole("region", { name: "Audit history" });
  const flagRow = audit.getByRole("row").filter({ hasText: "Computed: weightChange.recalculate" });
  await expect(flagRow).toContainText("Recomputed: Dosing");
  await expect(flagRow).toContainText(/Yes\s*No/);
  await expect(flagRow).toContainText("Recomputed after change to Dosing");
  await expect(audit.getByRole("row").filter({ hasText: "Computed: weightChange.previousWeightKg" })).toContainText(
    /80\s*75/,
  );
});
