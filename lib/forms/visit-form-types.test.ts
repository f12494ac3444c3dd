import { expect, test } from "vitest";
import { VISIT_FORM_TYPES } from "@/lib/domain/schedule/visit-schedule";
import { listFormDefinitions } from "./registry";

test("the visit forms the study settings offer are exactly the forms placed at visits", () => {
  expect([...VISIT_FORM_TYPES].sort()).toEqual(
    listFormDefinitions("visit")
      .map((f) => f.type)
      .sort(),
  );
});
