/**
 * The layers of the codebase (README "Architecture"), lowest first; a module may import from
 * its own layer and the ones below, never above:
 *
 *   lib/domain  <-  lib/schemas  <-  lib/forms, lib/analysis, lib/export
 *     <-  lib/auth, lib/audit, lib/db  <-  lib/data  <-  lib/http, lib/actions, lib/api
 *     <-  components  <-  app
 *
 * Enforced with @typescript-eslint/no-restricted-imports per folder; lib/eslint-layers.test.ts
 * shows a wrong-way import failing. Type-only imports of view types from lib/data into
 * components are allowed: they carry no code and no database access.
 */
const at = (...folders) => folders.flatMap((folder) => [`@/${folder}`, `@/${folder}/**`]);

const APP_AND_UI = at("app", "components");
const ENTRY = at("lib/http", "lib/actions", "lib/api", "lib/demo");
const DATA = at("lib/data");
const SERVER = at("lib/auth", "lib/audit", "lib/db");
const FORMS = at("lib/forms", "lib/analysis", "lib/export");

// Tests drive a layer through the ones above it (an integration test saves through lib/data): not restricted.
const restrict = (files, group, message, extra = []) => ({
  files,
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group, message }, ...extra] }] },
});

export const layerRules = [
  restrict(
    ["lib/domain/**"],
    ["@/lib/**", "!@/lib/domain", "!@/lib/domain/**"],
    "lib/domain is pure: it imports nothing from the rest of lib (README, Architecture).",
  ),
  restrict(
    ["lib/schemas/**"],
    [...FORMS, ...SERVER, ...DATA, ...ENTRY, ...APP_AND_UI],
    "lib/schemas sits on lib/domain only (README, Architecture).",
  ),
  restrict(
    ["lib/forms/**", "lib/analysis/**", "lib/export/**"],
    [...SERVER, ...DATA, ...ENTRY, ...APP_AND_UI],
    "Forms, analyses and export formats are pure: no database, no session (README, Architecture).",
  ),
  restrict(
    ["lib/auth/**", "lib/audit/**", "lib/db/**"],
    [...DATA, ...ENTRY, ...APP_AND_UI],
    "Authentication, audit and the database sit below lib/data (README, Architecture).",
  ),
  restrict(
    ["lib/data/**"],
    [...ENTRY, ...APP_AND_UI],
    "lib/data is called by actions, route handlers and pages, never the other way (README, Architecture).",
  ),
  restrict(
    ["lib/http/**", "lib/actions/**", "lib/api/**"],
    APP_AND_UI,
    "Route-handler and action plumbing does not import pages or components (README, Architecture).",
  ),
  // Components call server actions (app/**/actions.ts) and read view types; data access goes through them or the page.
  restrict(
    ["components/**"],
    at("lib/db"),
    "Components reach data through server actions or the page, not lib/db (README, Architecture).",
    [
      {
        group: DATA,
        allowTypeImports: true,
        message:
          "Components reach data through server actions or the page; from lib/data they import view types only (README, Architecture).",
      },
      {
        regex: "^@/app/(?!.*/actions$)",
        message: "Components import only server actions (app/**/actions.ts) from app (README, Architecture).",
      },
    ],
  ),
];
