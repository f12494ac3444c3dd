import type { Page } from "@playwright/test";
import {
  answerDosingAsGiven,
  DEMO_PASSWORD,
  enrolledPatient,
  expect,
  labValue,
  openVisitLabs,
  recordMaleSexAndCounselling,
  saveScreenshot,
  test,
  visitRow,
} from "./fixtures";

// Several page loads per test on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

async function openDay1Dosing(page: Page) {
  const { id, subjectId } = await enrolledPatient(page, "investigator1");
  await recordMaleSexAndCounselling(page, id);
  await visitRow(page, "Day 1").getByRole("link", { name: "Dosing" }).click();
  await expect(page.getByRole("heading", { name: /Dosing/ })).toBeVisible();
  return { id, subjectId };
}

test("typed work is kept: leaving asks first, Back restores the draft, Enter does not submit", async ({
  page,
}, testInfo) => {
  const { id, subjectId } = await openDay1Dosing(page);
  await page.getByLabel(/Visit date/).fill("2026-01-15");
  await page.getByLabel(/^Height/).fill("180");
  await answerDosingAsGiven(page);
  await page.getByLabel(/Weight at this visit/).fill("80");
  // Enter in a field, out of habit, saves nothing (the form is valid, so it would have) and stays on the form.
  await page.getByLabel(/Weight at this visit/).press("Enter");
  await expect(page).toHaveURL(/\/forms\/dosing/);

  // Following a link with unsaved entries asks; dismissing stays on the form with them.
  const dialogs: string[] = [];
  page.once("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: `Patient ${subjectId}` }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toContain("unsaved changes");
  await expect(page).toHaveURL(/\/forms\/dosing/);
  await expect(page.getByLabel(/Weight at this visit/)).toHaveValue("80");

  // Accepting leaves; Back brings the form back with the entries restored from the tab's draft.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("link", { name: `Patient ${subjectId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
  // Neither Enter nor leaving saved anything.
  await expect(visitRow(page, "Day 1")).toContainText("Dosing overdue");
  await page.goBack();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByLabel(/Weight at this visit/)).toHaveValue("80");
  await expect(page.getByLabel(/Visit date/)).toHaveValue("2026-01-15");
  await saveScreenshot(page, testInfo, "dosing-draft-restored");
});

test("a save after the session expired asks for the password in place and then saves the same entries", async ({
  page,
}) => {
  const { id } = await openDay1Dosing(page);
  await page.getByLabel(/Visit date/).fill("2026-01-15");
  await page.getByLabel(/Weight at this visit/).fill("80");
  await page.getByLabel(/^Height/).fill("180");
  await answerDosingAsGiven(page);
  // The session ends (idle timeout, or signed out on another tab): the cookie is gone.
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#form-error")).toContainText("Your session has ended");
  await expect(page.getByLabel(/Weight at this visit/)).toHaveValue("80");
  await page.getByTestId("reauthenticate").getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in and save" }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${id}$`), { timeout: 30_000 });
  await expect(visitRow(page, "Day 1")).toContainText("UFT 3 caps bid (level 0)");
});

test("a platelet count typed in the wrong unit is caught, and a rare AST needs a reason that the history shows", async ({
  page,
}, testInfo) => {
  await enrolledPatient(page, "investigator1");
  await openVisitLabs(page, "Day 1", "2026-01-14");
  const platelets = page.getByRole("group", { name: "Platelets" });
  await platelets.getByLabel(/^Value/).fill("85000");
  await expect(page.getByTestId("lab-platelets-plausibility")).toContainText("It looks like a value in /mm3");
  await page.getByTestId("lab-platelets-plausibility").getByRole("button", { name: "Use /mm3" }).click();
  await expect(platelets.getByLabel("Unit")).toHaveValue("/mm3");
  await expect(page.getByTestId("lab-platelets-plausibility")).toHaveCount(0);
  await expect(page.getByTestId("lab-platelets-grade")).toContainText("CTCAE grade 1");

  await labValue(page, "AST").fill("4000");
  await expect(page.getByTestId("lab-ast-plausibility")).toContainText("4000 U/L is outside the usual 5-3000 U/L");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#ast-implausibleReason-error")).toContainText("confirm it with a reason");
  await page.getByLabel("Reason this AST value is correct").fill("Ischaemic hepatitis; repeated the same day");
  await saveScreenshot(page, testInfo, "labs-plausibility");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Day 1")).toContainText("max grade 4");
  // The confirmation is kept with the value and in the form's audited history.
  await visitRow(page, "Day 1").getByRole("link", { name: "Laboratory results" }).click();
  await expect(page.getByLabel("Reason this AST value is correct")).toHaveValue(
    "Ischaemic hepatitis; repeated the same day",
  );
  await expect(page.getByRole("cell", { name: /Ischaemic hepatitis; repeated the same day/ }).first()).toBeVisible();
});

test("a patient who died has no visits expected, and so none overdue, after death", async ({ page }) => {
  const { id } = await enrolledPatient(page, "investigator1");
  // Before: every 4-weekly visit from January to today is expected.
  await expect(visitRow(page, "Week 12")).toBeVisible();
  const response = await page.request.post(`/api/v1/patients/${id}/forms/end-of-study`, {
    data: {
      data: {
        progressionDate: null,
        lastKnownAliveDate: "2026-02-20",
        deathDate: "2026-02-20",
        deathCause: "disease-progression",
        deathCauseOther: null,
        offTreatmentDate: "2026-02-18",
        offTreatmentReason: "death",
        offTreatmentReasonOther: null,
        offStudyDate: "2026-02-20",
        offStudyReason: "death",
        offStudyReasonOther: null,
      },
    },
  });
  expect(response.status()).toBe(201);
  await page.reload();
  // Day 1 and week 4 (due 2026-02-12) came before the end of treatment; week 8 (2026-03-12) never did.
  await expect(visitRow(page, "Week 4")).toBeVisible();
  await expect(visitRow(page, "Week 8")).toHaveCount(0);
  // Day 1's two forms are overdue (their window closed on treatment); week 4's window was still open when treatment ended.
  await expect(page.getByRole("region", { name: "Visits" }).locator(".state-overdue")).toHaveCount(2);
});

test("a typed value is checked when its field is left, not before any input: 700 kg at once, 154 kg asks for the reason", async ({
  page,
}) => {
  await openDay1Dosing(page);
  // Nothing is red on a new form.
  await expect(page.locator(".field-error")).toHaveCount(0);
  const weight = page.getByLabel(/Weight at this visit/);
  await weight.fill("700");
  await weight.press("Tab");
  await expect(page.locator("#weightKg-error")).toHaveText("The weight must be 25-250 kg");
  // Corrected, the message goes while typing; an unusual but possible weight asks why, still before Save.
  await weight.fill("154");
  await expect(page.locator("#weightKg-error")).toHaveCount(0);
  await weight.press("Tab");
  await expect(page.getByTestId("body-measure-warning")).toContainText(
    "It looks like a weight in pounds (154 lb = 69.9 kg)",
  );
  await expect(page.getByLabel("Reason this height or weight is correct")).toBeVisible();
});
