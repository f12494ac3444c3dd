import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiToken } from "@/lib/auth/api-token-auth";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { seedDemoActors, type DemoActorName } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { createApiToken, listApiTokens, MAX_ACTIVE_TOKENS, revokeApiToken } from "./api-tokens";

let db: TestDatabase;
let actors: Record<DemoActorName, Actor>;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ actors } = await seedDemoActors(db.prisma));
});
afterAll(() => db.drop());

const input = { name: "Script", access: "read-write", expiresInDays: 30 } as const;

describe("personal API tokens (real PostgreSQL)", () => {
  test("the token resolves to its user's actor, with the access level it was given", async () => {
    const readWrite = await createApiToken(actors.investigator1, input);
    const readOnly = await createApiToken(actors.investigator1, { ...input, access: "read-only" });
    expect(await authenticateApiToken(`Bearer ${readWrite.token}`)).toEqual({ ...actors.investigator1, readOnly: false });
    expect(await authenticateApiToken(`Bearer ${readOnly.token}`)).toEqual({ ...actors.investigator1, readOnly: true });
    expect(readWrite.apiToken).toMatchObject({ name: "Script", access: "read-write", revokedAt: null, lastUsedAt: null });
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
    expect(await db.prisma.auditEvent.count({ where: { entityId: mine.apiToken.id, action: "API_TOKEN_REVOKE" } })).toBe(1);
  });

  test(`at most ${MAX_ACTIVE_TOKENS} active tokens; revoked ones do not count`, async () => {
    const created = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) created.push(await createApiToken(actors.investigator3, { ...input, name: `Token ${i}` }));
    await expect(createApiToken(actors.investigator3, input)).rejects.toThrow(ConflictError);
    await revokeApiToken(actors.investigator3, { tokenId: created[0]!.apiToken.id });
    await expect(createApiToken(actors.investigator3, input)).resolves.toMatchObject({ apiToken: { name: "Script" } });
  });

  test("administrators, whose roles reach no API endpoint, get no token; nor does a caller acting through a token", async () => {
    await expect(createApiToken(actors.admin, input)).rejects.toThrow(ForbiddenError);
    await expect(createApiToken({ ...actors.investigator2, readOnly: true }, input)).rejects.toThrow(ForbiddenError);
    expect(await db.prisma.apiToken.count({ where: { userId: actors.admin.userId } })).toBe(0);
  });
});
