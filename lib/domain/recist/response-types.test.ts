import { describe, expect, it } from "vitest";
import { NON_TARGET_RESPONSES, RESPONSES, isResponse, labelNonTargetResponse, labelResponse } from "./response-types";

describe("response-types", () => {
  it("labels every code", () => {
    for (const r of RESPONSES) expect(labelResponse(r)).toContain(`(${r})`);
    for (const r of NON_TARGET_RESPONSES) expect(labelNonTargetResponse("1.1", r).length).toBeGreaterThan(0);
  });
  it("uses the RECIST 1.0 wording for the intermediate non-target category", () => {
    expect(labelNonTargetResponse("1.0", "NON_CR_NON_PD")).toMatch(/Incomplete response/);
    expect(labelNonTargetResponse("1.1", "NON_CR_NON_PD")).toBe("Non-CR/non-PD");
  });
  it("recognises response codes", () => {
    expect(isResponse("PR")).toBe(true);
    expect(isResponse("pr")).toBe(false);
    expect(isResponse(3)).toBe(false);
  });
});
