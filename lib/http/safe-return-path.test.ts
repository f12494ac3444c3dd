import { describe, expect, test } from "vitest";
import { safeReturnPath } from "./safe-return-path";

const ORIGIN = "http://localhost:3000";
/** What the login page receives: the query value after URL-decoding, as Next.js passes searchParams. */
const decoded = (query: string) => new URLSearchParams(`callbackUrl=${query}`).get("callbackUrl");

describe("safeReturnPath", () => {
  test.each([
    ["/%5Cevil.example/x"],
    ["/%09/evil.example"],
    ["/%0A/evil.example"],
    ["/%5C%5Cevil.example"],
    ["//evil.example"],
    ["https://evil.example"],
    ["/.//evil.example"],
    ["%2F%2Fevil.example"],
    ["javascript:alert(1)"],
    ["http://localhost:3001/patients"],
    ["https://localhost:3000/patients"],
  ])("a return URL leaving the app (%s) goes home", (query) => {
    expect(safeReturnPath(decoded(query), ORIGIN)).toBe("/");
    // Undecoded too (a value that reached the page still encoded), whatever comes back stays home,
    // even when the browser follows it as a relative reference.
    const raw = safeReturnPath(query, ORIGIN);
    expect(raw.startsWith("/") && !raw.startsWith("//")).toBe(true);
    expect(new URL(raw, ORIGIN).origin).toBe(ORIGIN);
  });

  test("same-origin paths keep their path, query and fragment", () => {
    expect(safeReturnPath("/patients?site=TW01#list", ORIGIN)).toBe("/patients?site=TW01#list");
    expect(safeReturnPath("http://localhost:3000/queries", ORIGIN)).toBe("/queries");
    expect(safeReturnPath("patients", ORIGIN)).toBe("/patients");
  });

  test("nothing, or something unparsable, goes home", () => {
    expect(safeReturnPath(undefined, ORIGIN)).toBe("/");
    expect(safeReturnPath("", ORIGIN)).toBe("/");
    expect(safeReturnPath("http://[::1", ORIGIN)).toBe("/");
  });
});
