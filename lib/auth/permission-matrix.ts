import { isTrialWideRole, PERMISSIONS, ROLE_LABELS, ROLE_PERMISSIONS, type Permission } from "./permissions";

/** The role matrix as the README shows it (a test keeps the README in step with the table). */
export function renderPermissionMatrix(): string {
  const roles = Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[];
  const header = `| permission | ${roles.map((r) => ROLE_LABELS[r]).join(" | ")} |`;
  const divider = `|---|${roles.map(() => "---").join("|")}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map(
    (p) =>
      `| \`${p}\` ${PERMISSIONS[p]} | ${roles.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? "yes" : "")).join(" | ")} |`,
  );
  const heldAt = `| *held at* | ${roles.map((r) => (isTrialWideRole(r) ? "all sites only (trial-wide)" : "one site, several, or all")).join(" | ")} |`;
  return [header, divider, heldAt, ...rows].join("\n");
}
