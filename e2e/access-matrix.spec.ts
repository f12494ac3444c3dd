import { ACCESS_MATRIX, type Caller } from "./access-matrix";
import { DEMO_USERS, expect, registerPatientThroughUi, signedInRequest, test, type DemoUser } from "./fixtures";

const CALLERS: Caller[] = ["anonymous", ...(Object.keys(DEMO_USERS) as DemoUser[])];

test.describe.configure({ mode: "serial" });

let patients: { tw01: string; tw02: string };

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  const tw01 = await registerPatientThroughUi(page, "investigator1");
  const tw02 = await registerPatientThroughUi(page, "investigator2");
  patients = { tw01: tw01.id, tw02: tw02.id };
  await page.close();
});

for (const caller of CALLERS) {
  test(`every route answers ${caller} exactly as the access matrix says`, async ({ playwright, baseURL }) => {
    const client = await signedInRequest(playwright.request, baseURL!, caller);
    const actual: string[] = [];
    const expected: string[] = [];
    for (const check of ACCESS_MATRIX) {
      for (const request of check.requests) {
        const path = request.path.replace("{tw01}", patients.tw01).replace("{tw02}", patients.tw02);
        const response = request.method
          ? await client.fetch(path, {
              method: request.method,
              headers: { "Content-Type": "application/json" },
              data: "{}",
              maxRedirects: 0,
            })
          : await client.get(path, { maxRedirects: 0 });
        const name = `${request.method ?? "GET"} ${request.path}`;
        actual.push(`${name} -> ${response.status()}`);
        expected.push(`${name} -> ${request.expect[caller]}`);
        if (response.status() >= 400 && path.startsWith("/api/")) {
          // A denial says nothing about the record: no ids, no site, no stack.
          const body = await response.text();
          expect(body).not.toMatch(/TW0\d|at .+\.(ts|js):\d+/);
        }
      }
    }
    expect(actual).toEqual(expected);
    await client.dispose();
  });
}

test("an investigator's patient list holds only their own site's patients", async ({ playwright, baseURL }) => {
  const client = await signedInRequest(playwright.request, baseURL!, "investigator2");
  const body = (await (await client.get("/api/v1/patients?pageSize=200")).json()) as {
    data: { subjectId: string; site: { code: string } }[];
  };
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data.every((p) => p.site.code === "TW02" && p.subjectId.startsWith("TW02-"))).toBe(true);
  const bad = await client.get("/api/v1/patients?pageSize=100000");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ fieldErrors: { pageSize: [expect.any(String)] } });
  await client.dispose();
});
