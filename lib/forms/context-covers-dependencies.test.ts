import { describe, expect, test } from "vitest";
import { listFormDefinitions } from "./registry";

// A form that narrows the records loaded for its rules (contextFormTypes, a speed-up) must
// still load every form type its computed values read (`dependsOn`), or a save would
// compute from a context missing data the recomputation of dependents later sees.
describe("a form's save context holds every form its compute reads", () => {
  for (const definition of listFormDefinitions()) {
    const loaded = definition.contextFormTypes;
    if (!loaded) continue;
    test(definition.type, () => {
      const reads = definition.dependsOn ?? [];
      expect(reads.filter((type) => !loaded.includes(type))).toEqual([]);
    });
  }
});
