import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listFormDefinitions } from "@/lib/forms/registry";
import { API_PERMISSIONS } from "@/lib/auth/api-token";
import { API_ENDPOINT_LIST, ENDPOINT_PERMISSIONS } from "./endpoints";
import { buildOpenApiDocument } from "./openapi";

const document = buildOpenApiDocument();
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
type Json = Record<string, unknown>;

function walk(value: unknown, visit: (node: Json, at: string) => void, at = "#"): void {
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, visit, `${at}/${i}`));
  else if (value && typeof value === "object") {
    visit(value as Json, at);
    for (const [key, child] of Object.entries(value)) walk(child, visit, `${at}/${key}`);
  }
}

/** RFC 6901 JSON Pointer within this document. */
function resolvePointer(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), document);
}

function operations() {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ route, method, operation: operation as Json })),
  );
}

/** The app/ folder of an OpenAPI path: /api/v1/patients/{id} -> app/api/v1/patients/[id]. */
const routeFileOf = (apiPath: string) => path.join("app", apiPath.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
const exportedMethods = (file: string) =>
  [
    ...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
  ].map((m) => m[1]!);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

describe("the OpenAPI 3.1 document", () => {
  test("has the top-level structure of OpenAPI 3.1 and is plain JSON", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    for (const requirement of document.security) {
      for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes).toHaveProperty(scheme);
    }
  });

  test("every $ref resolves inside the document", () => {
    const refs: string[] = [];
    walk(document, (node) => {
      if (typeof node.$ref === "string") refs.push(node.$ref);
    });
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((ref) => resolvePointer(ref) === undefined)).toEqual([]);
  });

  test("every operation is well formed: unique id, responses, path parameters matching the template", () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { route, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${route}`;
      expect(Object.keys(operation.responses as Json).length, where).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        expect(status, where).toMatch(/^[1-5]\d\d$/);
        expect((response as Json).description, `${where} ${status}`).toEqual(expect.any(String));
      }
      const parameters = (operation.parameters ?? []) as {
        name: string;
        in: string;
        required?: boolean;
        schema?: unknown;
      }[];
      const templated = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      expect(
        parameters
          .filter((p) => p.in === "path")
          .map((p) => p.name)
          .sort(),
        where,
      ).toEqual(templated);
      for (const parameter of parameters) {
        expect(["path", "query", "header", "cookie"], where).toContain(parameter.in);
        expect(parameter.schema, where).toBeTypeOf("object");
        if (parameter.in === "path") expect(parameter.required, where).toBe(true);
      }
      const body = operation.requestBody as { content?: Json } | undefined;
      // JSON everywhere, except an import, whose body is the file itself (zip or ODM XML).
      if (body)
        expect(Object.keys(body.content ?? {}), where).toEqual(
          route === "/api/v1/imports" ? ["application/zip", "application/xml"] : ["application/json"],
        );
    }
  });

  test("every schema object lists as required only properties it defines", () => {
    walk(document, (node, at) => {
      if (Array.isArray(node.required) && node.properties) {
        for (const name of node.required as string[])
          expect(node.properties, `${at} requires ${name}`).toHaveProperty(name);
      }
    });
  });

  test("each form type's data schema is a named component, and form records reference them all", () => {
    const schemas = document.components.schemas as Record<string, Json>;
    const crfData = ((schemas.CrfRecord!.properties as Json).data as { anyOf: { $ref: string }[] }).anyOf.map(
      (s) => s.$ref,
    );
    expect(crfData).toHaveLength(listFormDefinitions().length);
    for (const ref of crfData) expect((resolvePointer(ref) as Json).type).toBe("object");
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        "EligibilityFormData",
        "TumourAssessmentFormData",
        "AdverseEventFormData",
        "EndOfStudyFormData",
      ]),
    );
  });
});

describe("the document and the route files agree", () => {
  test("every listed operation has its route file exporting that method", () => {
    for (const endpoint of API_ENDPOINT_LIST) {
      const file = routeFileOf(endpoint.path);
      expect(existsSync(file), `${endpoint.path}: ${file}`).toBe(true);
      expect(exportedMethods(file), file).toContain(endpoint.method);
    }
  });

  test("every method of every app/api/v1 route file is documented", () => {
    const documented = new Set(API_ENDPOINT_LIST.map((e) => `${e.method} ${routeFileOf(e.path)}`));
    const served = routeFiles(path.join("app", "api", "v1")).flatMap((file) =>
      exportedMethods(file).map((method) => `${method} ${file}`),
    );
    expect(served.length).toBeGreaterThan(5);
    expect(served.filter((operation) => !documented.has(operation))).toEqual([]);
  });
});

test("a personal token is offered to exactly the holders of a permission some endpoint needs", () => {
  expect([...API_PERMISSIONS].sort()).toEqual([...ENDPOINT_PERMISSIONS].sort());
});
