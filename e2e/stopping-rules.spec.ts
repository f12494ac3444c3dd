import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, signOut, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

const rules = (page: Page) => page.getByRole("form", { name: "Stopping rules" });

async function chooseDesign(page: Page, design: "OPTIMAL" | "MINIMAX", reason: string) {
  await page.goto("/admin/study");
  await rules(page).getByLabel("Design in force").selectOption(design);
  await rules(page).getByLabel("Reason for changing the stopping rules").fill(reason);
  await rules(page).getByRole("button", { name: "Save stopping rules" }).click();
  await expect(rules(page).getByLabel("Reason for changing the stopping rules")).toHaveValue("");
  await expect(page.getByText(`the ${design.toLowerCase()} design is in force`)).toBeVisible();
}

test("an administrator puts the minimax design in force and the PI's panel follows; impossible rates get field errors", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin");
  await page.goto("/admin/study");
  await expect(page.getByRole("heading", { name: "Stopping rules" })).toBeVisible();
  // Computed by the app for the demo study's rates (p0 0.05, p1 0.20, alpha 0.05, beta 0.10).
  const designs = page.getByTestId("admin-simon-designs");
  for (const [name, stage1, total] of [
    ["Optimal", "1/21", "4/41"],
    ["Minimax", "1/29", "4/38"],
  ] as const) {
    const row = designs.getByRole("row", { name: new RegExp(`^${name}`) });
    await expect(row.getByRole("cell", { name: stage1, exact: true })).toBeVisible();
    await expect(row.getByRole("cell", { name: total, exact: true })).toBeVisible();
  }

  // Checked in the browser by the shared schema: p1 must exceed p0, a reason is required.
  await rules(page)
    .getByLabel(/^Promising response rate p1/)
    .fill("0.04");
  await rules(page).getByRole("button", { name: "Save stopping rules" }).click();
  await expect(page.locator("#rule-p1-error")).toHaveText("The promising rate must be above the uninteresting rate p0");
  await expect(page.locator("#rule-reason-error")).toBeVisible();
  // Checked on the server: no two-stage design of at most 100 patients separates 0.30 from 0.32.
  await rules(page)
    .getByLabel(/^Uninteresting response rate p0/)
    .fill("0.3");
  await rules(page)
    .getByLabel(/^Promising response rate p1/)
    .fill("0.32");
  await rules(page).getByLabel("Reason for changing the stopping rules").fill("Trying other rates");
  await rules(page).getByRole("button", { name: "Save stopping rules" }).click();
  await expect(page.locator("#rule-beta-error")).toContainText("No two-stage design with at most 100 patients");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "stopping-rules-errors");
  await page.reload();
  await expect(rules(page).getByLabel(/^Uninteresting response rate p0/)).toHaveValue("0.05");

  try {
    await chooseDesign(page, "MINIMAX", "Protocol amendment: minimax design");
    await signOut(page);

    await signIn(page, "pi");
    await page.goto("/dashboards/stopping-rules");
    const design = page.getByTestId("simon-design");
    await expect(design).toContainText("Minimax (in force)");
    await expect(design.getByRole("cell", { name: "1/29" })).toBeVisible();
    await expect(design.getByRole("cell", { name: "4/38" })).toBeVisible();
    // The demo cohort's first 29 evaluable patients include 3 responders: stage 1 passed.
    await expect(page.getByTestId("stage1-responders")).toHaveText("3 in 29 of 29; stop if ≤ 1");
    await saveScreenshot(page, testInfo, "stopping-rules-minimax");
    await signOut(page);
  } finally {
    await signIn(page, "admin");
    await chooseDesign(page, "OPTIMAL", "Amendment withdrawn: back to the optimal design");
    await signOut(page);
  }
});
