import { describe, expect, test } from "vitest";
import { getFormDefinition, listFormDefinitions } from "@/lib/forms/registry";
import { buildFormLayout, flattenComputed, readGroupRows, readPath } from "./form-layout";
import { findUnit } from "./units";

const layoutOf = (type: string) => buildFormLayout(getFormDefinition(type)!);

describe("the export layout generated from the zod schemas", () => {
  test("nested objects become dotted paths with their labels, units and code lists", () => {
    const baseline = layoutOf("baseline");
    const item = (path: string) => baseline.items.find((i) => i.path === path);
    expect(item("heightCm")).toEqual({
      path: "heightCm",
      label: "Height (cm)",
      type: "float",
      allowedValues: [],
      unit: "cm",
      multiple: false,
    });
    expect(item("ecogPs")).toMatchObject({ type: "integer", unit: null });
    expect(item("assessmentDate")).toMatchObject({ type: "date" });
    expect(item("bilirubin.unit")).toMatchObject({ allowedValues: ["mg/dL", "umol/L"] });
    expect(item("extrahepaticSites")).toMatchObject({
      multiple: true,
      label: "Site of extrahepatic spread",
      allowedValues: ["lung", "lymph-nodes", "bone", "adrenal", "peritoneum", "other"],
    });
    expect(baseline.groups).toEqual([]);
  });

  test("lists of objects become repeating groups with their own labels", () => {
    const tumour = layoutOf("tumour-baseline");
    expect(tumour.groups.map((g) => g.path)).toEqual(["targetLesions", "nonTargetLesions"]);
    expect(tumour.groups[0]!.items.find((i) => i.path === "longestDiameterMm")).toMatchObject({
      label: "Target lesion longest diameter (mm)",
      unit: "mm",
      type: "float",
    });
    expect(layoutOf("cytokines").groups[0]!.items.map((i) => i.path)).toEqual([
      "analyte",
      "value",
      "unit",
      "lloq",
      "belowLloq",
    ]);
  });

  test("every form has a layout, and every item its label from the form definition", () => {
    for (const form of listFormDefinitions()) {
      const layout = buildFormLayout(form);
      expect(layout.items.length).toBeGreaterThan(0);
      const unlabelled = [
        ...layout.items
          .filter((i) => form.labels[i.path] === undefined && form.labels[`${i.path}.*`] === undefined)
          .map((i) => i.path),
        ...layout.groups.flatMap((g) =>
          g.items.filter((i) => form.labels[`${g.path}.*.${i.path}`] === undefined).map((i) => `${g.path}.*.${i.path}`),
        ),
      ];
      expect(unlabelled, form.type).toEqual([]);
    }
    expect(layoutOf("adverse-event").items.find((i) => i.path === "awareAt")).toMatchObject({ type: "datetime" });
  });

  test("reads paths and group rows defensively", () => {
    expect(readPath({ a: { b: 2 } }, "a.b")).toBe(2);
    expect(readPath({ a: null }, "a.b")).toBeUndefined();
    expect(
      readGroupRows({ analytes: [{ analyte: "IL-6" }, null, 3] }, { path: "analytes", label: "", items: [] }),
    ).toEqual([{ analyte: "IL-6" }]);
  });

  test("computed values flatten through objects only", () => {
    expect(
      flattenComputed({
        bsaM2: 1.8,
        uft: { dose: 200, rule: "r" },
        reasons: ["a"],
        grade3Plus: [{ test: "ast" }],
        none: null,
      }),
    ).toEqual({
      bsaM2: 1.8,
      "uft.dose": 200,
      "uft.rule": "r",
      reasons: ["a"],
      grade3Plus: [{ test: "ast" }],
      none: null,
    });
  });
});

describe("units", () => {
  test.each([
    ["heightCm", "Height (cm)", "cm"],
    ["ecogPs", "ECOG performance status (0-5)", null],
    ["bsaM2", undefined, "m2"],
    ["uft.mgPerM2", undefined, "mg/m2"],
    ["bilirubinMgPerDl", undefined, "mg/dL"],
    ["pctFromBaseline", undefined, "%"],
    ["pfsMonths", undefined, "months"],
    ["thalidomide.mgPerDose", undefined, "mg"],
    ["summary", undefined, null],
  ] as const)("%s -> %s", (path, label, unit) => {
    expect(findUnit(path, label)).toBe(unit);
  });
});
