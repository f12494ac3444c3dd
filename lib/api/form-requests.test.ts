import { describe, expect, test } from "vitest";
import { ValidationError } from "@/lib/errors";
import { getFormDefinition } from "@/lib/forms/registry";
import { resolveVisitKey, withBodyFieldPaths } from "./form-requests";

const form = (type: string) => getFormDefinition(type)!;
const fieldErrorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as ValidationError).fieldErrors;
  }
  throw new Error("no error");
};

describe("the visit a form is created under", () => {
  test("screening, baseline and end-of-study forms have their fixed visit", () => {
    expect(resolveVisitKey(form("eligibility"), undefined)).toBe("screening");
    expect(resolveVisitKey(form("tumour-baseline"), "baseline-imaging")).toBe("baseline-imaging");
    expect(resolveVisitKey(form("end-of-study"), null)).toBe("end-of-study");
    expect(fieldErrorsOf(() => resolveVisitKey(form("baseline"), "week4"))).toEqual({ visitKey: [expect.stringContaining("baseline visit")] });
  });

  test("visit forms need a scheduled visit", () => {
    expect(resolveVisitKey(form("dosing"), "day1")).toBe("day1");
    expect(resolveVisitKey(form("labs"), "week12")).toBe("week12");
    for (const bad of [undefined, null, "week0", "tomorrow", "week4 "]) {
      expect(fieldErrorsOf(() => resolveVisitKey(form("tumour-assessment"), bad))).toHaveProperty("visitKey");
    }
  });

  test("adverse events are events, with no visit", () => {
    expect(resolveVisitKey(form("adverse-event"), undefined)).toBeNull();
    expect(fieldErrorsOf(() => resolveVisitKey(form("adverse-event"), "day1"))).toHaveProperty("visitKey");
  });
});

test("form field errors are re-keyed to their path in the request body", async () => {
  const failing = Promise.reject(new ValidationError({ weightKg: ["Too heavy"], "lesions.0.site": ["Required"], reason: ["Give a reason"], _form: ["No"] }));
  const error = await withBodyFieldPaths(failing).catch((e: unknown) => e);
  expect((error as ValidationError).fieldErrors).toEqual({
    "data.weightKg": ["Too heavy"],
    "data.lesions.0.site": ["Required"],
    reason: ["Give a reason"],
    _form: ["No"],
  });
  await expect(withBodyFieldPaths(Promise.resolve(7))).resolves.toBe(7);
});
