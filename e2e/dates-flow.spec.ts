import {
  answerDosingAsGiven,
  enrollThroughApi,
  expect,
  expectNoSeriousA11yViolations,
  recordMaleSexAndCounselling,
  saveScreenshot,
  signIn,
  test,
  visitRow,
} from "./fixtures";

test.describe.configure({ timeout: 180_000 });

test("the date input takes 2026-2-5 and 20260112, has a calendar with Today, and registers the typed date", async ({
  page,
}, testInfo) => {
  await signIn(page, "investigator1");
  await page.goto("/patients/new");
  const date = page.getByLabel(/Screening date/);
  await expect(date).toHaveAttribute("type", "text");
  await date.fill("2026-2-5");
  await date.press("Tab");
  await expect(date).toHaveValue("2026-02-05");

  await page.getByRole("button", { name: "Calendar" }).click();
  const calendar = page.getByRole("group", { name: /^Calendar, February 2026$/ });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole("button", { name: "(2026-02-05)" })).toHaveAttribute("aria-pressed", "true");
  await calendar.getByRole("button", { name: "Previous month" }).click();
  await expect(page.getByRole("group", { name: /^Calendar, January 2026$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "date-calendar");
  await page.getByRole("button", { name: "(2026-01-09)" }).click();
  await expect(date).toHaveValue("2026-01-09");
  await expect(date).toBeFocused();

  await page.getByRole("button", { name: "Calendar" }).click();
  await page.getByRole("button", { name: "Today" }).click();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  await expect(date).toHaveValue(today);

  // The basic ISO form, then Enter: normalised before the form submits.
  await date.fill("20260112");
  await date.press("Enter");
  await expect(page.getByRole("heading", { name: /^Patient TW01-\d{3}$/ })).toBeVisible();
  await expect(page.locator(".facts")).toContainText("2026-01-12");
  // The audit (History) shows the site's clock with its zone named, and UTC.
  await page.getByTestId("history-link").click();
  const audit = page.getByRole("region", { name: "Audit history" });
  await expect(audit.getByRole("columnheader", { name: "When (site time / UTC)" })).toBeVisible();
  await expect(audit.getByRole("row", { name: /Screening date/ })).toContainText(
    /\d{4}-\d{2}-\d{2} \d{2}:\d{2} Asia\/Taipei \(UTC\+08:00\)\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/,
  );
});

test("Save and next takes the investigator from the day-1 dosing form to the day-1 labs", async ({ page }) => {
  await signIn(page, "investigator1");
  await page.goto("/patients/new");
  await page.getByLabel(/Screening date/).fill("2026-01-12");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByRole("heading", { name: /^Patient TW01-\d{3}$/ })).toBeVisible();
  const id = page.url().split("/").pop()!;
  await enrollThroughApi(page, id, "2026-01-15");
  await recordMaleSexAndCounselling(page, id);

  await visitRow(page, "Day 1").getByRole("link", { name: "Dosing" }).click();
  await page.getByLabel(/Visit date/).fill("20260115");
  await page.getByLabel(/Weight at this visit/).fill("80");
  await page.getByLabel(/^Height/).fill("180");
  await answerDosingAsGiven(page);
  await page.getByLabel("UFT capsules dispensed at this visit (capsules)").fill("168");
  await page.getByLabel("Thalidomide capsules dispensed at this visit (capsules)").fill("112");
  const next = page.getByRole("button", { name: /^Save and next: Laboratory/ });
  await expect(next).toBeVisible();
  await next.click();
  await expect(page).toHaveURL(new RegExp(`/patients/${id}/forms/labs\\?visit=day1$`));
  await expect(page.getByRole("heading", { name: /Laboratory/ })).toBeVisible();
  // The dosing form was saved with the normalised date: day 1 shows it complete.
  await page.goto(`/patients/${id}`);
  await expect(visitRow(page, "Day 1")).toContainText("complete, UFT 3 caps bid (level 0)");
});

test("the toxicity filters use the same date input: 20240101 filters from 2024-01-01", async ({ page }) => {
  await signIn(page, "coordinator");
  await page.goto("/dashboards/toxicity");
  const from = page.getByLabel(/Onset from/);
  await expect(from).toHaveAttribute("type", "text");
  await from.fill("20240101");
  await from.press("Enter");
  await expect(page).toHaveURL(/onsetFrom=2024-01-01/);
  await expect(page.getByLabel(/Onset from/)).toHaveValue("2024-01-01");
});
