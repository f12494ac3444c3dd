import { DEMO_USERS, test, writeSignedInState, type DemoUser } from "./fixtures";

// One sign-in per demo user for the whole run; the specs reuse these sessions (signIn in fixtures.ts).
test("every demo user signs in once for the run", async ({ playwright, baseURL }) => {
  for (const user of Object.keys(DEMO_USERS) as DemoUser[]) await writeSignedInState(playwright.request, baseURL!, user);
});
