import { readFileSync } from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import {
  expect,
  expectNoSeriousA11yViolations,
  saveScreenshot,
  seriousA11yViolations,
  signIn,
  test,
  type DemoUser,
} from "./fixtures";

// A tablet at the bedside, portrait (issue 16, item 6).
test.use({ viewport: { width: 768, height: 1024 } });

/** Pages that scroll sideways at this width: the document is wider than the window. */
async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function firstDemoPatient(page: Page): Promise<{ patientUrl: string; labsUrl: string }> {
  await page.goto("/patients");
  const patientUrl = (await page
    .getByRole("link", { name: /^TW01-\d{3}$/ })
    .first()
    .getAttribute("href"))!;
  await page.goto(patientUrl);
  const labsUrl = (await page.locator('a[href*="/forms/labs?"]').first().getAttribute("href"))!;
  return { patientUrl, labsUrl };
}

const PAGES_BY_ROLE: Record<DemoUser, readonly string[]> = {
  investigator1: [
    "/",
    "/patients",
    "/patients/new",
    "{patient}",
    "{labs}",
    "{eligibility}",
    "/account",
    "/account/password",
    "/account/tokens",
  ],
  investigator2: [],
  investigator3: [],
  coordinator: ["/", "/patients", "{patient}", "{labs}", "/dashboards/toxicity", "/dashboards/data-quality"],
  pi: [
    "/",
    "/dashboards/enrollment",
    "/dashboards/efficacy",
    "/dashboards/biomarkers",
    "/dashboards/stopping-rules",
    "/dashboards/toxicity",
    "/exports",
  ],
  monitor: ["/", "/patients", "{patient}", "{labs}", "/dashboards/data-quality"],
  admin: ["/", "/admin/users", "/admin/sites", "/admin/study", "/admin/backups", "/account"],
};

/**
 * The page at 768 px: whether it scrolls sideways and (axe, serious or critical) what keeps it
 * from being used with assistive technology, collected so one run names every failing page.
 */
async function measure(
  page: Page,
  label: string,
  wide: string[],
  testInfo: TestInfo,
  inaccessible?: string[],
): Promise<void> {
  const overflow = await sidewaysScroll(page);
  console.log(`768 px ${label}: document ${overflow > 0 ? `${overflow} px wider than the window` : "fits"}`);
  if (overflow > 0) {
    wide.push(`${label}: ${overflow} px`);
    await saveScreenshot(page, testInfo, `wide-${label.replace(/\W+/g, "-")}`);
  }
  if (inaccessible) inaccessible.push(...(await seriousA11yViolations(page)).map((v) => `${label}: ${v}`));
}

test("at 768 x 1024 the signed-out pages do not scroll sideways and pass axe", async ({ page }, testInfo) => {
  const wide: string[] = [];
  const inaccessible: string[] = [];
  for (const path of ["/", "/login"]) {
    await page.goto(path);
    await measure(page, `anonymous ${path}`, wide, testInfo, inaccessible);
  }
  expect(wide).toEqual([]);
  expect(inaccessible).toEqual([]);
});

for (const [user, paths] of Object.entries(PAGES_BY_ROLE) as [DemoUser, readonly string[]][]) {
  if (!paths.length) continue;
  test(`at 768 x 1024 no page of the ${user} scrolls sideways or has a serious accessibility violation`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const wide: string[] = [];
    const inaccessible: string[] = [];
    await signIn(page, user);
    const needsPatient = paths.some((p) => p.startsWith("{"));
    const { patientUrl, labsUrl } = needsPatient ? await firstDemoPatient(page) : { patientUrl: "", labsUrl: "" };
    for (const raw of paths) {
      const path = raw
        .replace("{patient}", patientUrl)
        .replace("{labs}", labsUrl)
        .replace("{eligibility}", `${patientUrl}/forms/eligibility?visit=screening`);
      await page.goto(path);
      await measure(page, `${user} ${raw}`, wide, testInfo, inaccessible);
    }
    if (user === "admin") {
      await page.goto("/admin/users");
      await page.goto((await page.locator('a[href^="/admin/users/"]').first().getAttribute("href"))!);
      await measure(page, "admin /admin/users/[id]", wide, testInfo, inaccessible);
    }
    expect(wide).toEqual([]);
    expect(inaccessible).toEqual([]);
  });
}

test("at 768 px the navigation folds into a menu that reaches Sign out; radios are at least 24 x 24 px", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, "coordinator");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(signOut).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data quality" }),
  ).toBeInViewport();
  await saveScreenshot(page, testInfo, "tablet-menu-open");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
  await expect(page).toHaveURL(/\/patients$/);
  await expect(signOut).toBeHidden();
  await expectNoSeriousA11yViolations(page);

  const { patientUrl } = await firstDemoPatient(page);
  await page.goto(`${patientUrl}/forms/eligibility?visit=screening`);
  const radios = page.locator('input[type="radio"]');
  const sizes = await radios.evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect()).map((r) => [Math.round(r.width), Math.round(r.height)]),
  );
  console.log(`eligibility form: ${sizes.length} radios, smallest ${Math.min(...sizes.flat())} px`);
  expect(sizes.length).toBeGreaterThan(10);
  for (const [w, h] of sizes) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(24);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "tablet-eligibility");
});

test("a monitor downloads a demo patient's casebook PDF from the patient page; printing a form shows its values", async ({
  page,
}) => {
  // A casebook of a demo patient is about a hundred pages printed by Chromium on a shared machine.
  test.setTimeout(240_000);
  await signIn(page, "monitor");
  const { patientUrl, labsUrl } = await firstDemoPatient(page);
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 120_000 }),
    page.getByRole("button", { name: "Casebook PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^casebook-TW01-\d{3}-\d{8}-\d{6}\.pdf$/);
  const bytes = readFileSync((await download.path())!);
  console.log(`casebook via the UI: ${download.suggestedFilename()}, ${bytes.length} bytes`);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  await expect(page.getByRole("status").filter({ hasText: "Saved casebook-" })).toBeVisible();
  expect(patientUrl).toMatch(/^\/patients\//);

  await page.goto(labsUrl);
  await page.emulateMedia({ media: "print" });
  const sampleDate = page.getByLabel(/Sample date/);
  await expect(sampleDate).toBeVisible();
  await expect(sampleDate).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("button", { name: "Form PDF" })).toBeHidden();
});
