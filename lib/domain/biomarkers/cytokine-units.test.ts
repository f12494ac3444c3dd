import { describe, expect, test } from "vitest";
import { parseBelowLimit, toPgPerMl } from "./cytokine-units";

describe("toPgPerMl", () => {
  test("the review's VEGF 0.42 ng/mL is 420 pg/mL; ng/L equals pg/mL", () => {
    expect(toPgPerMl(0.42, "ng/mL")).toBe(420);
    expect(toPgPerMl(0.007, "ng/mL")).toBe(7);
    expect(toPgPerMl(12.5, "ng/L")).toBe(12.5);
    expect(toPgPerMl(12.5, "pg/mL")).toBe(12.5);
  });

  test("an unknown unit is refused, not guessed", () => {
    expect(() => toPgPerMl(1, "ug/mL")).toThrow(/Unknown cytokine unit/);
  });
});

test("parseBelowLimit reads '<5' as a limit, and nothing else", () => {
  expect(parseBelowLimit("<5")).toBe(5);
  expect(parseBelowLimit(" < 2.5 ")).toBe(2.5);
  expect(parseBelowLimit("≤31.2")).toBe(31.2);
  expect(parseBelowLimit("5")).toBeNull();
  expect(parseBelowLimit("<")).toBeNull();
  expect(parseBelowLimit(">5")).toBeNull();
});
