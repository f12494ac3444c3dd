import { describe, expect, it } from "vitest";
import { getFormDefinition } from "@/lib/forms/registry";
import type { ImportForm } from "./import-bundle";
import { orderForImport, visitDay } from "./import-order";

const form = (formType: string, visitKey: string | null, data: Record<string, unknown> = {}): ImportForm => ({
  formType,
  visitKey,
  data,
  source: "",
});

describe("orderForImport", () => {
  it("screening, baseline, then visits and events by date, end of study last", () => {
    const ordered = orderForImport(
      [
        form("end-of-study", "end-of-study"),
        form("dosing", "week4"),
        form("baseline", "baseline"),
        form("dosing", "day1"),
        form("eligibility", "screening"),
      ],
      getFormDefinition,
    );
    expect(ordered.map((f) => `${f.formType}@${f.visitKey}`)).toEqual([
      "eligibility@screening",
      "baseline@baseline",
      "dosing@day1",
      "dosing@week4",
      "end-of-study@end-of-study",
    ]);
  });

  it("visit days: day N and week N, unknown keys last", () => {
    expect([visitDay("day1"), visitDay("week4"), visitDay("unscheduled")]).toEqual([1, 28, Number.MAX_SAFE_INTEGER]);
  });
});
