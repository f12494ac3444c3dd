import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { diffFields, writeAudit } from "@/lib/audit/audit-log";
import { emailKey } from "@/lib/auth/sign-in-throttle";
import { revokeAllApiTokensOf } from "@/lib/data/api-tokens";
import { getPrisma } from "@/lib/db/prisma";
import { isTrialWideRole } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { TRIAL_WIDE_SITE_MESSAGE } from "@/lib/schemas/admin";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Administration never reveals clinical data; it manages who may see it. It is trial-wide:
 * only an Administrator assignment without a site grants these permissions (scopeOf ignores
 * a site-scoped one), so a "TW01 administrator" is refused here like any other role.
 */
function requireAdmin(actor: Actor, permission: "user.admin" | "site.admin") {
  if (!hasPermission(actor, permission)) throw new ForbiddenError();
}

/** Refuses an assignment the access model cannot honour (the schema says so too; this is the choke point). */
function requireCoherentAssignment(assignment: { role: Role; siteId: string | null }) {
  if (isTrialWideRole(assignment.role) && assignment.siteId !== null)
    throw new ValidationError({ "assignment.siteId": [TRIAL_WIDE_SITE_MESSAGE] });
}

export async function listUsers(actor: Actor) {
  requireAdmin(actor, "user.admin");
  const users = await getPrisma().user.findMany({
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      roleAssignments: { select: { id: true, role: true, site: { select: { id: true, code: true } } } },
    },
  });
  // Whose sign-in is locked now (lib/auth/throttle-policy.ts), so the admin can lift it.
  const locks = await getPrisma().signInThrottle.findMany({
    where: { key: { in: users.map((u) => emailKey(u.email)) }, lockedUntil: { gt: new Date() } },
    select: { key: true, lockedUntil: true },
  });
  const lockedUntil = new Map(locks.map((l) => [l.key, l.lockedUntil]));
  return users.map((user) => ({ ...user, signInLockedUntil: lockedUntil.get(emailKey(user.email)) ?? null }));
}

export async function createUser(
  actor: Actor,
  input: { email: string; name: string; temporaryPassword: string; assignment: { role: Role; siteId: string | null } },
) {
  requireAdmin(actor, "user.admin");
  requireCoherentAssignment(input.assignment);
  const passwordHash = await hashPassword(input.temporaryPassword);
  return getPrisma().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } }))
      throw new ConflictError("A user with this email already exists.");
    if (input.assignment.siteId && !(await tx.site.findUnique({ where: { id: input.assignment.siteId } })))
      throw new NotFoundError("Site");
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, roleAssignments: { create: input.assignment } },
    });
    await writeAudit(tx, actor, {
      action: "CREATE",
      entityType: "user",
      entityId: user.id,
      // The password is never audited, not even hashed.
      changes: [
        ...diffFields(null, { email: user.email, name: user.name }, ["email", "name"]),
        { field: "role", from: null, to: input.assignment },
      ],
    });
    return { id: user.id };
  });
}

export async function assignRole(
  actor: Actor,
  input: { userId: string; assignment: { role: Role; siteId: string | null } },
) {
  requireAdmin(actor, "user.admin");
  requireCoherentAssignment(input.assignment);
  return getPrisma().$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: input.userId } }))) throw new NotFoundError("User");
    const existing = await tx.roleAssignment.findFirst({ where: { userId: input.userId, ...input.assignment } });
    if (existing) throw new ConflictError("The user already has this role there.");
    const created = await tx.roleAssignment.create({ data: { userId: input.userId, ...input.assignment } });
    await writeAudit(tx, actor, {
      action: "CREATE",
      entityType: "role-assignment",
      entityId: created.id,
      changes: [{ field: "role", from: null, to: input.assignment }],
    });
  });
}

/** Removing a role ends the access at once (getActor reads roles on every request). */
export async function removeRole(actor: Actor, input: { userId: string; assignmentId: string; reason: string }) {
  requireAdmin(actor, "user.admin");
  return getPrisma().$transaction(async (tx) => {
    const assignment = await tx.roleAssignment.findFirst({ where: { id: input.assignmentId, userId: input.userId } });
    if (!assignment) throw new NotFoundError("Role");
    if (input.userId === actor.userId && assignment.role === "ADMIN")
      throw new ConflictError("You cannot remove your own administrator role.");
    await tx.roleAssignment.delete({ where: { id: assignment.id } });
    await writeAudit(tx, actor, {
      action: "DELETE",
      entityType: "role-assignment",
      entityId: assignment.id,
      changes: [{ field: "role", from: { role: assignment.role, siteId: assignment.siteId }, to: null }],
      reason: input.reason,
    });
  });
}

