import { z } from "zod";
import { isTrialWideRole } from "@/lib/domain/access/trial-wide-roles";
import { ReasonSchema } from "./crf";

export const ROLE_VALUES = [
  "INVESTIGATOR",
  "COORDINATOR",
  "PRINCIPAL_INVESTIGATOR",
  "MONITOR",
  "ADMIN",
  "DATA_MANAGER",
] as const;

export const TRIAL_WIDE_SITE_MESSAGE = "An administrator manages the whole trial: choose All sites";

const roleAssignment = z
  .object({ role: z.enum(ROLE_VALUES, { error: "Choose a role" }), siteId: z.uuid().nullable() })
  // A site investigator enters data for one site's patients; an all-sites investigator would bypass site isolation.
  .refine((a) => a.role !== "INVESTIGATOR" || a.siteId !== null, {
    message: "A site investigator must be assigned to a site",
    path: ["siteId"],
  })
  // Administration is trial-wide: a site would suggest a boundary that does not exist (lib/auth/permissions.ts).
  .refine((a) => !isTrialWideRole(a.role) || a.siteId === null, { message: TRIAL_WIDE_SITE_MESSAGE, path: ["siteId"] });

export const CreateUserSchema = z.object({
  email: z
    .email("Enter a valid email address")
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: z.string().trim().min(2, "Enter the person's name").max(120),
  temporaryPassword: z.string().min(12, "At least 12 characters").max(200),
  assignment: roleAssignment,
});

export const AssignRoleSchema = z.object({ userId: z.uuid(), assignment: roleAssignment });
export const RemoveRoleSchema = z.object({ userId: z.uuid(), assignmentId: z.uuid(), reason: ReasonSchema });
export const SetUserActiveSchema = z.object({ userId: z.uuid(), active: z.boolean(), reason: ReasonSchema });

// Signatures and verifications are shown in the site's own clock (IANA name, checked against the runtime's zone database).
const TimeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, "Enter an IANA time zone, e.g. Asia/Taipei or Europe/Berlin");

export const SiteSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}\d{2}$/, "Use two capital letters and two digits, e.g. TW04 (it prefixes subject IDs)"),
  name: z.string().trim().min(2, "Enter the site's name").max(200),
  city: z.string().trim().min(1, "Enter the city").max(100),
  country: z.string().trim().min(1, "Enter the country").max(100),
  targetEnrollment: z.coerce.number({ error: "Enter a number" }).int("Whole patients only").min(0).max(10_000),
  timeZone: TimeZoneSchema.default("UTC"),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone !== "";
  } catch {
    return false;
  }
}

/** The code is left out on purpose: it prefixes the subject IDs already issued at the site. */
export const UpdateSiteSchema = SiteSchema.omit({ code: true }).extend({
  siteId: z.uuid(),
  // Left out, the site keeps its zone: a default here once set every edited site to UTC, unaudited.
  timeZone: TimeZoneSchema.optional(),
});
export const UnlockAccountSchema = z.object({ userId: z.uuid(), reason: ReasonSchema });
