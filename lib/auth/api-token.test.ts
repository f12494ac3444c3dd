import { describe, expect, test } from "vitest";
import { apiTokenMatches, bearerTokenOf, generateApiToken, hashApiToken, parseApiToken } from "./api-token";

describe("personal API tokens", () => {
  test("a new token has a visible prefix, and only its SHA-256 is kept", () => {
    const { token, prefix, secretHash } = generateApiToken();
    expect(token).toMatch(/^tdk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(`${prefix}_`)).toBe(true);
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash).toBe(hashApiToken(token));
    expect(secretHash).not.toContain(token.slice(prefix.length + 1));
  });

  test("tokens do not repeat", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateApiToken().token));
    expect(tokens.size).toBe(200);
  });

  test("a token matches only its own hash", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(apiTokenMatches(a.token, a.secretHash)).toBe(true);
    expect(apiTokenMatches(b.token, a.secretHash)).toBe(false);
    expect(apiTokenMatches(`${a.token.slice(0, -1)}x`, a.secretHash)).toBe(a.token.endsWith("x"));
    expect(apiTokenMatches(a.token, "not-a-hash")).toBe(false);
  });

  test("malformed tokens are refused before any lookup", () => {
    const { token, prefix } = generateApiToken();
    expect(parseApiToken(token)).toEqual({ prefix });
    for (const bad of [
      "",
      "tdk_",
      token.slice(0, -1),
      `${token}a`,
      token.replace("tdk_", "tdx_"),
      `${prefix}_${"!".repeat(43)}`,
    ]) {
      expect(parseApiToken(bad)).toBeNull();
    }
  });

  test("the bearer token is read from the Authorization header", () => {
    expect(bearerTokenOf("Bearer abc.def")).toBe("abc.def");
    expect(bearerTokenOf("bearer abc")).toBe("abc");
    expect(bearerTokenOf("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerTokenOf("Bearer")).toBeNull();
    expect(bearerTokenOf("Bearer a b")).toBeNull();
  });
});
