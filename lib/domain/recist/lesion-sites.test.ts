import { describe, expect, it } from "vitest";
import { classifyLesionSite, LESION_SITES } from "./lesion-sites";

describe("classifyLesionSite", () => {
  it("a listed site is that choice; anything else typed earlier reads as other, unchanged", () => {
    expect(classifyLesionSite("Liver")).toEqual({ choice: "Liver" });
    expect(classifyLesionSite("liver")).toEqual({ choice: "other", text: "liver" });
    expect(classifyLesionSite("Hepar")).toEqual({ choice: "other", text: "Hepar" });
    expect(classifyLesionSite("")).toEqual({ choice: null });
  });

  it("lists each site once", () => {
    expect(new Set(LESION_SITES).size).toBe(LESION_SITES.length);
  });
});
