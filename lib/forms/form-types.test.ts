import { describe, expect, expectTypeOf, it } from "vitest";
import type { DosingData } from "./dosing/dosing-schema";
import { FORM_TYPES, isFormType, readForm, type FormDataOf } from "./form-types";
import { listFormDefinitions } from "./registry";

describe("typed form data", () => {
  it("lists exactly the registry's form types, in its order", () => {
    expect([...FORM_TYPES]).toEqual(listFormDefinitions().map((f) => f.type));
  });

  it("readForm returns the record's data typed by its form, and null for a record of another form", () => {
    const data = { visitDate: "2026-02-09" };
    const dosing = readForm({ formType: "dosing", data }, "dosing");
    expectTypeOf(dosing).toEqualTypeOf<DosingData | null>();
    expectTypeOf<FormDataOf<"dosing">>().toEqualTypeOf<DosingData>();
    expect(dosing).toBe(data);
    expect(readForm({ formType: "labs", data }, "dosing")).toBeNull();
    // @ts-expect-error: a form type that does not exist does not compile
    readForm({ formType: "dosing", data }, "dossing");
  });

  it("isFormType tells registry form types from other strings", () => {
    expect(isFormType("adverse-event")).toBe(true);
    expect(isFormType("adverse_event")).toBe(false);
  });
});
