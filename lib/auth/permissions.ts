import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The permission table: what each role may do. Scope comes from the role assignment
 * itself (a role held at one site applies to that site; a role held with no site applies
 * to all sites), so "own site" and "all sites" are data, not code paths. A role not in
 * this table holds nothing.
 */
export const PERMISSIONS = {
  "patient.read": "See patients and their case report forms",
  "patient.write": "Register patients and enter or correct clinical data",
  "form.sign": "Sign completed forms as investigator",
  "query.open": "Raise a data query on a field",
  "query.answer": "Answer a data query for the site",
  "query.close": "Close or re-open a query",
  "sdv.mark": "Mark forms as source-data-verified",
  "patient.lock": "Lock a patient's data for analysis",
  "toxicity.review": "Review and escalate adverse events and lab toxicities",
  "dashboard.read": "See enrollment, safety and efficacy dashboards",
  "quality.read": "See missing and overdue forms, open queries and unsigned forms per site",
  "export.run": "Export trial data",
  "import.run": "Import patients and case report forms from CSV or CDISC ODM files",
  "audit.read": "See audit histories",
  "user.admin": "Create, deactivate and assign roles to users",
  "site.admin": "Create and edit sites",
  "study.admin": "Edit the study settings: visit schedule, baseline cytokine panel and stopping rules",
  "backup.read": "See when the database was last backed up, and whether it worked",
} as const;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What a read-only API token still lets its user do: permissions that change no trial data
 * (an export only adds its own audit record). Every other permission is off for such a token.
 */
export const READ_ONLY_PERMISSIONS: readonly Permission[] = [
  "patient.read",
  "dashboard.read",
  "export.run",
  "audit.read",
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // Enters and signs data for the site's own patients; answers queries raised there.
  INVESTIGATOR: ["patient.read", "patient.write", "form.sign", "query.answer", "audit.read"],
  // Reviews toxicity and data quality across sites; no clinical data entry.
  COORDINATOR: [
    "patient.read",
    "query.open",
    "query.close",
    "patient.lock",
    "toxicity.review",
    "dashboard.read",
    "quality.read",
    "audit.read",
  ],
  PRINCIPAL_INVESTIGATOR: [
    "patient.read",
    "dashboard.read",
    "quality.read",
    "export.run",
    "toxicity.review",
    "audit.read",
  ],
  // Source data verification on the sites assigned (or all); raises and closes queries.
  MONITOR: ["patient.read", "sdv.mark", "query.open", "query.close", "quality.read", "audit.read"],
  // Manages accounts and sites; sees no clinical data.
  // Imports run through the one write path as the importing user: an administrator's import
  // writes as a data manager of all sites (lib/data/imports.ts), and sees only the report.
  ADMIN: ["user.admin", "site.admin", "study.admin", "backup.read", "import.run"],
  // Loads and corrects data in bulk (imports from another system or the sites' spreadsheets).
  DATA_MANAGER: ["patient.read", "patient.write", "import.run", "export.run", "quality.read", "audit.read"],
};

// Which roles are trial-wide (never held at a site) is part of the access model the schemas check too.
export { isTrialWideRole, TRIAL_WIDE_ROLES } from "@/lib/domain/access/trial-wide-roles";

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  INVESTIGATOR: "Site investigator",
  COORDINATOR: "Coordinator",
  PRINCIPAL_INVESTIGATOR: "Principal investigator",
  MONITOR: "Monitor",
  ADMIN: "Administrator",
  DATA_MANAGER: "Data manager",
};

export function roleHasPermission(role: string, permission: Permission): boolean {
  const granted = (ROLE_PERMISSIONS as Record<string, readonly Permission[] | undefined>)[role];
  return granted?.includes(permission) ?? false;
}
