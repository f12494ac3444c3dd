import { expect, signIn, test } from "./fixtures";

// Issue 18: the protocol's dose-modification table is a study setting, edited with a reason (audited).
test("an administrator changes one rule of the dose-modification table with a reason; a missing reason is a field error", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/study");
  await page.getByRole("link", { name: "Dose modification" }).click();
  await expect(page.getByRole("heading", { name: "Dose-modification table" })).toBeVisible();
  const versionOf = async () =>
    Number((await page.getByText(/Version \d+,/).textContent())!.match(/Version (\d+),/)![1]);
  const version = await versionOf();
  // Rule 8 is somnolence under thalidomide, held from grade 3; the amendment holds it from grade 2.
  const somnolence = page.getByRole("group", { name: "Rule 8" });
  await expect(somnolence.getByLabel("CTCAE term")).toHaveValue("Somnolence");
  await somnolence.getByLabel(/From grade/).fill("2");
  await page.getByRole("button", { name: "Save dose-modification table" }).click();
  await expect(page.locator("#dm-reason-error")).toContainText("Give a reason for the change");
  await page.getByLabel("Reason for changing the table").fill("Amendment 4: somnolence held from grade 2");
  await page.getByRole("button", { name: "Save dose-modification table" }).click();
  await expect(page.getByText(new RegExp(`Version ${version + 1},`))).toBeVisible();
  await page.reload();
  await expect(page.getByRole("group", { name: "Rule 8" }).getByLabel(/From grade/)).toHaveValue("2");
  await expect(page.getByLabel("Reason for changing the table")).toHaveValue("");
  // Back as the protocol has it, so the other specs see the table unchanged.
  await page
    .getByRole("group", { name: "Rule 8" })
    .getByLabel(/From grade/)
    .fill("3");
  await page.getByLabel("Reason for changing the table").fill("Back to the protocol");
  await page.getByRole("button", { name: "Save dose-modification table" }).click();
  await expect(page.getByText(new RegExp(`Version ${version + 2},`))).toBeVisible();
});
