import { describe, expect, it } from "vitest";
import { computeCompliance } from "./compliance";

describe("computeCompliance", () => {
  it("is (dispensed - returned) / (prescribedPerDay x days) x 100", () => {
    // 4 capsules/day for 28 days = 112 prescribed; 120 dispensed, 22 returned -> 98 taken
    const result = computeCompliance({ dispensed: 120, returned: 22, prescribedPerDay: 4, days: 28 });
    expect(result.takenCapsules).toBe(98);
    expect(result.prescribedCapsules).toBe(112);
    expect(result.compliancePct).toBeCloseTo(87.5, 10);
  });

  it("is 100% when exactly the prescribed number is taken, and can exceed 100%", () => {
    expect(computeCompliance({ dispensed: 112, returned: 0, prescribedPerDay: 4, days: 28 }).compliancePct).toBe(100);
    expect(
      computeCompliance({ dispensed: 120, returned: 0, prescribedPerDay: 4, days: 28 }).compliancePct,
    ).toBeGreaterThan(100);
  });

  it("accepts returned = dispensed (0%) and rejects returned > dispensed", () => {
    expect(computeCompliance({ dispensed: 56, returned: 56, prescribedPerDay: 4, days: 14 }).compliancePct).toBe(0);
    expect(() => computeCompliance({ dispensed: 56, returned: 57, prescribedPerDay: 4, days: 14 })).toThrow(
      expect.objectContaining({ field: "returned" }),
    );
  });

  it.each([
    ["dispensed", { dispensed: -1, returned: 0, prescribedPerDay: 4, days: 14 }],
    ["dispensed", { dispensed: 1.5, returned: 0, prescribedPerDay: 4, days: 14 }],
    ["days", { dispensed: 56, returned: 0, prescribedPerDay: 4, days: 0 }],
    ["prescribedPerDay", { dispensed: 56, returned: 0, prescribedPerDay: 0, days: 14 }],
  ])("rejects invalid %s", (field, input) => {
    expect(() => computeCompliance(input)).toThrow(expect.objectContaining({ field }));
  });
});
