import type { Page } from "@playwright/test";
import { createUser } from "./create-user";
import {
  expect,
  expectNoSeriousA11yViolations,
  saveScreenshot,
  screenedPatient,
  signIn,
  signOut,
  test,
} from "./fixtures";

// Each role opens an item of its home work-list, lands on the form (and field), does the work,
// and sees the item leave the list; the record status grid then shows the form's new state.
test.describe.configure({ mode: "serial", timeout: 300_000 });

/** The patient whose query the third test walks through; the fourth opens its history. */
let queried: { id: string } | null = null;

const countOf = async (page: Page, kind: string) => Number(await page.getByTestId(`work-${kind}-count`).textContent());

async function home(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your work" })).toBeVisible();
}

/** The first item of a work-list: its link (form and field) and the patient's subject ID. */
async function firstItem(page: Page, kind: string) {
  const row = page.getByTestId(`work-${kind}`).getByRole("row").nth(1);
  const link = row.getByRole("link");
  return {
    href: (await link.getAttribute("href"))!,
    subjectId: (await row.getByRole("cell").first().textContent())!,
    link,
  };
}

/** The grid cell of one saved form, found by the record its link opens. */
async function gridStateOf(page: Page, subjectId: string, recordId: string) {
  await page.goto(`/patients/grid?q=${encodeURIComponent(subjectId)}`);
  await expect(page.getByTestId("record-status-grid")).toBeVisible();
  return page.getByTestId("record-status-grid").locator(`td:has(a[href*="record=${recordId}"])`);
}

const recordOf = (href: string) => new URL(href, "http://x").searchParams.get("record")!;

test("an investigator opens a complete form from 'to sign', signs it, and it leaves the list; the grid shows it signed", async ({
  page,
}, testInfo) => {
  await signIn(page, "investigator1");
  await home(page);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "home-investigator");
  const before = await countOf(page, "to-sign");
  expect(before).toBeGreaterThan(0);
  const item = await firstItem(page, "to-sign");
  await item.link.click();
  await expect(page).toHaveURL(new RegExp(`record=${recordOf(item.href)}`));
  const hasOpenQuery = !(await page.getByText("No queries on this form.").isVisible());
  await page.getByLabel("Your password").fill("trial-demo-2026");
  await page.getByRole("button", { name: "Sign form" }).click();
  await expect(page.getByTestId("signature-line")).toContainText("signed by");
  await home(page);
  await expect(page.getByTestId("work-to-sign-count")).toHaveText(String(before - 1));
  await expect(page.getByTestId("work-to-sign").locator(`a[href="${item.href}"]`)).toHaveCount(0);

  const cell = await gridStateOf(page, item.subjectId, recordOf(item.href));
  await expect(cell).toHaveAttribute("data-state", hasOpenQuery ? "open-query" : "signed");
  // One link per cell, named by its state (the row and column headers name patient, form and visit).
  await expect(cell.getByRole("link")).toHaveAccessibleName(hasOpenQuery ? "Open query" : "Signed");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "grid-after-signing");
});

test("a monitor opens a form from 'to verify', verifies it, and it leaves the list; the grid shows it verified", async ({
  page,
}, testInfo) => {
  await signIn(page, "monitor");
  await home(page);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "home-monitor");
  const before = await countOf(page, "to-verify");
  const item = await firstItem(page, "to-verify");
  await item.link.click();
  await expect(page).toHaveURL(new RegExp(`record=${recordOf(item.href)}`));
  const hasOpenQuery = !(await page.getByText("No queries on this form.").isVisible());
  await page.getByRole("button", { name: /Mark version \d+ as source-verified/ }).click();
  await expect(page.getByTestId("sdv-line")).toContainText("verified by");
  await home(page);
  await expect(page.getByTestId("work-to-verify-count")).toHaveText(String(before - 1));
  const cell = await gridStateOf(page, item.subjectId, recordOf(item.href));
  await expect(cell).toHaveAttribute("data-state", hasOpenQuery ? "open-query" : "verified");
});

