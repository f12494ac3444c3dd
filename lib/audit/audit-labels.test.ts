import { describe, expect, test } from "vitest";
import { actionLabel, entityLabel, fieldLabel, valueLabel } from "./audit-labels";

describe("audit labels", () => {
  test("fields by the labels their form gives them; raw paths only where the form has none", () => {
    expect(fieldLabel("form:eligibility", "consentDate")).toMatch(/consent/i);
    expect(fieldLabel("form:eligibility", "consentDate")).not.toBe("consentDate");
    expect(fieldLabel("form:eligibility", "sourceDataVerified.consentDate")).toBe(
      `Source verification: ${fieldLabel("form:eligibility", "consentDate")}`,
    );
    expect(fieldLabel("form:dosing", "computed.weightChange.recalculate")).toBe("Computed: weightChange.recalculate");
    expect(fieldLabel("patient", "screeningDate")).toBe("Screening date");
    expect(entityLabel("form:eligibility")).not.toBe("form:eligibility");
    expect(entityLabel("query")).toBe("Data query");
  });

  test("statuses, yes/no and option tokens as the screens show them", () => {
    expect(valueLabel("status", "OFF_TREATMENT")).toBe("Off treatment");
    expect(valueLabel("status", "DEAD")).toBe("Dead");
    expect(valueLabel("answers.E1", "yes")).toBe("Yes");
    expect(valueLabel("x", true)).toBe("Yes");
    expect(valueLabel("x", null)).toBe("(empty)");
    expect(valueLabel("ascites", "moderate-severe")).toBe("Moderate severe");
    expect(valueLabel("consentDate", "2026-01-14")).toBe("2026-01-14");
    expect(actionLabel("SIGN")).toBe("Signed");
    expect(actionLabel("QUERY_OPEN")).toBe("Query opened");
  });
});
