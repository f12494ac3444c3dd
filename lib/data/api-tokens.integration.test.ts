import { describe, expect, test } from "vitest";
import { authenticateApiToken } from "@/lib/auth/api-token-auth";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { changePassword, signOutEverywhere } from "./account";
import { setUserActive } from "./admin";
import { createApiToken, listApiTokens, MAX_ACTIVE_TOKENS, revokeApiToken } from "./api-tokens";
import { registerPatient } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const input = { name: "Script", access: "read-write", expiresInDays: 30, password: DEMO_PASSWORD } as const;

describe("personal API tokens (real PostgreSQL)", () => {
  test("the token resolves to its user's actor, with the access level it was given", async () => {
    const readWrite = await createApiToken(actors.investigator1, input);
    const readOnly = await createApiToken(actors.investigator1, { ...input, access: "read-only" });
    expect(await authenticateApiToken(`Bearer ${readWrite.token}`)).toEqual({
      ...actors.investigator1,
      readOnly: false,
      apiToken: { id: readWrite.apiToken.id, name: "Script" },
    });
    expect(await authenticateApiToken(`Bearer ${readOnly.token}`)).toEqual({
      ...actors.investigator1,
      readOnly: true,
      apiToken: { id: readOnly.apiToken.id, name: "Script" },
    });
    expect(readWrite.apiToken).toMatchObject({
      name: "Script",
      access: "read-write",
      revokedAt: null,
      lastUsedAt: null,
    });
    const days = (Date.parse(readWrite.apiToken.expiresAt) - Date.parse(readWrite.apiToken.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
  });

  test("validity ends at expiry", async () => {
    const created = new Date("2026-01-01T00:00:00Z");
    const { token } = await createApiToken(actors.monitor, { ...input, expiresInDays: 7 }, created);
    expect(await authenticateApiToken(`Bearer ${token}`, new Date("2026-01-07T23:59:59Z"))).not.toBeNull();
    expect(await authenticateApiToken(`Bearer ${token}`, new Date("2026-01-08T00:00:00Z"))).toBeNull();
  });

  test("users list and revoke only their own tokens; a second revocation is a conflict", async () => {
    const mine = await createApiToken(actors.coordinator, { ...input, name: "Coordinator's" });
    const theirs = await createApiToken(actors.pi, { ...input, name: "PI's" });
    expect((await listApiTokens(actors.coordinator)).map((t) => t.name)).toEqual(["Coordinator's"]);
    await expect(revokeApiToken(actors.coordinator, { tokenId: theirs.apiToken.id })).rejects.toThrow(NotFoundError);
    expect(await authenticateApiToken(`Bearer ${theirs.token}`)).not.toBeNull();
    const revoked = await revokeApiToken(actors.coordinator, { tokenId: mine.apiToken.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(revokeApiToken(actors.coordinator, { tokenId: mine.apiToken.id })).rejects.toThrow(ConflictError);
    expect(await authenticateApiToken(`Bearer ${mine.token}`)).toBeNull();
    expect(
      await db.prisma.auditEvent.count({ where: { entityId: mine.apiToken.id, action: "API_TOKEN_REVOKE" } }),
    ).toBe(1);
  });

  test(`at most ${MAX_ACTIVE_TOKENS} active tokens; revoked ones do not count`, async () => {
    const created = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++)
      created.push(await createApiToken(actors.investigator3, { ...input, name: `Token ${i}` }));
    await expect(createApiToken(actors.investigator3, input)).rejects.toThrow(ConflictError);
    await revokeApiToken(actors.investigator3, { tokenId: created[0]!.apiToken.id });
    await expect(createApiToken(actors.investigator3, input)).resolves.toMatchObject({ apiToken: { name: "Script" } });
  });

  test("a user whose roles reach no API endpoint gets no token, nor does a caller acting through a token; administrators do (the administration API)", async () => {
    // An administrator assignment held at a site is a leftover that grants nothing (lib/auth/actor.ts).
    const noApiRole = { ...actors.admin, assignments: [{ role: "ADMIN", siteId: sites.TW01 }] };
    await expect(createApiToken(noApiRole, input)).rejects.toThrow(ForbiddenError);
    await expect(createApiToken({ ...actors.investigator2, readOnly: true }, input)).rejects.toThrow(ForbiddenError);
    expect(await db.prisma.apiToken.count({ where: { userId: actors.admin.userId } })).toBe(0);
    await expect(createApiToken(actors.admin, input)).resolves.toMatchObject({ apiToken: { name: "Script" } });
  });

  test("minting asks for the password: a wrong one creates nothing and is audited", async () => {
    const error = await createApiToken(actors.pi, { ...input, name: "Guess", password: "not-the-password" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.password).toEqual(["The password is not correct"]);
    expect(await db.prisma.apiToken.count({ where: { userId: actors.pi.userId, name: "Guess" } })).toBe(0);
    const failures = await db.prisma.auditEvent.findMany({
      where: { action: "PASSWORD_CHECK_FAILED", actorId: actors.pi.userId },
    });
    expect(failures.map((f) => f.reason)).toEqual(["API token: wrong password"]);
  });

  test("an audit row of a change made through a token names the token as well as the user", async () => {
    const { token, apiToken } = await createApiToken(actors.investigator2, { ...input, name: "Registration script" });
    const viaToken = (await authenticateApiToken(`Bearer ${token}`))!;
    const patient = await registerPatient(viaToken, {
      siteId: viaToken.assignments[0]!.siteId!,
      screeningDate: "2026-01-05",
    });
    const [row] = await db.prisma.auditEvent.findMany({ where: { entityId: patient.id, action: "CREATE" } });
    expect(row).toMatchObject({
      actorId: actors.investigator2.userId,
      apiTokenId: apiToken.id,
      apiTokenName: "Registration script",
    });
    // The same change through the browser session names no token.
    const direct = await registerPatient(actors.investigator2, {
      siteId: viaToken.assignments[0]!.siteId!,
      screeningDate: "2026-01-05",
    });
    expect(await db.prisma.auditEvent.findFirst({ where: { entityId: direct.id, action: "CREATE" } })).toMatchObject({
      apiTokenId: null,
      apiTokenName: null,
    });
  });
});

describe("tokens end with the sessions (real PostgreSQL)", () => {
  const live = async (token: string) => (await authenticateApiToken(`Bearer ${token}`)) !== null;

  test("a password change ends every token, and the list shows them revoked", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({
      where: { id: actors.investigator1.userId },
      select: { passwordHash: true },
    });
    const { token } = await createApiToken(actors.investigator1, { ...input, name: "Before password change" });
    expect(await live(token)).toBe(true);
    const NEW = "a-changed-password-2026";
    await changePassword(actors.investigator1, {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW,
      confirmPassword: NEW,
    });
    expect(await live(token)).toBe(false);
    expect((await listApiTokens(actors.investigator1)).every((t) => t.revokedAt !== null)).toBe(true);
    // Restore the demo password for the other tests (the stale tokens stay dead).
    await db.prisma.user.update({
      where: { id: actors.investigator1.userId },
      data: { passwordHash: user.passwordHash },
    });
    expect(await live(token)).toBe(false);
  });

  test("sign out everywhere ends every token", async () => {
    const { token } = await createApiToken(actors.monitor, { ...input, name: "Before sign out everywhere" });
    expect(await live(token)).toBe(true);
    await signOutEverywhere(actors.monitor);
    expect(await live(token)).toBe(false);
  });

  test("deactivation ends every token and re-activation does not revive them", async () => {
    const { token } = await createApiToken(actors.coordinator, { ...input, name: "Before deactivation" });
    expect(await live(token)).toBe(true);
    await setUserActive(actors.admin, { userId: actors.coordinator.userId, active: false, reason: "Left the site" });
    expect(await live(token)).toBe(false);
    await setUserActive(actors.admin, { userId: actors.coordinator.userId, active: true, reason: "Came back" });
    expect(await live(token)).toBe(false);
    const row = await db.prisma.apiToken.findFirstOrThrow({
      where: { userId: actors.coordinator.userId, name: "Before deactivation" },
    });
    expect(row.revokedAt).not.toBeNull();
  });
});
