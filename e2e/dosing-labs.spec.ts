import {
  answerDosingAsGiven,
  enrolledPatient,
  expect,
  expectNoSeriousA11yViolations,
  labValue,
  openVisitLabs,
  recordMaleSexAndCounselling,
  saveScreenshot,
  test,
  visitRow,
} from "./fixtures";

// Two visits of a form each, with axe checks, on a machine shared by several builds: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

test("an investigator records two dosing visits with computed doses, a weight-change flag and compliance", async ({
  page,
}, testInfo) => {
  const { id } = await enrolledPatient(page, "investigator1");
  await recordMaleSexAndCounselling(page, id);

  await visitRow(page, "Day 1").getByRole("link", { name: "Dosing" }).click();
  await expect(page.getByRole("heading", { name: /Dosing/ })).toBeVisible();
  await page.getByLabel(/Visit date/).fill("2026-01-15");
  await page.getByLabel(/Weight at this visit/).fill("80");
  await page.getByLabel(/^Height/).fill("180");
  // Nothing clinical is pre-entered: the levels are suggested, the drugs' status unanswered.
  await expect(page.getByLabel("UFT dose level")).toHaveValue("");
  await expect(page.getByTestId("uft-level-suggestion")).toContainText(
    "Suggested: level 0 (from the protocol's starting dose)",
  );
  await expect(page.getByRole("group", { name: "Thalidomide at this visit" }).getByLabel("Given")).not.toBeChecked();
  await answerDosingAsGiven(page);
  // Mosteller: sqrt(180 x 80 / 3600) = 2.00 m2; 125 mg/m2 x 2.00 = 250 mg -> 3 capsules (nearest, halves up).
  await expect(page.getByTestId("bsa")).toContainText("2.00 m²");
  await expect(page.getByTestId("uft-dose")).toContainText("3 capsules (300 mg tegafur) per dose, twice daily");
  await expect(page.getByTestId("uft-dose")).toContainText(
    "250.0 mg; rounded to 300 mg (nearest 100 mg capsule, halves up)",
  );
  await expect(page.getByTestId("thalidomide-dose")).toContainText("100 mg twice daily");
  await expect(page.getByTestId("dosing-summary")).toContainText("UFT 3 caps bid (level 0), thalidomide 100 mg bid");
  await expectNoSeriousA11yViolations(page);
  // The screenshot before the capsule counts, so the click on Save follows typing, as a user's would.
  await saveScreenshot(page, testInfo, "dosing-day1");
  await page.getByLabel("UFT capsules dispensed at this visit (capsules)").fill("168");
  await page.getByLabel("Thalidomide capsules dispensed at this visit (capsules)").fill("112");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Day 1")).toContainText("complete, UFT 3 caps bid (level 0), thalidomide 100 mg bid");

  await visitRow(page, "Week 4").getByRole("link", { name: "Dosing" }).click();
  await expect(page.getByLabel(/^Height/)).toHaveValue("");
  await expect(page.getByTestId("height-suggestion")).toContainText("180 cm (from the previous dosing visit)");
  await page.getByTestId("height-suggestion").getByRole("button").click();
  await expect(page.getByLabel(/^Height/)).toHaveValue("180");
  await answerDosingAsGiven(page);
  await page.getByLabel(/Visit date/).fill("2026-02-12");
  await page.getByLabel(/Weight at this visit/).fill("70");
  await expect(page.getByTestId("weight-change")).toContainText(
    "recalculate: weight changed by -12.5% since the dose was set",
  );
  await expect(page.getByTestId("uft-dose")).toContainText("2 capsules (200 mg tegafur) per dose");
  await page.getByLabel("UFT capsules returned from the previous period (capsules)").fill("12");
  await page.getByLabel("Thalidomide capsules returned from the previous period (capsules)").fill("0");
  // (168 - 12) / (6 a day x 28 days) and (112 - 0) / (4 a day x 28 days).
  await expect(page.getByTestId("uft-compliance")).toContainText("92.9%");
  await expect(page.getByTestId("thalidomide-compliance")).toContainText("100.0%");

  // The prescriber keeps 3 capsules: an override needs a reason.
  await page.getByLabel(/Prescribed capsules per dose/).fill("3");
  await page.getByLabel("UFT capsules dispensed at this visit (capsules)").fill("168");
  await page.getByLabel("Thalidomide capsules dispensed at this visit (capsules)").fill("112");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#uft-overrideReason-error")).toHaveText(
    "Give the reason for prescribing 3 instead of the computed 2 capsules per dose",
  );
  await page
    .getByLabel(/Reason for prescribing 3 instead of the computed 2/)
    .fill("Weight loss from ascites drainage, not lean mass");
  await expect(page.getByTestId("dosing-summary")).toContainText(
    "UFT 3 caps bid (level 0, override), thalidomide 100 mg bid",
  );
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "dosing-week4-weight-change");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Week 4")).toContainText("UFT 3 caps bid (level 0, override), thalidomide 100 mg bid");
});

