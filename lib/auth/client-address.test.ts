import { describe, expect, test } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("clientAddressFrom", () => {
  test("ignores X-Forwarded-For unless proxies are trusted (a client can send any value)", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.9" }, 0)).toBeNull();
  });

  test("takes the entry appended by the trusted proxy, not the client's claim on the left", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }, 1)).toBe("203.0.113.9");
    expect(clientAddressFrom({ "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.2" }, 2)).toBe("203.0.113.9");
    expect(clientAddressFrom({ "x-forwarded-for": "2001:db8::1" }, 1)).toBe("2001:db8::1");
  });

  test("no header, too few entries or a non-address give null", () => {
    expect(clientAddressFrom({}, 1)).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": "10.0.0.2" }, 2)).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": "evil; drop table" }, 1)).toBeNull();
    expect(clientAddressFrom(undefined, 1)).toBeNull();
  });
});