test("a query travels through the work-lists: the site answers it at the marked field, the coordinator closes it, the grid clears", async ({
  page,
}, testInfo) => {
  const { id, subjectId } = await screenedPatient(page, "investigator2");
  await signOut(page);

  await signIn(page, "coordinator");
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  const recordId = recordOf((await page.getByTestId("history-link").getAttribute("href"))!);
  await page.getByLabel("Field").selectOption({ label: "Informed consent date" });
  await page.getByLabel("Question for the site").fill("The consent form in the source is dated 13 January");
  await page.getByRole("button", { name: "Raise query" }).click();
  await expect(page.getByRole("article", { name: "Query on Informed consent date" })).toContainText("open");
  await signOut(page);

  // The investigator's inbox and home list it; the link opens the form with the field marked.
  await signIn(page, "investigator2");
  await home(page);
  const toAnswer = await countOf(page, "query-to-answer");
  await page.goto(`/queries?status=OPEN&form=eligibility`);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "query-inbox");
  const inboxLink = page.getByRole("row", { name: new RegExp(subjectId) }).getByRole("link");
  await inboxLink.click();
  await expect(page).toHaveURL(new RegExp(`record=${recordId}&field=consentDate`));
  await expect(page.locator('[name="consentDate"]')).toHaveAttribute("data-focused-field", "true");
  await expect(page.getByTestId("field-query-note")).toContainText("13 January");
  await saveScreenshot(page, testInfo, "field-marked-from-inbox");
  await page.getByLabel("Reply").fill("Checked the source: 14 January is correct");
  await page.getByRole("button", { name: "Answer" }).click();
  await expect(page.getByRole("article", { name: "Query on Informed consent date" })).toContainText("answered");
  await home(page);
  if (toAnswer > 1) await expect(page.getByTestId("work-query-to-answer-count")).toHaveText(String(toAnswer - 1));
  else await expect(page.getByTestId("work-query-to-answer")).toHaveCount(0);
  await signOut(page);

  // The coordinator has it among "answered queries to close": open it from home, close it, gone.
  await signIn(page, "coordinator");
  await home(page);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "home-coordinator");
  await expect(page.getByTestId("work-overdue-by-site")).toContainText("TW01");
  const toClose = await countOf(page, "query-to-close");
  const link = page
    .getByTestId("work-query-to-close")
    .getByRole("row", { name: new RegExp(subjectId) })
    .getByRole("link");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`record=${recordId}&field=consentDate`));
  const before = await gridStateOf(page, subjectId, recordId);
  await expect(before).toHaveAttribute("data-state", "open-query");
  await page.goBack();
  await page.getByLabel(/Closing note/).fill("Thank you, resolved");
  await page.getByRole("button", { name: "Close query" }).click();
  await expect(page.getByRole("article", { name: "Query on Informed consent date" })).toContainText("closed");
  await home(page);
  if (toClose > 1) await expect(page.getByTestId("work-query-to-close-count")).toHaveText(String(toClose - 1));
  else await expect(page.getByTestId("work-query-to-close")).toHaveCount(0);
  const after = await gridStateOf(page, subjectId, recordId);
  await expect(after).toHaveAttribute("data-state", "complete");
  await saveScreenshot(page, testInfo, "grid-after-query-closed");
  queried = { id };
});

test("the history of one field opens on demand, in the form's words", async ({ page }, testInfo) => {
  expect(queried).not.toBeNull();
  const { id } = queried!;
  await signIn(page, "coordinator");
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  await page.getByRole("link", { name: "History of this form" }).click();
  await expect(page.getByRole("heading", { name: /^History of Screening and eligibility/ })).toBeVisible();
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "Informed consent date" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(
    page.getByRole("heading", { name: /History of Screening and eligibility: Informed consent date/ }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Audit history" })
      .getByRole("row", { name: /Query (opened|answered|closed)|Informed consent date/ })
      .first(),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "history-of-a-field");
});

test("the PI follows an escalated event from home to its toxicity review item, settles it, and it leaves the list", async ({
  page,
}, testInfo) => {
  // The coordinator escalates the first event waiting for review (the demo trial has none escalated).
  await signIn(page, "coordinator");
  await page.goto("/dashboards/toxicity");
  const waiting = page
    .getByRole("list", { name: /^Waiting for review/ })
    .getByTestId("review-item")
    .first();
  await waiting.getByLabel("Review comment").fill("Grade 3 or more: PI to decide");
  await waiting.getByRole("button", { name: "Escalate to the PI" }).click();
  await expect(page.getByRole("list", { name: /^Escalated to the PI/ }).getByTestId("review-item")).not.toHaveCount(0);
  await signOut(page);

  await signIn(page, "pi");
  await home(page);
  await expect(page.getByTestId("work-enrollment")).toContainText(/Enrollment: \d+ of a target of \d+/);
  const before = Number(await page.getByTestId("work-escalated-count").textContent());
  expect(before).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "home-pi");
  const link = page.getByTestId("work-escalated").getByRole("link").first();
  const anchor = (await link.getAttribute("href"))!.split("#")[1]!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/dashboards/toxicity#${anchor}$`));
  const item = page.getByTestId("review-item").filter({ has: page.locator(`[id="${anchor}"]`) });
  await expect(item).toContainText("Escalated to the PI");
  await item.getByLabel("Review comment").fill("Seen by the PI: continue with the dose reduced");
  await item.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByRole("list", { name: /^Escalated to the PI/ }).locator(`[id="${anchor}"]`)).toHaveCount(0);
  await home(page);
  await expect(page.getByTestId("work-escalated-count")).toHaveText(String(before - 1));
  await expect(page.getByTestId("work-escalated").locator(`a[href$="#${anchor}"]`)).toHaveCount(0);
});

test("the administrator gives a role to a user without one, from the home list, and the count drops", async ({
  page,
}, testInfo) => {
  // Sorted first among the accounts (by email), so it is among those the home page links.
  const email = await createUser("0-needs-role", "needs-a-role-2026");
  await signIn(page, "admin");
  await home(page);
  await expect(page.getByTestId("work-to-sign")).toHaveCount(0);
  const before = Number(await page.getByTestId("work-accounts-without-role-count").textContent());
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "home-admin");
  await page.getByTestId("work-accounts").getByRole("link", { name: email }).click();
  const assign = page.getByRole("form", { name: "Assign role" });
  await assign.getByLabel("Role", { exact: true }).selectOption({ label: "Monitor" });
  await assign.getByRole("button", { name: "Assign role" }).click();
  await expect(assign.getByRole("status")).toContainText("Role assigned");
  await home(page);
  await expect(page.getByTestId("work-accounts-without-role-count")).toHaveText(String(before - 1));
  await expect(page.getByTestId("work-accounts").getByRole("link", { name: email })).toHaveCount(0);
});
