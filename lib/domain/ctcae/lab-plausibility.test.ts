import { describe, expect, test } from "vitest";
import { checkLabPlausibility, LAB_LIMITS } from "./lab-plausibility";
import { LAB_TESTS } from "./lab-criteria";

describe("checkLabPlausibility", () => {
  test("the review's slips: platelets 85000 as x10^9/L and haemoglobin 105 as g/dL are impossible, with the likely unit", () => {
    expect(checkLabPlausibility("platelets", 85000, "x10^9/L")).toMatchObject({
      kind: "impossible",
      likelyUnit: "/mm3",
    });
    expect(checkLabPlausibility("hemoglobin", 105, "g/dL")).toMatchObject({ kind: "impossible", likelyUnit: "g/L" });
    // The low-count slip that would hide a grade 3: 40000 typed against x10^9/L.
    expect(checkLabPlausibility("platelets", 40000, "x10^9/L")).toMatchObject({
      kind: "impossible",
      likelyUnit: "/mm3",
    });
  });

  test("ordinary values in any accepted unit are plausible", () => {
    expect(checkLabPlausibility("platelets", 85, "x10^9/L")).toEqual({ kind: "plausible" });
    expect(checkLabPlausibility("platelets", 85000, "/mm3")).toEqual({ kind: "plausible" });
    expect(checkLabPlausibility("hemoglobin", 105, "g/L")).toEqual({ kind: "plausible" });
    expect(checkLabPlausibility("bilirubin", 34.2, "umol/L")).toEqual({ kind: "plausible" }); // 2.0 mg/dL
    expect(checkLabPlausibility("ast", 40, "U/L")).toEqual({ kind: "plausible" });
  });

  test("rare but possible values need confirmation; the message names the value, the limits and the unit", () => {
    const verdict = checkLabPlausibility("ast", 4000, "U/L");
    expect(verdict).toMatchObject({ kind: "implausible", likelyUnit: null });
    expect(verdict.kind !== "plausible" && verdict.message).toBe(
      "4000 U/L is outside the usual 5-3000 U/L. If it is correct, confirm it with a reason.",
    );
    expect(checkLabPlausibility("hemoglobin", 3.5, "g/dL").kind).toBe("implausible");
  });

  test("a converted value is shown in the normalized unit too", () => {
    const verdict = checkLabPlausibility("platelets", 85000, "x10^9/L");
    expect(verdict.kind !== "plausible" && verdict.message).toBe(
      "85000 x10^9/L is not a possible result (limits 1-5000 x10^9/L). It looks like a value in /mm3: check the unit.",
    );
    expect(checkLabPlausibility("platelets", 0.5, "/mm3")).toMatchObject({ kind: "impossible" });
  });

  test("every test's soft limits lie inside its hard limits", () => {
    for (const test of LAB_TESTS) {
      const { hard, soft } = LAB_LIMITS[test];
      expect(hard.min <= soft.min && soft.min < soft.max && soft.max <= hard.max, test).toBe(true);
    }
  });
});
