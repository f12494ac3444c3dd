import { describe, expect, test } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOriginRequest", () => {
  test("the app's own origin passes", () => {
    expect(isSameOriginRequest(headers({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(
      isSameOriginRequest(
        headers({ origin: "https://edc.example.org", host: "internal:3000", "x-forwarded-host": "edc.example.org" }),
      ),
    ).toBe(true);
  });

  test.each([
    ["a foreign origin", { origin: "http://evil.example", host: "localhost:3000" }],
    ["Origin: null", { origin: "null", host: "localhost:3000" }],
    ["no Origin", { host: "localhost:3000" }],
    ["a suffix-confusable origin", { origin: "http://localhost:3000.evil.example", host: "localhost:3000" }],
    ["another port", { origin: "http://localhost:3301", host: "localhost:3000" }],
    ["another host string for the same machine", { origin: "http://127.0.0.1:3000", host: "localhost:3000" }],
    ["a non-web scheme", { origin: "file://localhost:3000", host: "localhost:3000" }],
    ["garbage", { origin: "::::", host: "localhost:3000" }],
  ])("%s is refused", (_label, entries) => {
    expect(isSameOriginRequest(headers(entries))).toBe(false);
  });
});
