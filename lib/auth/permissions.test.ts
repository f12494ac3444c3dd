import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { hasPermission, scopeOf, siteFilter, type Actor } from "./actor";
import { renderPermissionMatrix } from "./permission-matrix";
import { PERMISSIONS, roleHasPermission, ROLE_PERMISSIONS } from "./permissions";

const actor = (assignments: Actor["assignments"]): Actor => ({ userId: "u", email: "u@x", name: "U", assignments });

describe("the permission table", () => {
  test("investigators and data managers write clinical data; coordinators, the PI, monitors and admins do not", () => {
    expect(
      Object.entries(ROLE_PERMISSIONS)
        .filter(([, p]) => p.includes("patient.write"))
        .map(([r]) => r),
    ).toEqual(["INVESTIGATOR", "DATA_MANAGER"]);
  });

  test("only data managers and administrators import", () => {
    expect(
      Object.entries(ROLE_PERMISSIONS)
        .filter(([, p]) => p.includes("import.run"))
        .map(([r]) => r),
    ).toEqual(["ADMIN", "DATA_MANAGER"]);
  });

  test("administrators see no clinical data; everyone else can read patients", () => {
    expect(
      ROLE_PERMISSIONS.ADMIN.some((p) => p.startsWith("patient.") || p === "audit.read" || p === "export.run"),
    ).toBe(false);
    for (const role of ["INVESTIGATOR", "COORDINATOR", "PRINCIPAL_INVESTIGATOR", "MONITOR"] as const) {
      expect(roleHasPermission(role, "patient.read")).toBe(true);
    }
  });

  test("only the PI and data managers export; only monitors verify source data; only investigators sign", () => {
    const holders = (p: keyof typeof PERMISSIONS) =>
      Object.entries(ROLE_PERMISSIONS)
        .filter(([, ps]) => ps.includes(p))
        .map(([r]) => r);
    expect(holders("export.run")).toEqual(["PRINCIPAL_INVESTIGATOR", "DATA_MANAGER"]);
    expect(holders("sdv.mark")).toEqual(["MONITOR"]);
    expect(holders("form.sign")).toEqual(["INVESTIGATOR"]);
  });

  test("unknown roles hold nothing", () => {
    expect(roleHasPermission("SUPERUSER", "patient.read")).toBe(false);
    expect(scopeOf(actor([{ role: "SUPERUSER", siteId: null }]), "patient.read")).toEqual({ kind: "none" });
  });
});

describe("scopes come from the role assignments", () => {
  test("the Administrator role is trial-wide: held at a site it grants nothing", () => {
    expect(scopeOf(actor([{ role: "ADMIN", siteId: "s1" }]), "user.admin")).toEqual({ kind: "none" });
    expect(hasPermission(actor([{ role: "ADMIN", siteId: "s1" }]), "site.admin", "s1")).toBe(false);
    expect(scopeOf(actor([{ role: "ADMIN", siteId: null }]), "user.admin")).toEqual({ kind: "all" });
  });

  test("a role at a site applies there only; a role without a site applies everywhere", () => {
    const investigator = actor([{ role: "INVESTIGATOR", siteId: "s1" }]);
    expect(hasPermission(investigator, "patient.write", "s1")).toBe(true);
    expect(hasPermission(investigator, "patient.write", "s2")).toBe(false);
    expect(siteFilter(investigator, "patient.read")).toEqual({ siteId: { in: ["s1"] } });
    const coordinator = actor([{ role: "COORDINATOR", siteId: null }]);
    expect(siteFilter(coordinator, "patient.read")).toEqual({});
    expect(hasPermission(coordinator, "patient.write", "s1")).toBe(false);
  });

  test("roles at several sites combine; no permission filters to nothing", () => {
    const both = actor([
      { role: "INVESTIGATOR", siteId: "s2" },
      { role: "MONITOR", siteId: "s1" },
    ]);
    expect(scopeOf(both, "patient.read")).toEqual({ kind: "sites", siteIds: ["s1", "s2"] });
    expect(scopeOf(both, "patient.write")).toEqual({ kind: "sites", siteIds: ["s2"] });
    expect(siteFilter(actor([{ role: "ADMIN", siteId: null }]), "patient.read")).toEqual({ siteId: { in: [] } });
  });
});

describe("a read-only API token", () => {
  test("keeps the user's read permissions and scope but none that writes", () => {
    const investigator = { ...actor([{ role: "INVESTIGATOR", siteId: "s1" }]), readOnly: true };
    expect(scopeOf(investigator, "patient.read")).toEqual({ kind: "sites", siteIds: ["s1"] });
    expect(hasPermission(investigator, "audit.read", "s1")).toBe(true);
    expect(hasPermission(investigator, "patient.write", "s1")).toBe(false);
    expect(hasPermission(investigator, "form.sign", "s1")).toBe(false);
    const pi = { ...actor([{ role: "PRINCIPAL_INVESTIGATOR", siteId: null }]), readOnly: true };
    expect(scopeOf(pi, "export.run")).toEqual({ kind: "all" });
    expect(scopeOf({ ...actor([{ role: "COORDINATOR", siteId: null }]), readOnly: true }, "patient.lock")).toEqual({
      kind: "none",
    });
  });

  test("never grants what the roles do not", () => {
    expect(scopeOf({ ...actor([{ role: "MONITOR", siteId: "s1" }]), readOnly: true }, "export.run")).toEqual({
      kind: "none",
    });
  });
});

test("the README shows the current role matrix", () => {
  expect(readFileSync("README.md", "utf8")).toContain(renderPermissionMatrix());
});