/** Users are deactivated, never deleted: their names stay attached to what they signed. */
export async function setUserActive(actor: Actor, input: { userId: string; active: boolean; reason: string }) {
  requireAdmin(actor, "user.admin");
  if (input.userId === actor.userId && !input.active)
    throw new ConflictError("You cannot deactivate your own account.");
  return getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError("User");
    if (user.active === input.active) return;
    // Deactivation also ends every session and API token the user has; re-activation revives
    // neither (the raised session version stays raised).
    await tx.user.update({ where: { id: user.id }, data: { active: input.active, sessionVersion: { increment: 1 } } });
    const revoked = input.active ? 0 : await revokeAllApiTokensOf(tx, user.id, new Date());
    await writeAudit(tx, actor, {
      action: "UPDATE",
      entityType: "user",
      entityId: user.id,
      changes: [
        { field: "active", from: user.active, to: input.active },
        ...(revoked ? [{ field: "apiTokensRevoked", from: null, to: revoked }] : []),
      ],
      reason: input.reason,
    });
  });
}

export async function listSites(actor: Actor) {
  requireAdmin(actor, "site.admin");
  return getPrisma().site.findMany({ orderBy: { code: "asc" } });
}

export async function createSite(
  actor: Actor,
  input: { code: string; name: string; city: string; country: string; targetEnrollment: number; timeZone?: string },
) {
  requireAdmin(actor, "site.admin");
  return getPrisma().$transaction(async (tx) => {
    if (await tx.site.findUnique({ where: { code: input.code } }))
      throw new ConflictError(`Site code ${input.code} is already used.`);
    const site = await tx.site.create({ data: input });
    await writeAudit(tx, actor, {
      action: "CREATE",
      entityType: "site",
      entityId: site.id,
      siteId: site.id,
      changes: diffFields(null, { ...input, timeZone: site.timeZone }, [
        "code",
        "name",
        "city",
        "country",
        "targetEnrollment",
        "timeZone",
      ]),
    });
    return { id: site.id };
  });
}

/**
 * Lifts a sign-in lockout (lib/auth/throttle-policy.ts) before it runs out, e.g. when a user
 * locked out by someone guessing at their account calls the help desk. The failure count
 * goes too; the reason is required and audited.
 */
export async function unlockAccount(actor: Actor, input: { userId: string; reason: string }) {
  requireAdmin(actor, "user.admin");
  return getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
    if (!user) throw new NotFoundError("User");
    const key = emailKey(user.email);
    const throttle = await tx.signInThrottle.findUnique({ where: { key } });
    if (!throttle?.lockedUntil || throttle.lockedUntil <= new Date())
      throw new ConflictError("This account is not locked.");
    await tx.signInThrottle.delete({ where: { key } });
    await writeAudit(tx, actor, {
      action: "UNLOCK",
      entityType: "user",
      entityId: user.id,
      changes: [{ field: "signInLockedUntil", from: throttle.lockedUntil, to: null }],
      reason: input.reason,
    });
  });
}

/** Edits a site's details. Its code is not editable: it prefixes every subject ID already issued there. */
export async function updateSite(
  actor: Actor,
  input: { siteId: string; name: string; city: string; country: string; targetEnrollment: number; timeZone?: string },
) {
  requireAdmin(actor, "site.admin");
  const { siteId, timeZone, ...rest } = input;
  return getPrisma().$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<
      { name: string; city: string; country: string; target_enrollment: number; time_zone: string }[]
    >`
      SELECT "name", "city", "country", "target_enrollment", "time_zone" FROM "sites" WHERE "id" = ${siteId}::uuid FOR UPDATE`;
    if (!before) throw new NotFoundError("Site");
    // A time zone left out stays as it is.
    const details = { ...rest, timeZone: timeZone ?? before.time_zone };
    const fields = ["name", "city", "country", "targetEnrollment", "timeZone"] as const;
    const changes = diffFields(
      {
        name: before.name,
        city: before.city,
        country: before.country,
        targetEnrollment: before.target_enrollment,
        timeZone: before.time_zone,
      },
      details,
      fields,
    );
    if (!changes.length) return { id: siteId };
    await tx.site.update({ where: { id: siteId }, data: details });
    await writeAudit(tx, actor, { action: "UPDATE", entityType: "site", entityId: siteId, siteId, changes });
    return { id: siteId };
  });
}
