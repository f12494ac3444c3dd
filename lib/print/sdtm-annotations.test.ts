import { describe, expect, test } from "vitest";
import { buildFormLayout } from "@/lib/export/form-layout";
import { SDTM_DATASETS } from "@/lib/export/sdtm/datasets";
import { getFormDefinition } from "@/lib/forms/registry";
import { listFixedAnnotations, sdtmTargetOf, variablesNamedIn } from "./sdtm-annotations";

const known = new Set(SDTM_DATASETS.flatMap((d) => d.columns.map((c) => `${d.domain}.${c}`)));

function layoutPaths(formType: string): Set<string> {
  const definition = getFormDefinition(formType);
  if (!definition) return new Set();
  const layout = buildFormLayout(definition);
  return new Set([
    ...layout.items.map((i) => i.path),
    ...layout.groups.flatMap((g) => g.items.map((i) => `${g.path}.*.${i.path}`)),
  ]);
}

describe("annotated CRF targets", () => {
  test("every variable an annotation names exists in its SDTM dataset", () => {
    for (const { formType, path, target } of listFixedAnnotations()) {
      for (const variable of variablesNamedIn(target))
        expect(known.has(variable), `${formType} ${path}: ${variable}`).toBe(true);
    }
  });

  test("every annotated path is a field of its form (a renamed field fails here, not silently in the binder)", () => {
    for (const { formType, path } of listFixedAnnotations())
      expect(layoutPaths(formType).has(path), `${formType} ${path}`).toBe(true);
  });

  test("lab results map to LB by test code; an unknown test and unmapped fields have no target", () => {
    expect(sdtmTargetOf("labs", "results.ast.value")).toBe("LB.LBORRES (LBTESTCD=AST)");
    expect(sdtmTargetOf("labs", "results.platelets.uln")).toBe("LB.LBORNRHI (LBTESTCD=PLAT)");
    expect(sdtmTargetOf("labs", "results.madeUp.value")).toBeNull();
    expect(sdtmTargetOf("labs", "results.ast.implausibleReason")).toBeNull();
    for (const path of layoutPaths("labs")) {
      const target = sdtmTargetOf("labs", path);
      if (target) for (const variable of variablesNamedIn(target)) expect(known.has(variable)).toBe(true);
    }
  });
});
