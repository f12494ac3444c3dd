import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/get-actor";
import { verifyPassword } from "@/lib/auth/password";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { ValidationError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { hashTestPassword } from "@/test/integration/test-password";
import { changePassword, signOutEverywhere } from "./account";

const OLD = "old-password-2026";
const NEW = "a-brand-new-password";

describe("sign out everywhere and password change (real PostgreSQL)", () => {
  let db: TestDatabase;
  let actor: Actor;

  beforeAll(async () => {
    db = await createTestDatabase();
    const user = await db.prisma.user.create({
      data: { email: "erin@site.test", name: "Erin", passwordHash: await hashTestPassword(OLD) },
    });
    actor = (await loadActor(user.id))!;
  });
  afterAll(() => db.drop());

  const version = async () => (await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId } })).sessionVersion;
  const audits = (action: string) => db.prisma.auditEvent.findMany({ where: { action, entityId: actor.userId } });
  /** The one audit event of a change that ends every session: the version bumped, no API token to revoke. */
  const expectSessionsEndedAudit = async (action: string, before: number) => {
    const [event] = await audits(action);
    expect(event).toMatchObject({
      actorId: actor.userId,
      entityType: "user",
      changes: [
        { field: "sessionVersion", from: before, to: before + 1 },
        { field: "apiTokensRevoked", from: null, to: 0 },
      ],
    });
  };

  test("a token's session version must be current: sign out everywhere ends every earlier session", async () => {
    const before = await version();
    expect(await loadActor(actor.userId, before)).not.toBeNull();
    await signOutEverywhere(actor);
    expect(await version()).toBe(before + 1);
    expect(await loadActor(actor.userId, before)).toBeNull(); // every existing token is stale
    expect(await loadActor(actor.userId, before + 1)).not.toBeNull(); // a new sign-in gets the new version
    await expectSessionsEndedAudit("SIGN_OUT_EVERYWHERE", before);
  });

  test("the next sign-in carries the bumped version", async () => {
    const result = await attemptSignIn({ email: "erin@site.test", password: OLD, address: null });
    expect(result).toMatchObject({ ok: true, user: { sessionVersion: await version() } });
  });

  test("a wrong current password is refused and nothing changes", async () => {
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const error = await changePassword(actor, {
      currentPassword: "not-it",
      newPassword: NEW,
      confirmPassword: NEW,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      currentPassword: ["The current password is not correct"],
    });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await audits("PASSWORD_CHANGE")).toHaveLength(0);
  });

  test("the current password shares the sign-in lockout and every wrong one is audited", async () => {
    await db.prisma.signInThrottle.deleteMany(); // counted from here, whatever earlier tests guessed
    const wrong = () =>
      changePassword(actor, { currentPassword: "not-it", newPassword: NEW, confirmPassword: NEW }).catch(
        (e: unknown) => (e as ValidationError).fieldErrors.currentPassword![0],
      );
    const outcomes = [];
    for (let guess = 0; guess < 5; guess++) outcomes.push(await wrong());
    const right = await changePassword(actor, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }).catch(
      (e: unknown) => (e as ValidationError).fieldErrors.currentPassword![0],
    );
    expect([...outcomes, right]).toEqual([
      ...Array(5).fill("The current password is not correct"),
      "Too many wrong passwords: try again in 15 minutes",
    ]);
    expect(
      await verifyPassword(OLD, (await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId } })).passwordHash),
    ).toBe(true);
    const failed = await db.prisma.auditEvent.findMany({
      where: { action: "PASSWORD_CHECK_FAILED", actorId: actor.userId },
    });
    expect(failed.filter((f) => f.reason === "password change: wrong password").length).toBeGreaterThanOrEqual(5);
    expect(failed.filter((f) => f.reason?.startsWith("password change: refused")).length).toBe(1);
    await db.prisma.signInThrottle.deleteMany();
  });

  test("an invalid new password is refused with field errors before anything is read", async () => {
    const error = await changePassword(actor, {
      currentPassword: OLD,
      newPassword: "short",
      confirmPassword: "other",
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({
      newPassword: ["Use at least 12 characters"],
      confirmPassword: ["The passwords do not match"],
    });
  });

  test("the right current password stores the new hash, ends other sessions and is audited without passwords", async () => {
    const before = await version();
    await changePassword(actor, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(await verifyPassword(NEW, user.passwordHash)).toBe(true);
    expect(await verifyPassword(OLD, user.passwordHash)).toBe(false);
    expect(user.sessionVersion).toBe(before + 1);
    expect(await loadActor(actor.userId, before)).toBeNull();

    await expectSessionsEndedAudit("PASSWORD_CHANGE", before);
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE audit_events::text LIKE $1 OR audit_events::text LIKE $2 OR audit_events::text LIKE '%scrypt$%'`,
      [`%${OLD}%`, `%${NEW}%`],
    );
    expect(Number(rows[0]!.n)).toBe(0);

    expect(await attemptSignIn({ email: "erin@site.test", password: OLD, address: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attemptSignIn({ email: "erin@site.test", password: NEW, address: null })).toMatchObject({ ok: true });
  });
});
