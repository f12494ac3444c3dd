import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { hashTestPassword } from "@/test/integration/test-password";
import { attemptSignIn } from "./sign-in";

const PASSWORD = "right-password-2026";

describe("sign-in throttling, lockout and audit (real PostgreSQL)", () => {
  let db: TestDatabase;
  let aliceId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const passwordHash = await hashTestPassword(PASSWORD);
    aliceId = (await db.prisma.user.create({ data: { email: "alice@site.test", name: "Alice", passwordHash } })).id;
    await db.prisma.user.create({ data: { email: "bob@site.test", name: "Bob", passwordHash } });
    await db.prisma.user.create({ data: { email: "gone@site.test", name: "Gone", passwordHash, active: false } });
    // Real accounts for the address test (unknown emails cost a full-strength dummy hash each).
    await db.prisma.user.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({ email: `spray-${i}@site.test`, name: `Spray ${i}`, passwordHash })),
    });
  });
  afterAll(() => db.drop());

  const attempt = (email: string, password: string, address: string | null = null) =>
    attemptSignIn({ email, password, address });
  const auditFor = (entityId: string) =>
    db.prisma.auditEvent.findMany({ where: { entityType: "user", entityId }, orderBy: { id: "asc" } });

  test("a successful sign-in returns the user with its session version and is audited", async () => {
    const result = await attempt("alice@site.test", PASSWORD);
    expect(result).toEqual({
      ok: true,
      user: { id: aliceId, email: "alice@site.test", name: "Alice", sessionVersion: 1, sessionId: expect.any(String) },
    });
    const [event] = await auditFor(aliceId);
    expect(event).toMatchObject({ action: "SIGN_IN", actorId: aliceId, actorEmail: "alice@site.test" });
  });

  test("5 failures lock the account; the 6th attempt with the right password is refused", async () => {
    for (let i = 0; i < 5; i++)
      expect(await attempt("bob@site.test", `wrong-${i}`)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("bob@site.test", PASSWORD)).toEqual({ ok: false, reason: "throttled" });
    const throttle = await db.prisma.signInThrottle.findUniqueOrThrow({ where: { key: "email:bob@site.test" } });
    expect(throttle.failures).toBe(5);
    const lockMinutes = (throttle.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(lockMinutes).toBeGreaterThan(14);
    expect(lockMinutes).toBeLessThanOrEqual(15);
  });

  test("the lock ends after its window: moving the stored time back lets the right password in", async () => {
    const past = new Date(Date.now() - 60_000);
    await db.prisma.signInThrottle.update({ where: { key: "email:bob@site.test" }, data: { lockedUntil: past } });
    expect(await attempt("bob@site.test", PASSWORD)).toMatchObject({ ok: true });
    // Success resets the count: the row is gone.
    expect(await db.prisma.signInThrottle.findUnique({ where: { key: "email:bob@site.test" } })).toBeNull();
  });

  test("a successful sign-in resets the count: 4 failures, success, 4 failures do not lock", async () => {
    for (let i = 0; i < 4; i++) await attempt("alice@site.test", "wrong");
    expect(await attempt("alice@site.test", PASSWORD)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await attempt("alice@site.test", "wrong");
    expect(await attempt("alice@site.test", PASSWORD)).toMatchObject({ ok: true });
  });

  test("failures older than the 15-minute window do not count towards the lock", async () => {
    for (let i = 0; i < 4; i++) await attempt("alice@site.test", "wrong");
    const old = new Date(Date.now() - 16 * 60_000);
    await db.prisma.signInThrottle.update({ where: { key: "email:alice@site.test" }, data: { windowStartedAt: old } });
    expect(await attempt("alice@site.test", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("alice@site.test", PASSWORD)).toMatchObject({ ok: true });
  });

  test("unknown emails are throttled exactly like accounts (a lockout reveals nothing)", async () => {
    for (let i = 0; i < 5; i++)
      expect(await attempt("nobody@site.test", "x")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@site.test", "x")).toEqual({ ok: false, reason: "throttled" });
  });

  test("failed sign-ins are audited with the reason, keyed by user id or the typed email, never the password", async () => {
    await attempt("carol-unknown@site.test", "secret-guess-1");
    const [unknown] = await auditFor("carol-unknown@site.test");
    expect(unknown).toMatchObject({
      action: "SIGN_IN_FAILED",
      actorId: null,
      actorEmail: "carol-unknown@site.test",
      reason: "unknown email",
    });

    const bob = await db.prisma.user.findUniqueOrThrow({ where: { email: "bob@site.test" } });
    const bobEvents = await auditFor(bob.id);
    expect(bobEvents.map((e) => e.action)).toEqual([...Array(5).fill("SIGN_IN_FAILED"), "SIGN_IN_FAILED", "SIGN_IN"]);
    expect(bobEvents[0]!.reason).toBe("wrong password");
    expect(bobEvents[5]!.reason).toBe("locked: too many failed sign-ins for this account");

    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE audit_events::text LIKE '%secret-guess%' OR audit_events::text LIKE '%${PASSWORD}%'`,
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  test("deactivated users cannot sign in, even with the right password, and the refusal is audited", async () => {
    const gone = await db.prisma.user.findUniqueOrThrow({ where: { email: "gone@site.test" } });
    expect(await attempt("gone@site.test", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials("gone@site.test", PASSWORD)).toBeNull();
    const [event] = await auditFor(gone.id);
    expect(event).toMatchObject({ action: "SIGN_IN_FAILED", actorId: gone.id, reason: "account deactivated" });
  });

  test("with a trusted address, 50 failures from it lock that address for every account", async () => {
    for (let i = 0; i < 50; i++) await attempt(`spray-${i}@site.test`, "x", "203.0.113.7");
    expect(await attempt("alice@site.test", PASSWORD, "203.0.113.7")).toEqual({ ok: false, reason: "throttled" });
    expect(await attempt("alice@site.test", PASSWORD, "198.51.100.1")).toMatchObject({ ok: true });
    const [last] = (await auditFor(aliceId)).slice(-2);
    expect(last!.reason).toBe("locked: too many failed sign-ins for this address from 203.0.113.7");
  });

  test("concurrent wrong guesses are counted one by one (rows locked across instances)", async () => {
    await Promise.all(Array.from({ length: 8 }, () => attempt("dave@site.test", "wrong")));
    const throttle = await db.prisma.signInThrottle.findUniqueOrThrow({ where: { key: "email:dave@site.test" } });
    // 5 failures set the lock; the other 3 arrive locked and are refused without counting.
    expect(throttle.failures).toBe(5);
    expect(throttle.lockedUntil).not.toBeNull();
  });
});
