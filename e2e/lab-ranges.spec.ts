import {
  enrolledPatient,
  expect,
  expectNoSeriousA11yViolations,
  saveScreenshot,
  signIn,
  signOut,
  test,
  visitRow,
} from "./fixtures";

// Several page loads per test on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

test("the labs form shows the site's ranges in force on the sample date; another range needs a reason", async ({
  page,
}, testInfo) => {
  // TW03's laboratory gives a new ALT range (ULN only) from 2026-01-14; the demo ranges (ULN 40) hold before.
  await signIn(page, "admin");
  await page.goto("/admin/lab-ranges");
  await expect(page.getByRole("heading", { name: "Laboratory reference ranges" })).toBeVisible();
  const add = page.getByRole("form", { name: "Add a reference range" });
  const tw03 = await add
    .getByLabel("Site")
    .locator("option", { hasText: /^TW03 / })
    .getAttribute("value");
  await add.getByLabel("Site").selectOption(tw03!);
  await add.getByLabel("Test").selectOption({ label: "ALT" });
  await add.getByLabel(/Upper limit of normal/).fill("35");
  await add.getByLabel(/In force from/).fill("2026-01-14");
  await add.getByRole("button", { name: "Add range" }).click();
  await expect(page.getByRole("row", { name: /TW03 ALT Both sexes — 35 U\/L 2026-01-14/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  await enrolledPatient(page, "investigator3");
  await visitRow(page, "Day 1").getByRole("link", { name: "Laboratory results" }).click();
  const alt = page.getByRole("group", { name: "ALT" });
  // No limits before the sample date chooses a range: nothing generic is filled in.
  await expect(alt.getByLabel(/Site ULN/)).toHaveValue("");
  await page.getByLabel(/Sample date/).fill("2026-01-13");
  await expect(page.getByTestId("lab-alt-site-range")).toHaveText("TW03 range in force from 2023-01-01: 7–40 U/L");
  await expect(alt.getByLabel(/Site ULN/)).toHaveValue("40");
  await page.getByLabel(/Sample date/).fill("2026-01-14");
  await expect(page.getByTestId("lab-alt-site-range")).toHaveText("TW03 range in force from 2026-01-14: ≤ 35 U/L");
  await expect(alt.getByLabel(/Site ULN/)).toHaveValue("35");
  await expect(alt.getByLabel(/Site LLN/)).toHaveValue("");

  // ALT 40 against the site's ULN 35 is grade 1 (> ULN - 3 x ULN, CTCAE v5.0); against 45 it is normal.
  await alt.getByLabel(/^Value/).fill("40");
  await expect(page.getByTestId("lab-alt-grade")).toContainText("CTCAE grade 1");
  // Typing another ULN asks why; the save refuses it without the reason.
  await alt.getByLabel(/Site ULN/).fill("45");
  await expect(page.getByTestId("lab-alt-range-differs")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#alt-rangeReason-error")).toContainText(
    "differs from TW03's range in force on 2026-01-14 (≤ 35 U/L): give the reason",
  );
  await expect(page.locator("#form-error")).toContainText("attention");
  await page
    .getByLabel("Reason the ULN differs from the site's range")
    .fill("Sample analysed at the referral hospital (ULN 45)");
  // The line above Save only summarized the marked field: it goes once that field is corrected.
  await expect(page.locator("#alt-rangeReason-error")).toHaveCount(0);
  await expect(page.locator("#form-error")).toHaveCount(0);
  await saveScreenshot(page, testInfo, "labs-site-range");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Day 1")).toContainText("max grade 0");
  await visitRow(page, "Day 1").getByRole("link", { name: "Laboratory results" }).click();
  await expect(page.getByLabel("Reason the ULN differs from the site's range")).toHaveValue(
    "Sample analysed at the referral hospital (ULN 45)",
  );
});
