import { describe, expect, it } from "vitest";
import type { ItemSpec } from "@/lib/export/form-layout";
import { toCsvCell } from "@/lib/export/csv-cell";
import { parseItemValue, writePath } from "./cell-value";

const item = (type: ItemSpec["type"], multiple = false): ItemSpec => ({
  path: "x",
  label: "X",
  type,
  allowedValues: [],
  unit: null,
  multiple,
});

describe("parseItemValue reads back what the CSV export wrote", () => {
  it.each([
    ["float", -3.5],
    ["integer", 42],
    ["boolean", false],
    ["text", "=SUM(A1)"],
    ["text", "-not a number"],
    ["date", "2026-01-15"],
  ] as const)("%s %s", (type, value) => {
    expect(parseItemValue(item(type), toCsvCell(value))).toEqual(value);
  });

  it("lists split on '; ' and typed; an empty list is []", () => {
    expect(parseItemValue(item("text", true), toCsvCell(["lung", "bone"]))).toEqual(["lung", "bone"]);
    expect(parseItemValue(item("float", true), "1; 2.5")).toEqual([1, 2.5]);
    expect(parseItemValue(item("text", true), "")).toEqual([]);
  });

  it("an empty cell is left out; a non-number stays text for the schema to refuse", () => {
    expect(parseItemValue(item("float"), "")).toBeUndefined();
    expect(parseItemValue(item("float"), "12,5")).toBe("12,5");
  });

  it("writePath builds nested objects", () => {
    const data: Record<string, unknown> = {};
    writePath(data, "bilirubin.value", 34.2);
    writePath(data, "bilirubin.unit", "umol/L");
    writePath(data, "skipped", undefined);
    expect(data).toEqual({ bilirubin: { value: 34.2, unit: "umol/L" } });
  });
});
