import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  test("connection refused, reset and shutdown are unavailability, also when wrapped", () => {
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("the database system is starting up", "57P03"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    const wrapped = new Error("Invalid `prisma.user.findFirst()` invocation", {
      cause: { kind: "DatabaseNotReachable" },
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    // Prisma 7 with the pg adapter: the driver's error sits in meta.driverAdapterError.
    const prismaShaped = Object.assign(
      new Error("\nInvalid `prisma.crfRecord.create()` invocation:\n\nDatabase error. Code: `57P01`."),
      {
        code: "P2039",
        meta: {
          driverAdapterError: Object.assign(new Error("ConnectionClosed"), { cause: { kind: "ConnectionClosed" } }),
        },
      },
    );
    expect(isDatabaseUnavailable(prismaShaped)).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Raw query failed."), {
          code: "P2010",
          meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        withCode("Transaction API error: Unable to start a transaction in the given time.", "P2028"),
      ),
    ).toBe(true);
  });

  test("bugs and constraint violations are not", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("duplicate key value violates unique constraint", "23505"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("Unique constraint failed", "P2002"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
