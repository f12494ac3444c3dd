import { describe, expect, it } from "vitest";
import { LAB_TESTS } from "@/lib/domain/ctcae/lab-criteria";
import { defaultRange, LAB_PANEL, listTestUnits, requiredLimit } from "./lab-panel";

describe("the laboratory panel", () => {
  it("covers every test the CTCAE grading knows, once, in accepted units", () => {
    expect(LAB_PANEL.map((p) => p.test).sort()).toEqual([...LAB_TESTS].sort());
    for (const panel of LAB_PANEL) expect(listTestUnits(panel.test)).toContain(panel.defaultUnit);
  });

  it("converts the default ranges to the unit chosen", () => {
    expect(defaultRange("platelets", "/mm3")).toEqual({ lln: 150_000, uln: 400_000 });
    expect(defaultRange("bilirubin", "umol/L")).toEqual({ lln: 5.13, uln: 20.5 });
    expect(defaultRange("creatinine", "umol/L")).toEqual({ lln: 53, uln: 106 });
    expect(defaultRange("hemoglobin", "g/L")).toEqual({ lln: 120, uln: 160 });
  });

  it("needs LLN for decreased terms and ULN for increased terms", () => {
    expect(requiredLimit("neutrophils")).toBe("lln");
    expect(requiredLimit("albumin")).toBe("lln");
    expect(requiredLimit("alt")).toBe("uln");
    expect(requiredLimit("creatinine")).toBe("uln");
  });
});
