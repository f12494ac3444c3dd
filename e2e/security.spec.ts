import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

// Findings of the outside security review (issue 15), checked through the running app.

const REDIRECT_VARIANTS = ["/%5Cevil.example/x", "/%09/evil.example", "/%0A/evil.example", "/%5C%5Cevil.example", "//evil.example", "https://evil.example"];

test("after sign-in a return URL leading off the app goes to the home page instead", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Any request that leaves the app would fail (the machine is offline) or show another page;
  // catch it explicitly so a regression names the URL it went to.
  const offsite: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== origin) offsite.push(request.url());
  });
  for (const variant of REDIRECT_VARIANTS) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${variant}`);
    await page.getByLabel("Email").fill(DEMO_USERS.monitor);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible({ timeout: 60_000 });
    expect(page.url(), variant).toBe(`${origin}/`);
  }
  expect(offsite).toEqual([]);

  // A same-origin return path is still honoured.
  await page.context().clearCookies();
  await page.goto("/login?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(DEMO_USERS.monitor);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/account`, { timeout: 60_000 });
});
