import type { Page } from "@playwright/test";
import { enrolledPatient, expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, test } from "./fixtures";

const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

test("an investigator enters baseline, baseline cytokines and follow-up to death, with computed scores and endpoints", async ({
  page,
}, testInfo) => {
  // Three forms and four axe scans in one patient's story: more than the default minute on a shared machine.
  test.setTimeout(240_000);
  // The first sign-in after the server starts can take longer than 5 s on a loaded machine (scrypt, cold routes).
  await signIn(page, "investigator1");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible({ timeout: 30_000 });
  await page.context().clearCookies();
  await enrolledPatient(page, "investigator1");

  // Baseline: Child-Pugh, CLIP and BCLC are computed live by lib/domain.
  await page.getByRole("link", { name: "Baseline", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Baseline/ })).toBeVisible();
  await page.getByLabel(/Baseline assessment date/).fill("2026-01-14");
  await group(page, "Sex").getByLabel("Female").check();
  await page.getByLabel(/Age at consent/).fill("61");
  await page.getByLabel(/^Height/).fill("158");
  await page.getByLabel(/^Weight/).fill("52");
  await expect(page.getByTestId("computed-bsa")).toContainText("1.51 m² (Mosteller)");
  await page.getByLabel("ECOG performance status").selectOption("1");
  await group(page, "HBsAg").getByLabel("Positive").check();
  await group(page, "Anti-HCV").getByLabel("Negative").check();
  await page.getByLabel("Bilirubin unit").selectOption("umol/L");
  await page.getByLabel("Total bilirubin").fill("34.2");
  await page.getByLabel("Albumin unit").selectOption("g/L");
  await page.getByLabel("Serum albumin").fill("30");
  await page.getByLabel(/^INR/).fill("1.3");
  await page.getByLabel("Ascites").selectOption("mild");
  await page.getByLabel("Hepatic encephalopathy").selectOption("none");
  await expect(page.getByTestId("computed-child-pugh")).toContainText("class B, score 8");
  await page.getByLabel("Tumour morphology").selectOption("massive");
  await group(page, "Tumour replaces more than 50% of the liver").getByLabel("Yes").check();
  await page.getByLabel(/Alpha-fetoprotein/).fill("2500");
  await page.getByLabel(/Number of nodules/).fill("1");
  await page.getByLabel(/Largest nodule diameter/).fill("14");
  await group(page, "Portal vein invasion or thrombosis").getByLabel("Yes").check();
  await group(page, "Extrahepatic spread").getByLabel("No").check();
  await expect(page.getByTestId("computed-clip")).toContainText("CLIP score: 5");
  await expect(page.getByTestId("computed-bclc")).toContainText("BCLC stage: C");
  // An albumin typed in g/L while the unit says g/dL is refused next to the field.
  await page.getByLabel("Albumin unit").selectOption("g/dL");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#albumin-value-error")).toHaveText(
    "The albumin must be from 0.5 to 7 g/dL: check the unit",
  );
  await page.getByLabel("Albumin unit").selectOption("g/L");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "baseline");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("complete, Child-Pugh B (8), CLIP 5, BCLC C")).toBeVisible();

  // Baseline cytokines: a value under the LLOQ is refused; below LLOQ is stored without a value.
  await page.getByRole("link", { name: "Baseline cytokines" }).click();
  await page.getByLabel(/Plasma sample date/).fill("2026-01-14");
  const results: [string, string | null, string][] = [
    ["IL-6", "0.5", "0.7"],
    ["IL-8", null, "1.5"],
    ["VEGF", "310", "9"],
    ["bFGF", "12", "2.8"],
    ["TNF-alpha", "6", "0.5"],
  ];
  for (const [index, [name, value, lloq]] of results.entries()) {
    const row = page.getByRole("group", { name: `Analyte ${index + 1}: ${name}` });
    if (value === null) await row.getByLabel("Below LLOQ").check();
    else await row.getByLabel(/^Value/).fill(value);
    await row.getByLabel(/^LLOQ/).fill(lloq);
  }
  await page.getByRole("button", { name: "Add analyte" }).click();
  const added = page.getByRole("group", { name: /^Analyte 6/ });
  await added.getByLabel("Analyte", { exact: true }).fill("IL-10");
  await added.getByLabel(/^Value/).fill("3");
  await added.getByLabel(/^LLOQ/).fill("0.5");
  await expect(page.getByTestId("cytokines-summary")).toContainText("6 analytes, 1 below LLOQ");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#analytes-0-value-error")).toHaveText(
    "The value is below the LLOQ (0.7 pg/mL): tick below LLOQ instead",
  );
  await page
    .getByRole("group", { name: "Analyte 1: IL-6" })
    .getByLabel(/^Value/)
    .fill("14.2");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "baseline-cytokines");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("complete, 6 analytes, 1 below LLOQ")).toBeVisible();

  // Follow-up: off treatment at progression; PFS and OS computed by lib/domain/survival.
  await page.getByRole("link", { name: "Follow-up and end of study" }).click();
  await expect(page.getByTestId("assessed-progression")).toContainText("No tumour assessment with progressive disease");
  await page.getByLabel(/Progression date/).fill("2026-03-12");
  await page.getByLabel(/Last date known alive/).fill("2026-03-20");
  await page.getByLabel(/Off-treatment date/).fill("2026-03-14");
  await page.getByLabel("Reason off treatment", { exact: true }).selectOption("progression");
  await expect(page.getByTestId("survival-endpoints")).toContainText(
    "Progression-free survival: 56 days (1.8 months), event",
  );
  await expect(page.getByTestId("survival-endpoints")).toContainText(
    "Overall survival: 64 days (2.1 months), censored",
  );
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "end-of-study");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Off treatment", { exact: true })).toBeVisible();
  await expect(page.getByText("in progress, PFS 1.8 mo (event), OS 2.1 mo (censored)")).toBeVisible();

  // Death: the dates must be in order, the edit needs a reason, and the patient becomes Dead.
  await page.getByRole("link", { name: "Follow-up and end of study" }).click();
  await page.getByLabel(/Death date/).fill("2026-03-01");
  await page.getByLabel("Cause of death", { exact: true }).selectOption("disease-progression");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#deathDate-error")).toHaveText("The death date cannot be before the progression date");
  await page.getByLabel(/Death date/).fill("2026-05-24");
  await page.getByLabel(/Off-study date/).fill("2026-05-24");
  await page.getByLabel("Reason off study", { exact: true }).selectOption("death");
  await expect(page.getByTestId("survival-endpoints")).toContainText("Overall survival: 129 days (4.2 months), event");
  await page.getByLabel("Reason for change").fill("Death reported by the family");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Dead", { exact: true })).toBeVisible();
  await expect(page.getByText("complete, PFS 1.8 mo (event), OS 4.2 mo (event)")).toBeVisible();
  await saveScreenshot(page, testInfo, "patient-after-follow-up");
  await page.getByTestId("history-link").click();
  await expect(
    page.getByRole("region", { name: "Audit history" }).getByRole("row", { name: /Status.*Off treatment.*Dead/ }),
  ).toContainText("Death reported by the family");
});
