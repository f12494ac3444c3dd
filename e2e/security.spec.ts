import { DEMO_PASSWORD, DEMO_USERS, expect, signedInRequest, signInThroughForm, test } from "./fixtures";

// Findings of the outside security review (issue 15), checked through the running app.

const REDIRECT_VARIANTS = [
  "/%5Cevil.example/x",
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%5C%5Cevil.example",
  "//evil.example",
  "https://evil.example",
];

test("after sign-in a return URL leading off the app goes to the home page instead", async ({ page, baseURL }) => {
  // Seven sign-ins (scrypt by design) on a machine that may be busy.
  test.setTimeout(180_000);
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

test("sign-out ends the session on the server: a copied session cookie gets 401 afterwards", async ({
  playwright,
  baseURL,
}) => {
  // A session of its own: this one is signed out.
  const browser = await signedInRequest(playwright.request, baseURL!, "monitor", { ownSession: true });
  const { cookies } = await browser.storageState();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  // The copy works while the session lives.
  const copy = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  expect((await copy.get("/api/v1/patients?pageSize=1")).status()).toBe(200);

  const { csrfToken } = (await (await browser.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await browser.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  expect([200, 302]).toContain(signOut.status());

  const after = await copy.get("/api/v1/patients?pageSize=1");
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: expect.any(String) });
  // Nor does next-auth's own session route renew the copy: it answers "no session" and clears it.
  const renewal = await copy.get("/api/auth/session");
  expect(await renewal.json()).toEqual({});
  expect((await copy.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token") && c.value)).toBe(
    false,
  );
  await Promise.all([browser.dispose(), copy.dispose()]);
});

test("a server action from a foreign, null or missing Origin gets 403 with the JSON error shape, not 500", async ({
  playwright,
  baseURL,
}) => {
  const client = await signedInRequest(playwright.request, baseURL!, "investigator1");
  const host = new URL(baseURL!).host;
  for (const path of ["/patients/new", "/", "/account"]) {
    for (const origin of ["http://evil.example", "null", `http://${host}.evil.example`, undefined]) {
      const response = await client.post(path, {
        headers: {
          "Next-Action": "7f258743baa20c026d3505273aa6d5481f8b309682",
          "Content-Type": "text/plain;charset=UTF-8",
          ...(origin ? { Origin: origin } : {}),
        },
        data: "[]",
        maxRedirects: 0,
      });
      expect(response.status(), `${path} from ${origin ?? "no Origin"}`).toBe(403);
      expect(await response.json()).toEqual({ error: "This request did not come from a page of this application." });
    }
  }
  await client.dispose();
});

test("pages carry a nonce-based script policy (no 'unsafe-inline'), every script carries this response's nonce, and the page still works", async ({
  page,
  request,
}) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"]!;
  const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
  expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  expect(second.headers()["content-security-policy"]).not.toContain(nonce); // fresh per response
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  // API answers run no script at all.
  expect((await request.get("/api/health")).headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );

  // The browser enforces it and the app still hydrates: a violation would be reported here.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // Through the login form: its page and the home page both hydrate under the policy.
  await signInThroughForm(page, "monitor");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  expect(violations).toEqual([]);
});
