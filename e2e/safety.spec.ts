import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { LAB_TESTS } from "../lib/domain/ctcae/lab-criteria";
import { defaultRange, LAB_PANEL } from "../lib/forms/labs/lab-panel";
import {
  answerDosingAsGiven,
  enrolledPatient,
  expect,
  recordMaleSexAndCounselling,
  saveScreenshot,
  SERIOUS_NEUTROPENIA,
  signedInRequest,
  signIn,
  test,
  visitRow,
} from "./fixtures";
import { compensatedBaseline } from "../test/fixtures/baseline-data";

// Issue 18: pregnancy prevention, dose-modification guidance and alert emails, each end to end.
test.describe.configure({ timeout: 180_000 });

const baseline = compensatedBaseline({
  assessmentDate: "2026-01-14",
  sex: "female",
  ageYears: 34,
  ethnicity: "Han Taiwanese",
  heightCm: 160,
  weightKg: 55,
});
const labs = (sampleDate: string, values: Record<string, number>) => ({
  sampleDate,
  results: Object.fromEntries(
    LAB_TESTS.map((t) => {
      const unit = LAB_PANEL.find((p) => p.test === t)!.defaultUnit;
      return [t, { value: values[t] ?? null, unit, ...defaultRange(t, unit) }];
    }),
  ),
});
const drug = {
  doseLevel: 0,
  status: "given",
  statusReason: null,
  statusReasonText: "",
  capsulesDispensed: 168,
  capsulesReturned: null,
};

async function fillDay1Dosing(page: Page, patientId: string) {
  await page.goto(`/patients/${patientId}`);
  await visitRow(page, "Day 1").getByRole("link", { name: "Dosing" }).click();
  await page.getByLabel(/Visit date/).fill("2026-01-15");
  await page.getByLabel(/Weight at this visit/).fill("55");
  await page.getByLabel(/^Height/).fill("160");
  await answerDosingAsGiven(page);
  await page.getByLabel("UFT capsules dispensed at this visit (capsules)").fill("112");
  await page.getByLabel("Thalidomide capsules dispensed at this visit (capsules)").fill("112");
}

test("a female patient of reproductive potential is dispensed thalidomide only with a valid negative pregnancy test", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  const { id } = await enrolledPatient(page, "investigator1");
  const api = await signedInRequest(playwright.request, baseURL!, "investigator1");
  const saved = await api.post(`/api/v1/patients/${id}/forms/baseline`, {
    data: { visitKey: "baseline", data: baseline },
  });
  expect(saved.status(), await saved.text()).toBe(201);

  await fillDay1Dosing(page, id);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const refusal = page.locator("#thalidomide-status-error");
  await expect(refusal).toContainText(
    "Thalidomide cannot be dispensed: No negative pregnancy test within 24 hours before the first dose (from 2026-01-14 to 2026-01-15) is recorded",
  );
  await expect(refusal).toContainText("Counselling on the risks of thalidomide and on contraception is not confirmed");
  await saveScreenshot(page, testInfo, "thalidomide-refused");
  console.log(`refused: ${await refusal.textContent()}`);

  await page.goto(`/patients/${id}`);
  await page
    .getByRole("region", { name: "Events" })
    .getByRole("listitem")
    .filter({ hasText: "Pregnancy test and counselling" })
    .getByRole("link", { name: "Record new" })
    .click();
  await page.getByLabel(/Date of the test or counselling/).fill("2026-01-15");
  await page.getByLabel("Patient category").selectOption("female-reproductive-potential");
  await page.getByLabel(/Counselling on the risks of thalidomide/).check();
  await page.getByLabel("Pregnancy test method").selectOption("urine-hcg");
  await page.getByLabel("Pregnancy test result").selectOption("negative");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("2026-01-15: urine hCG negative, counselled")).toBeVisible();

  // The refused entries were kept in the tab (the form's draft) and come back as typed.
  await page.goto(`/patients/${id}`);
  await visitRow(page, "Day 1").getByRole("link", { name: "Dosing" }).click();
  await expect(page.getByText(/Restored the entries you had not saved/)).toBeVisible();
  await expect(page.getByLabel("Thalidomide capsules dispensed at this visit (capsules)")).toHaveValue("112");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Day 1")).toContainText("complete, UFT");
  await saveScreenshot(page, testInfo, "thalidomide-dispensed");
});

