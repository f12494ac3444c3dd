import { z } from "zod";
import { CreateApiTokenSchema } from "@/lib/schemas/api-token";
import {
  AssignRoleSchema,
  CreateUserSchema,
  RemoveRoleSchema,
  SetUserActiveSchema,
  SiteSchema as SiteInputSchema,
  UnlockAccountSchema,
  UpdateSiteSchema,
} from "@/lib/schemas/admin";
import { ROLE_VALUES } from "@/lib/schemas/admin";
import { SiteSchema } from "./schemas";

/** Request and response shapes of the administration API: the admin pages' own schemas, minus the ids the path carries. */

const timestamp = z.iso.datetime();

/** A site as administrators see it: the site every API user sees, with its time zone. */
export const AdminSiteSchema = SiteSchema.extend({
  code: SiteSchema.shape.code.describe("Prefix of the site's subject IDs, e.g. TW01; never changes"),
  timeZone: z.string().describe("IANA time zone, e.g. Asia/Taipei"),
});

export const AdminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  roles: z.array(
    z.object({
      id: z.uuid().describe("The assignment's id (to remove it)"),
      role: z.enum(ROLE_VALUES),
      site: z.object({ id: z.uuid(), code: z.string() }).nullable().describe("null: all sites"),
    }),
  ),
  signInLockedUntil: timestamp.nullable().describe("Set while sign-in is locked after failed attempts"),
});

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  access: z.enum(["read-only", "read-write"]),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp,
  revokedAt: timestamp.nullable(),
});

export const SiteIdParamsSchema = z.object({ id: z.uuid() });
export const UserIdParamsSchema = z.object({ id: z.uuid() });
export const RoleParamsSchema = z.object({ id: z.uuid(), assignmentId: z.uuid() });
export const TokenParamsSchema = z.object({ id: z.uuid() });

export const CreateSiteBodySchema = SiteInputSchema;
export const UpdateSiteBodySchema = UpdateSiteSchema.omit({ siteId: true });
export const CreateUserBodySchema = CreateUserSchema;
export const AssignRoleBodySchema = AssignRoleSchema.omit({ userId: true });
export const RemoveRoleBodySchema = RemoveRoleSchema.omit({ userId: true, assignmentId: true });
export const SetUserActiveBodySchema = SetUserActiveSchema.omit({ userId: true });
export const UnlockBodySchema = UnlockAccountSchema.omit({ userId: true });
export const CreateTokenBodySchema = CreateApiTokenSchema;
export const UsersQuerySchema = z.object({
  locked: z.enum(["true", "false"]).optional().describe("true: only accounts whose sign-in is locked now"),
});
export const CreatedTokenSchema = z.object({
  token: z.string().describe("The whole token, shown once: tdk_..."),
  apiToken: ApiTokenSchema,
});
