import { DEMO_PASSWORD, expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, test } from "./fixtures";

test("an investigator creates an API token, lists patients with it, and revokes it", async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  await signIn(page, "investigator1");
  // A fresh server on a busy machine answers its first sign-in slowly.
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible({ timeout: 60_000 });
  await page.goto("/account");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A name that is too short is refused next to the field, and nothing is created.
  await page.getByLabel("Token name").fill("R");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(/Name the token/)).toBeVisible();

  const name = `Notebook ${testInfo.workerIndex}-${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("group", { name: "Access" }).getByLabel("Read only").check();
  await page.getByLabel("Expires after").selectOption("30");
  // Minting asks for the password again.
  await page.getByLabel("Your password (to confirm)").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenField = page.getByLabel("Your new API token");
  await expect(tokenField).toHaveValue(/^tdk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  const token = await tokenField.inputValue();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Read only");
  await expect(row).toContainText(token.slice(0, 12));
  await expect(row).not.toContainText(token.slice(13));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, testInfo, "api-tokens");

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const list = await api.get("/api/v1/patients?pageSize=200");
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { data: { site: { code: string } }[]; nextCursor: string | null };
  expect(body.data.every((patient) => patient.site.code === "TW01")).toBe(true);
  // Read-only: a write is refused even though the investigator may register patients.
  const write = await api.post("/api/v1/patients", {
    data: { siteId: "00000000-0000-4000-8000-000000000000", screeningDate: "2026-01-05" },
  });
  expect(write.status()).toBe(403);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke token ${name}` }).click();
  await expect(row).toContainText("Revoked");
  const after = await api.get("/api/v1/patients");
  expect(after.status()).toBe(401);
  expect(await after.json()).toEqual({ error: "The API token is not valid. It may have expired or been revoked." });
  await api.dispose();
});

test("the OpenAPI document is served without credentials", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v1/patients/{id}/forms/{formType}/{recordId}");
  await anonymous.dispose();
});