test("grade 3 neutropenia: the dosing form recommends holding UFT, and giving it needs a reason recorded as a protocol deviation", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  const { id, subjectId } = await enrolledPatient(page, "investigator1");
  await recordMaleSexAndCounselling(page, id);
  const api = await signedInRequest(playwright.request, baseURL!, "investigator1");
  const day1 = {
    visitDate: "2026-01-15",
    weightKg: 80,
    heightCm: 180,
    uft: { ...drug, prescribedCapsulesPerDose: null, overrideReason: "" },
    thalidomide: { ...drug, capsulesDispensed: 112 },
  };
  expect(
    (await api.post(`/api/v1/patients/${id}/forms/dosing`, { data: { visitKey: "day1", data: day1 } })).status(),
  ).toBe(201);
  // Neutrophils 0.8 x10^9/L: CTCAE v5.0 grade 3.
  expect(
    (
      await api.post(`/api/v1/patients/${id}/forms/labs`, {
        data: { visitKey: "week4", data: labs("2026-02-11", { neutrophils: 0.8, platelets: 200 }) },
      })
    ).status(),
  ).toBe(201);

  await page.goto(`/patients/${id}`);
  await visitRow(page, "Week 4").getByRole("link", { name: "Dosing" }).click();
  await page.getByLabel(/Visit date/).fill("2026-02-12");
  await page.getByLabel(/Weight at this visit/).fill("80");
  await page.getByLabel(/^Height/).fill("180");
  const recommendation = page.getByTestId("uft-recommendation");
  await expect(recommendation).toContainText("UFT: Hold (level 0)");
  await expect(recommendation).toContainText(
    "because Neutrophil count decreased grade 3 (rule: grade 3 or more, hold)",
  );
  await expect(recommendation).toContainText("Labs of 2026-02-11: Neutrophil count decreased, grade 3");
  await expect(page.getByTestId("thalidomide-recommendation")).toContainText("Thalidomide: Continue");
  console.log(`recommendation: ${await recommendation.textContent()}`);
  await answerDosingAsGiven(page);
  await page.getByLabel("UFT capsules returned from the previous period (capsules)").fill("0");
  await page.getByLabel("Thalidomide capsules returned from the previous period (capsules)").fill("0");
  await page.getByLabel("UFT capsules dispensed at this visit (capsules)").fill("168");
  await page.getByLabel("Thalidomide capsules dispensed at this visit (capsules)").fill("112");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#uft-deviationReason-error")).toContainText("The protocol's table recommends holding UFT");
  await saveScreenshot(page, testInfo, "dose-recommendation");
  await page.getByLabel(/Reason for departing from the protocol's table/).fill("Repeat count 1.6 the same morning");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(visitRow(page, "Week 4")).toContainText("complete, UFT");

  await page.context().clearCookies();
  await signIn(page, "coordinator");
  await page.goto("/dashboards/data-quality");
  const deviation = page.getByTestId("protocol-deviations").getByRole("row").filter({ hasText: subjectId });
  await expect(deviation).toContainText("UFT");
  await expect(deviation).toContainText("given, level 0");
  await expect(deviation).toContainText("Repeat count 1.6 the same morning");
  console.log(`deviation row: ${await deviation.textContent()}`);
});

test("an SAE sends an email that the app's local SMTP server receives, and the administrator sees it sent", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { id, subjectId } = await enrolledPatient(page, "investigator1");
  const api = await signedInRequest(playwright.request, baseURL!, "investigator1");
  // Only mail received from now on: the mail folder outlives the e2e database, and subject IDs repeat across runs.
  const since = Date.now() - 1000;
  const saved = await api.post(`/api/v1/patients/${id}/forms/adverse-event`, {
    data: { visitKey: null, data: SERIOUS_NEUTROPENIA },
  });
  expect(saved.status()).toBe(201);

  // The app's own local SMTP server (demo mode) writes what it receives under the e2e data folder.
  const mailDir = path.join(".data", "e2e", "mail");
  const subject = `Subject: New serious adverse event: Neutrophil count decreased, patient ${subjectId} (site TW01)`;
  let found = "";
  await expect(async () => {
    const files = await readdir(mailDir).catch(() => [] as string[]);
    for (const file of files) {
      if ((await stat(path.join(mailDir, file))).mtimeMs < since) continue;
      // RFC 5322 folds long header lines: unfold before matching.
      const text = (await readFile(path.join(mailDir, file), "utf8")).replace(/\r?\n[ \t]+/g, " ");
      if (text.includes(subject)) found = text;
    }
    expect(found).not.toBe("");
  }).toPass({ timeout: 30_000 });
  expect(found).toMatch(/To: coordinator@demo\.test, investigator1@demo\.test, pi@demo\.test/);
  console.log(
    `mail received: ${found
      .split(/\r?\n/)
      .filter((l) => /^(To|Subject):/.test(l))
      .join(" | ")}`,
  );

  await page.context().clearCookies();
  await signIn(page, "admin");
  await page.goto("/admin/outbox");
  // The scheduled alerts may add an "SAE report overdue" row for this patient (its awareness date is long past).
  const row = page.getByTestId("outbox").getByRole("row").filter({ hasText: subjectId }).filter({ hasText: "SAE_NEW" });
  await expect(row).toContainText("SAE_NEW");
  await expect(row).toContainText(/sent \d{4}-\d{2}-\d{2}/);
});
