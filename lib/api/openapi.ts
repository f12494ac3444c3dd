import { z } from "zod";
import type { ApiEndpoint } from "./endpoint";
import { API_ENDPOINT_LIST } from "./endpoints";
import { API_COMPONENTS } from "./schemas";

type JsonSchema = Record<string, unknown>;
type Components = readonly (readonly [string, z.ZodType])[];

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input: `fieldErrors` names every problem by its path; nothing was changed",
  401: "No valid credentials: sign in, or send a valid `Authorization: Bearer` token",
  403: "Not permitted for your roles, or a write with a read-only token",
  404: "Not found, or not at a site you may see (the two are indistinguishable)",
  409: "Conflict: a stale version, a locked patient, a signed form, or a state that does not allow this",
  413: "The request body is too large",
  415: "A write without `Content-Type: application/json`",
  500: "Unexpected error; quote `errorId`",
};

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the endpoint list and the zod schemas
 * with zod's own z.toJSONSchema (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses). A schema
 * listed as a component is emitted once under components.schemas and referenced by $ref
 * wherever an endpoint uses it. Input shapes are used throughout: a request is what a client
 * sends, and every stored form is a valid input of its own schema.
 */
export function buildOpenApiDocument(
  endpoints: readonly ApiEndpoint[] = API_ENDPOINT_LIST,
  components: Components = API_COMPONENTS,
) {
  const names = new Map<unknown, string>(components.map(([name, schema]) => [schema, name]));
  const toJsonSchema = (schema: z.ZodType, root?: z.ZodType): JsonSchema => {
    const json = z.toJSONSchema(schema, {
      io: "input",
      unrepresentable: "any",
      override: ({ zodSchema, jsonSchema }) => {
        const name = names.get(zodSchema);
        if (!name || (zodSchema as unknown) === root) return;
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonSchema)[key];
        (jsonSchema as JsonSchema).$ref = `#/components/schemas/${name}`;
      },
    }) as JsonSchema;
    delete json.$schema;
    return json;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operationOf(endpoint, toJsonSchema);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Trialdesk API",
      version: "1",
      description: [
        "Sites, patients and case report forms of the trial, with the values the rules engine computes. Every read and write applies your current roles and sites; read-only tokens cannot write.",
        "",
        "## Getting credentials from a script",
        "1. **A session** (cookie `next-auth.session-token`; `__Secure-next-auth.session-token` over HTTPS): `GET /api/auth/csrf` gives `{csrfToken}` and a cookie; then `POST /api/auth/callback/credentials` as `application/x-www-form-urlencoded` with `csrfToken`, `email`, `password` and `json=true`, sending that cookie back. The answer sets the session cookie. Keep a cookie jar (e.g. `curl -c jar -b jar`).",
        '2. **A token** (preferred for scripts): with that session, `POST /api/v1/tokens` with `{name, access: "read-only"|"read-write", expiresInDays, password}`. The password is asked again on purpose: a long-lived credential must not be obtainable with a borrowed session alone. The answer carries the token once (`tdk_...`); send it as `Authorization: Bearer tdk_...`. A token cannot mint tokens. Tokens can also be created on /account/tokens.',
        "",
        "Every POST accepts an `Idempotency-Key` header (1 to 255 printable ASCII characters, e.g. a UUID): a retry with the same key and the same request gets the first answer again (`Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 409. Keys are kept 24 hours per user.",
        "",
        "Form data: a nullable field may be left out; it counts as null.",
      ].join("\n"),
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [...new Set(endpoints.map((endpoint) => endpoint.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(components.map(([name, schema]) => [name, toJsonSchema(schema, schema)])),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API token (tdk_...): POST /api/v1/tokens with a session and your password, or /account/tokens in the browser",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The browser session: GET /api/auth/csrf, then POST /api/auth/callback/credentials (form fields csrfToken, email, password, json=true) with the csrf cookie; see the description above",
        },
      },
    },
  };
}

function operationOf(endpoint: ApiEndpoint, toJsonSchema: (schema: z.ZodType) => JsonSchema) {
  const parameters = [
    ...parametersOf(endpoint.params, "path", toJsonSchema),
    ...parametersOf(endpoint.query, "query", toJsonSchema),
  ];
  const success = endpoint.successStatus ?? 200;
  const content = endpoint.responseMediaType
    ? { [endpoint.responseMediaType]: { schema: { type: "string", contentMediaType: endpoint.responseMediaType } } }
    : endpoint.response
      ? { "application/json": { schema: toJsonSchema(endpoint.response) } }
      : undefined;
  const errors = new Set<number>(endpoint.errors ?? []);
  if (endpoint.permission) [401, 403].forEach((status) => errors.add(status));
  const permission = endpoint.permission === "signed-in" ? null : endpoint.permission;
  if (endpoint.params || endpoint.query || endpoint.body) errors.add(400);
  if (endpoint.body || endpoint.requestMediaTypes) [413, 415].forEach((status) => errors.add(status));
  errors.add(500);
  const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  const writes = endpoint.method !== "GET";
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: [
      endpoint.description,
      permission
        ? endpoint.path.startsWith("/api/v1/admin/")
          ? `Requires the permission \`${permission}\` (administrators, trial-wide).`
          : `Requires the permission \`${permission}\` at the patient's site.`
        : endpoint.permission === "signed-in"
          ? "Any signed-in user, for their own account."
          : null,
      endpoint.permission && writes ? "Not allowed with a read-only token." : null,
    ]
      .filter(Boolean)
      .join(" "),
    tags: [endpoint.tag],
    ...(permission ? { "x-permission": permission } : endpoint.permission === "signed-in" ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toJsonSchema(endpoint.body) } } } }
      : endpoint.requestMediaTypes
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                endpoint.requestMediaTypes.map((type) => [
                  type,
                  { schema: { type: "string", contentMediaType: type } },
                ]),
              ),
            },
          }
        : {}),
    responses: {
      [String(success)]: {
        description: success === 204 ? "Done; no content" : "Success",
        ...(content && success !== 204 ? { content } : {}),
      },
      ...Object.fromEntries(
        [...errors]
          .sort()
          .map((status) => [String(status), { description: ERROR_DESCRIPTIONS[status], content: errorContent }]),
      ),
    },
  };
}

function parametersOf(
  schema: z.ZodObject | undefined,
  location: "path" | "query",
  toJsonSchema: (schema: z.ZodType) => JsonSchema,
) {
  return Object.entries(schema?.shape ?? {}).map(([name, field]) => {
    const json = toJsonSchema(field as z.ZodType);
    return {
      name,
      in: location,
      // Path parameters are always required (OpenAPI 3.1, Parameter Object); a query one unless it may be left out.
      required: location === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof json.description === "string" ? { description: json.description } : {}),
      schema: json,
    };
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;
export function getOpenApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}
