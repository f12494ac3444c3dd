import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ACCESS_MATRIX, ACTION_MATRIX } from "./access-matrix";

// A new page, route handler or server action that nobody added to the access matrix is a
// hole nobody tested: fail until it is listed with its expected answers.
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const appFiles = walk("app");

describe("the access matrix covers the whole app", () => {
  test("every page and route handler is listed", () => {
    const routes = appFiles
      .filter((file) => /\/(page\.tsx|route\.ts)$/.test(file))
      .map((file) => "/" + path.dirname(path.relative("app", file)).replace(/^\.$/, "").replace(/\\/g, "/"))
      .map((route) => route.replace(/\/\([^)]+\)/g, "") || "/")
      .sort();
    expect(routes).toEqual(ACCESS_MATRIX.map((check) => check.route).sort());
  });

  test("every server action is listed with the integration test of its data function", () => {
    const actions = appFiles
      .filter((file) => file.endsWith("actions.ts"))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/export (?:const|async function) (\w+)/g)].map(
          (m) => `${file}#${m[1]}`,
        ),
      )
      .sort();
    expect(actions).toEqual(Object.keys(ACTION_MATRIX).sort());
    for (const { dataFunction, integrationTest } of Object.values(ACTION_MATRIX)) {
      expect(readFileSync(integrationTest, "utf8")).toContain(dataFunction);
    }
  });

  test("every listed request states an answer for every caller", () => {
    for (const check of ACCESS_MATRIX) {
      for (const request of check.requests) expect(Object.keys(request.expect)).toHaveLength(8);
    }
  });
});
