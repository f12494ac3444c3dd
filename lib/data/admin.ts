import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { diffFields, writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/** Administration never reveals clinical data; it manages who may see it. */
function requireAdmin(actor: Actor, permission: "user.admin" | "site.admin") {
  if (!hasPermission(actor, permission)) throw new ForbiddenError();
}

const who = (actor: Actor) => ({ userId: actor.userId, email: actor.email });

export async function listUsers(actor: Actor) {
  requireAdmin(actor, "user.admin");
  const users = await getPrisma().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, active: true, roleAssignments: { select: { id: true, role: true, site: { select: { id: true, code: true } } } } },
  });
  return users;
}

export async function createUser(actor: Actor, input: { email: string; name: string; temporaryPassword: string; assignment: { role: Role; siteId: string | null } }) {
  requireAdmin(actor, "user.admin");
  const passwordHash = await hashPassword(input.temporaryPassword);
  return getPrisma().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) throw new ConflictError("A user with this email already exists.");
    if (input.assignment.siteId && !(await tx.site.findUnique({ where: { id: input.assignment.siteId } }))) throw new NotFoundError("Site");
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, roleAssignments: { create: input.assignment } },
    });
    await writeAudit(tx, who(actor), {
      action: "CREATE",
      entityType: "user",
      entityId: user.id,
      // The password is never audited, not even hashed.
      changes: [...diffFields(null, { email: user.email, name: user.name }, ["email", "name"]), { field: "role", from: null, to: input.assignment }],
    });
    return { id: user.id };
  });
}

export async function assignRole(actor: Actor, input: { userId: string; assignment: { role: Role; siteId: string | null } }) {
  requireAdmin(actor, "user.admin");
  return getPrisma().$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: input.userId } }))) throw new NotFoundError("User");
    const existing = await tx.roleAssignment.findFirst({ where: { userId: input.userId, ...input.assignment } });
    if (existing) throw new ConflictError("The user already has this role there.");
    const created = await tx.roleAssignment.create({ data: { userId: input.userId, ...input.assignment } });
    await writeAudit(tx, who(actor), { action: "CREATE", entityType: "role-assignment", entityId: created.id, changes: [{ field: "role", from: null, to: input.assignment }] });
  });
}

/** Removing a role ends the access at once (getActor reads roles on every request). */
export async function removeRole(actor: Actor, input: { userId: string; assignmentId: string; reason: string }) {
  requireAdmin(actor, "user.admin");
  return getPrisma().$transaction(async (tx) => {
    const assignment = await tx.roleAssignment.findFirst({ where: { id: input.assignmentId, userId: input.userId } });
    if (!assignment) throw new NotFoundError("Role");
    if (input.userId === actor.userId && assignment.role === "ADMIN") throw new ConflictError("You cannot remove your own administrator role.");
    await tx.roleAssignment.delete({ where: { id: assignment.id } });
    await writeAudit(tx, who(actor), {
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
  if (input.userId === actor.userId && !input.active) throw new ConflictError("You cannot deactivate your own account.");
  return getPrisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new NotFoundError("User");
    if (user.active === input.active) return;
    // Deactivation also ends every session the user has open.
    await tx.user.update({ where: { id: user.id }, data: { active: input.active, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, who(actor), {
      action: "UPDATE",
      entityType: "user",
      entityId: user.id,
      changes: [{ field: "active", from: user.active, to: input.active }],
      reason: input.reason,
    });
  });
}

export async function listSites(actor: Actor) {
  requireAdmin(actor, "site.admin");
  return getPrisma().site.findMany({ orderBy: { code: "asc" } });
}

export async function createSite(actor: Actor, input: { code: string; name: string; city: string; country: string; targetEnrollment: number; timeZone?: string }) {
  requireAdmin(actor, "site.admin");
  return getPrisma().$transaction(async (tx) => {
    if (await tx.site.findUnique({ where: { code: input.code } })) throw new ConflictError(`Site code ${input.code} is already used.`);
    const site = await tx.site.create({ data: input });
    await writeAudit(tx, who(actor), {
      action: "CREATE",
      entityType: "site",
      entityId: site.id,
      siteId: site.id,
      changes: diffFields(null, { ...input, timeZone: site.timeZone }, ["code", "name", "city", "country", "targetEnrollment", "timeZone"]),
    });
    return { id: site.id };
  });
}
