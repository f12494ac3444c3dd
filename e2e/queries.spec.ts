import { expect, saveScreenshot, screenedPatient, signIn, signOut, test } from "./fixtures";

test("a coordinator raises a query on a field that the investigator answers and the coordinator closes", async ({
  page,
}, testInfo) => {
  const { id, subjectId } = await screenedPatient(page, "investigator1");
  await signOut(page);

  await signIn(page, "coordinator");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  // Other specs and the demo cohort's edit checks (system queries) may have open queries at TW01 already.
  await page.goto("/patients");
  const openAtTw01 = async () =>
    Number(/TW01: (\d+)/.exec((await page.getByTestId("open-queries-by-site").textContent()) ?? "")?.[1] ?? 0);
  const before = await openAtTw01();
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  await page.getByLabel("Field").selectOption({ label: "Informed consent date" });
  await page.getByLabel("Question for the site").fill("The consent form in the source is dated 13 January");
  await page.getByRole("button", { name: "Raise query" }).click();
  const query = page.getByRole("article", { name: "Query on Informed consent date" });
  await expect(query).toContainText("open");
  await expect(page.locator('[name="consentDate"]')).toHaveAttribute("data-open-query", "open");
  await page.goto("/patients");
  await expect(page.getByRole("row", { name: new RegExp(subjectId) })).toContainText(/1$/);
  await expect(page.getByTestId("open-queries-by-site")).toContainText(`TW01: ${before + 1}`);
  await signOut(page);

  await signIn(page, "investigator1");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  await expect(page.locator('[name="consentDate"]')).toHaveAttribute("aria-description", /13 January/);
  await saveScreenshot(page, testInfo, "field-with-open-query");
  await page.getByLabel("Reply").fill("Checked the source: 14 January is correct, the 13th was a draft");
  await page.getByRole("button", { name: "Answer" }).click();
  await expect(page.getByRole("article", { name: "Query on Informed consent date" })).toContainText("answered");
  await signOut(page);

  await signIn(page, "coordinator");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto(`/patients/${id}/forms/eligibility?visit=screening`);
  // Closing asks for a closing note, in a field labelled as such, with the problem shown there.
  await page.getByRole("button", { name: "Close query" }).click();
  await expect(
    page.getByRole("article", { name: "Query on Informed consent date" }).locator(".field-error"),
  ).toHaveText("Write a closing note: how the query was resolved");
  await page.getByLabel(/Closing note/).fill("Thank you, resolved");
  await page.getByRole("button", { name: "Close query" }).click();
  await expect(page.getByRole("article", { name: "Query on Informed consent date" })).toContainText("closed");
  await saveScreenshot(page, testInfo, "query-closed");
});