test("an investigator enters labs with automatic CTCAE grades and a grade 3 prompt for an adverse event", async ({
  page,
}, testInfo) => {
  await enrolledPatient(page, "investigator2");

  await openVisitLabs(page, "Day 1", "2026-01-14");
  await labValue(page, "Platelets").fill("210");
  await labValue(page, "AST").fill("100");
  await expect(page.getByTestId("lab-platelets-grade")).toContainText("CTCAE grade 0");
  await expect(page.getByTestId("lab-ast-grade")).toContainText("CTCAE grade 1: Aspartate aminotransferase increased");
  await expect(page.getByTestId("lab-hemoglobin-grade")).toContainText("not done");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Day 1")).toContainText("max grade 1 (Aspartate aminotransferase increased)");

  await openVisitLabs(page, "Week 4", "2026-02-11");
  const platelets = page.getByRole("group", { name: "Platelets" });
  await platelets.getByLabel("Unit").selectOption("/mm3");
  await expect(platelets.getByLabel(/Site LLN/)).toHaveValue("150000");
  await platelets.getByLabel(/^Value/).fill("40000");
  await labValue(page, "AST").fill("200");
  await expect(page.getByTestId("lab-platelets-grade")).toContainText("CTCAE grade 3: Platelet count decreased");
  // 5 x ULN would be grade 2, but the day 1 baseline (100 U/L) was abnormal: 2 x baseline is grade 1.
  await expect(page.getByTestId("lab-ast-grade")).toContainText("baseline abnormal");
  await expect(page.getByTestId("lab-ast-grade")).toContainText("CTCAE grade 1");
  const prompt = page.getByTestId("grade3-prompt");
  await expect(prompt).toContainText("Grade 3+ laboratory toxicity: record or link an adverse event");
  // The prompt's link opens the adverse event form in a new tab, filled from the lab; the unsaved labs stay.
  const [aeTab] = await Promise.all([
    page.context().waitForEvent("page"),
    prompt.getByRole("link", { name: "Record an adverse event: Platelet count decreased" }).click(),
  ]);
  await expect(aeTab.getByTestId("ae-from-labs")).toBeVisible();
  await expect(aeTab.locator("#term")).toHaveValue("Platelet count decreased");
  await expect(aeTab.locator("#grade")).toHaveValue("3");
  await expect(aeTab.locator("#onsetDate")).toHaveValue("2026-02-11");
  await aeTab.close();
  await expect(platelets.getByLabel(/^Value/)).toHaveValue("40000");

  // A value needs the range CTCAE grades it against.
  await labValue(page, "Neutrophils (ANC)").fill("1.2");
  await page
    .getByRole("group", { name: "Neutrophils (ANC)" })
    .getByLabel(/Site LLN/)
    .fill("");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#neutrophils-lln-error")).toHaveText(
    "Enter the site's LLN: CTCAE grades this test against it",
  );
  await page
    .getByRole("group", { name: "Neutrophils (ANC)" })
    .getByLabel(/Site LLN/)
    .fill("1.8");
  await expect(page.getByTestId("lab-neutrophils-grade")).toContainText("CTCAE grade 2");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "labs-week4-grade3");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Week 4")).toContainText("max grade 3 (Platelet count decreased)");
});
