import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { JWT } from "next-auth/jwt";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { loadActor } from "@/lib/auth/get-actor";
import { issueSessionToken } from "@/lib/auth/session-token";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { hashTestPassword } from "@/test/integration/test-password";
import { attemptSignIn } from "./sign-in";
import { endUserSession } from "./user-sessions";

const PASSWORD = "right-password-2026";

describe("server-side sessions (real PostgreSQL)", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.user.create({
      data: { email: "carol@site.test", name: "Carol", passwordHash: await hashTestPassword(PASSWORD) },
    });
  });
  afterAll(() => db.drop());

  const signIn = async (now?: Date, sessionHours?: number) => {
    const result = await attemptSignIn(
      { email: "carol@site.test", password: PASSWORD, address: null, sessionHours },
      now,
    );
    if (!result.ok) throw new Error("sign-in failed");
    return result.user;
  };

  test("sign-out ends the session on the server: its cookie (or a copy) loads nobody, other sessions live on", async () => {
    const first = await signIn();
    const second = await signIn();
    expect(await loadActor(first.id, first.sessionVersion, first.sessionId)).not.toBeNull();
    await endUserSession(first.sessionId);
    expect(await loadActor(first.id, first.sessionVersion, first.sessionId)).toBeNull();
    expect(await loadActor(second.id, second.sessionVersion, second.sessionId)).not.toBeNull();
    const signOuts = await db.prisma.auditEvent.findMany({ where: { action: "SIGN_OUT", entityId: first.id } });
    expect(signOuts).toHaveLength(1);
    // Signing out twice (two tabs) records it once.
    await endUserSession(first.sessionId);
    expect(await db.prisma.auditEvent.count({ where: { action: "SIGN_OUT", entityId: first.id } })).toBe(1);
  });

  test("a session expires at its absolute lifetime on the server too", async () => {
    const thirteenHoursAgo = new Date(Date.now() - 13 * 3_600_000);
    const old = await signIn(thirteenHoursAgo);
    expect(await loadActor(old.id, old.sessionVersion, old.sessionId)).toBeNull();
    const row = await db.prisma.userSession.findUniqueOrThrow({ where: { id: old.sessionId } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 3_600_000);
    const configured = await signIn(new Date(Date.now() - 2 * 3_600_000), 1);
    expect(await loadActor(configured.id, configured.sessionVersion, configured.sessionId)).toBeNull();
  });

  test("a made-up session id loads nobody", async () => {
    const user = await signIn();
    expect(await loadActor(user.id, user.sessionVersion, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadActor(user.id, user.sessionVersion, "not-a-uuid")).toBeNull();
  });

  test("next-auth's session route does not renew a signed-out session's cookie (the jwt callback refuses it)", async () => {
    // getEnv() reads these once; the test database is already this process's DATABASE_URL.
    process.env.DATABASE_URL ??= db.url;
    process.env.NEXTAUTH_SECRET ??= "integration-test-secret-at-least-32-characters";
    const user = await signIn();
    const jwt = getAuthOptions().callbacks?.jwt;
    if (!jwt) throw new Error("no jwt callback");
    const renew = (token: JWT) => jwt({ token } as Parameters<typeof jwt>[0]);
    const token = issueSessionToken({ email: "carol@site.test" }, user, Date.now());
    await expect(renew(token)).resolves.toMatchObject({ sid: user.sessionId });
    await endUserSession(user.sessionId);
    await expect(renew(token)).rejects.toThrow("Session ended");
    // A password change or "sign out everywhere" (a bumped version) ends it the same way.
    const other = await signIn();
    await db.prisma.user.update({ where: { id: other.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(renew(issueSessionToken({}, other, Date.now()))).rejects.toThrow("Session ended");
  });
});
