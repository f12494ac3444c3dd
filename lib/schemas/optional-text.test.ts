import { describe, expect, test } from "vitest";
import { optionalText } from "./optional-text";

describe("optionalText", () => {
  const schema = optionalText(10);

  test("keeps the trimmed text; blank or null is stored as null", () => {
    expect(schema.parse("  Peritoneum ")).toBe("Peritoneum");
    expect(schema.parse("   ")).toBeNull();
    expect(schema.parse("")).toBeNull();
    expect(schema.parse(null)).toBeNull();
  });

  test("refuses text over the limit (after trimming) with the limit in the message", () => {
    expect(schema.safeParse(" 1234567890 ").success).toBe(true);
    const result = schema.safeParse("12345678901");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["At most 10 characters"]);
  });
});
