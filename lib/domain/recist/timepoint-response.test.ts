import { describe, expect, it } from "vitest";
import type { NonTargetResponse, TargetResponse } from "./response-types";
import { combineTimepointResponse } from "./timepoint-response";

const combine = (targetResponse: TargetResponse, nonTargetResponse: NonTargetResponse, newLesions = false) =>
  combineTimepointResponse({ targetResponse, nonTargetResponse, newLesions });

describe("combineTimepointResponse (RECIST 1.1 Table 1 / RECIST 1.0 response table)", () => {
  it.each([
    ["CR", "CR", "CR"],
    ["CR", "ABSENT", "CR"],
    ["CR", "NON_CR_NON_PD", "PR"],
    ["CR", "NE", "PR"],
    ["PR", "NON_CR_NON_PD", "PR"],
    ["PR", "NE", "PR"],
    ["PR", "CR", "PR"],
    ["SD", "NON_CR_NON_PD", "SD"],
    ["SD", "NE", "SD"],
    ["SD", "ABSENT", "SD"],
    ["NE", "NON_CR_NON_PD", "NE"],
    ["NE", "CR", "NE"],
    ["PD", "CR", "PD"],
    ["CR", "PD", "PD"],
    ["NE", "PD", "PD"],
  ] as const)("target %s + non-target %s -> %s", (target, nonTarget, expected) => {
    expect(combine(target, nonTarget)).toBe(expected);
  });
  it("any new lesion makes the timepoint PD, even with target CR and non-target CR", () => {
    expect(combine("CR", "CR", true)).toBe("PD");
    expect(combine("NE", "NE", true)).toBe("PD");
  });
});
