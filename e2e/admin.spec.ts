import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, signOut, test } from "./fixtures";

test("an administrator creates a site investigator, who can sign in, and deactivates them", async ({
  page,
}, testInfo) => {
  // Four sign-ins (scrypt by design) on a machine shared by several builds.
  test.setTimeout(150_000);
  await signIn(page, "admin");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill("dr.new@hospital.example");
  await form.getByLabel("Name").fill("Dr. New (investigator, Taichung)");
  await form.getByLabel("Temporary password").fill("temporary-password-1");
  await form.getByLabel("Role").selectOption({ label: "Site investigator" });
  await form.getByRole("button", { name: "Create user" }).click();
  // A site investigator without a site would see every site: refused next to the field.
  await expect(page.locator("#assignment-site-error")).toHaveText("A site investigator must be assigned to a site");
  await form.getByLabel("Site").selectOption({ label: "TW03 China Medical University Hospital" });
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("row", { name: /dr\.new@hospital\.example/ })).toContainText("Site investigator (TW03)");
  await expect(form.getByRole("status")).toHaveText(
    /^Created Dr\. New \(investigator, Taichung\) \(dr\.new@hospital\.example\)\./,
  );
  await saveScreenshot(page, testInfo, "admin-users");

  await signOut(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill("dr.new@hospital.example");
  await page.getByLabel("Password").fill("temporary-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  // The home page keeps the roles under "Your roles" (its work-lists come first).
  await page.getByText("Your roles").click();
  await expect(page.getByRole("cell", { name: /China Medical University Hospital \(TW03\)/ })).toBeVisible();
  await signOut(page);

  await signIn(page, "admin");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Dr. New (investigator, Taichung)" }).click();
  // Every field on the user page has its own label (two said "Reason").
  const labels = await page.locator("main label").allTextContents();
  expect(labels.length).toBeGreaterThan(2);
  expect(labels.filter((label, index) => labels.indexOf(label) !== index)).toEqual([]);
  await page.getByRole("form", { name: "Deactivate user" }).getByLabel("Reason").fill("Left the study team");
  await page.getByRole("button", { name: "Deactivate user" }).click();
  await expect(page.getByText(/dr\.new@hospital\.example · deactivated/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "User deactivated" })).toBeVisible();
  await signOut(page);

  await page.goto("/login");
  await page.getByLabel("Email").fill("dr.new@hospital.example");
  await page.getByLabel("Password").fill("temporary-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText("Email or password is incorrect.");
});
