import { describe, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// A low cost keeps the unit test fast; the format and the comparison are what is tested.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe("scrypt password hashing", () => {
  test("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("trial-demo-2026", FAST);
    expect(await verifyPassword("trial-demo-2026", hash)).toBe(true);
    expect(await verifyPassword("trial-demo-2027", hash)).toBe(false);
  });

  test("salts every hash and stores its parameters", async () => {
    const a = await hashPassword("same", FAST);
    const b = await hashPassword("same", FAST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  // One real 128 MiB hash: seconds on a busy machine.
  test("defaults to a memory-hard cost (N = 2^17)", { timeout: 60_000 }, async () => {
    expect(await hashPassword("x")).toMatch(/^scrypt\$131072\$8\$1\$/);
  });

  test("rejects malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
  });
});
