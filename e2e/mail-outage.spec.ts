import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { localSmtpSwitchFile } from "../lib/mail/local-smtp-switch";
import { enrollThroughApi, expect, SERIOUS_NEUTROPENIA, signedInRequest, signIn, test } from "./fixtures";
import { E2E_DATA_DIR, e2eSmtpPort, isListening } from "./server-env";

// Issue 18: a mail server that is down never blocks or loses a save; the alert goes out once it is back.
test.describe.configure({ timeout: 120_000 });

/** The newest mail with this subject that the app's local SMTP server received since `since` (unfolded headers), or "". */
async function receivedMail(subject: string, since: number): Promise<string> {
  const dir = path.join(E2E_DATA_DIR, "mail");
  for (const file of await readdir(dir).catch(() => [] as string[])) {
    if ((await stat(path.join(dir, file))).mtimeMs < since) continue;
    // RFC 5322 folds long header lines: unfold before matching.
    const text = (await readFile(path.join(dir, file), "utf8")).replace(/\r?\n[ \t]+/g, " ");
    if (text.includes(`Subject: ${subject}`)) return text;
  }
  return "";
}

test("with the mail server stopped a positive pregnancy test and an SAE still save; their alerts wait in the outbox and are sent when the server is back", async ({
  page,
  playwright,
  baseURL,
}) => {
  const smtpPort = e2eSmtpPort();
  // The app's local SMTP server stops while this file exists (lib/mail/local-smtp-switch.ts, e2e only).
  const switchFile = localSmtpSwitchFile(E2E_DATA_DIR);
  await writeFile(switchFile, "");
  try {
    await expect.poll(() => isListening(smtpPort), { timeout: 10_000 }).toBe(false);
    const since = Date.now();

    await signIn(page, "investigator1");
    await page.goto("/patients/new");
    await page.getByLabel(/Screening date/).fill("2026-01-12");
    await page.getByRole("button", { name: "Register patient" }).click();
    const heading = page.getByRole("heading", { name: /^Patient [A-Z0-9]+-\d{3}$/ });
    await expect(heading).toBeVisible();
    const subjectId = (await heading.textContent())!.replace("Patient ", "");
    const patientUrl = new URL(page.url()).pathname;
    await enrollThroughApi(page, patientUrl.split("/").pop()!);
    await page.getByRole("link", { name: "Record new: Pregnancy test and counselling" }).click();
    await page.getByLabel(/Date of the test or counselling/).fill("2026-01-14");
    await page.getByLabel("Patient category").selectOption("female-reproductive-potential");
    await page.getByLabel("Pregnancy test method").selectOption("serum-hcg");
    await page.getByLabel("Pregnancy test result").selectOption("positive");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    // Saved although no mail server answers: back on the patient page, with the record listed.
    await expect(page.getByRole("region", { name: "Events" })).toContainText("2026-01-14: serum hCG positive");
    await expect(page).toHaveURL(new RegExp(`${patientUrl}$`));
    // An SAE saved through the API while the server is still down: 201, its alert queued too.
    const api = await signedInRequest(playwright.request, baseURL!, "investigator1");
    const sae = await api.post(`/api/v1/patients/${patientUrl.split("/").pop()}/forms/adverse-event`, {
      data: { visitKey: null, data: SERIOUS_NEUTROPENIA },
    });
    expect(sae.status()).toBe(201);
    const saeSubject = `New serious adverse event: Neutrophil count decreased, patient ${subjectId} (site TW01)`;

    // The administrator sees the alert waiting: the sender tried, the connection was refused.
    await page.context().clearCookies();
    await signIn(page, "admin");
    await page.goto("/admin/outbox");
    const subject = `Pregnancy: positive test for patient ${subjectId} (site TW01)`;
    const row = page.getByTestId("outbox").getByRole("row").filter({ hasText: subject });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("ECONNREFUSED", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(row.getByRole("cell").nth(4)).toHaveText("pending");
    expect(await receivedMail(subject, since)).toBe("");
    const saeRow = page.getByTestId("outbox").getByRole("row").filter({ hasText: saeSubject });
    await expect(saeRow.getByRole("cell").nth(4)).toHaveText("pending");
    expect(await receivedMail(saeSubject, since)).toBe("");
    console.log(`while stopped: ${(await row.textContent())!.replace(/\s+/g, " ")}`);

    // The mail server comes back: the message goes out with a later attempt and is received.
    await rm(switchFile);
    await expect.poll(() => isListening(smtpPort), { timeout: 10_000 }).toBe(true);
    let mail = "";
    await expect(async () => {
      mail = await receivedMail(subject, since);
      expect(mail).not.toBe("");
    }).toPass({ timeout: 45_000 });
    expect(mail).toMatch(/^To: .*investigator1@demo\.test.*pi@demo\.test/m);
    expect(mail).not.toMatch(/^To: .*investigator2@demo\.test/m);
    await expect(async () => expect(await receivedMail(saeSubject, since)).not.toBe("")).toPass({ timeout: 45_000 });
    await page.reload();
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^sent \d{4}-\d{2}-\d{2}/);
    const attempts = Number(await row.getByRole("cell").nth(5).textContent());
    expect(attempts).toBeGreaterThanOrEqual(2);
    console.log(`after restart: ${attempts} attempts, received "${subject}"`);
  } finally {
    await rm(switchFile, { force: true });
  }
});
