import { expect, test } from "vitest";
import { ValidationError } from "@/lib/errors";
import { withBodyFieldPaths } from "./form-requests";

test("form field errors are re-keyed to their path in the request body", async () => {
  const failing = Promise.reject(
    new ValidationError({
      weightKg: ["Too heavy"],
      "lesions.0.site": ["Required"],
      reason: ["Give a reason"],
      _form: ["No"],
    }),
  );
  const error = await withBodyFieldPaths(failing).catch((e: unknown) => e);
  expect((error as ValidationError).fieldErrors).toEqual({
    "data.weightKg": ["Too heavy"],
    "data.lesions.0.site": ["Required"],
    reason: ["Give a reason"],
    _form: ["No"],
  });
  await expect(withBodyFieldPaths(Promise.resolve(7))).resolves.toBe(7);
});
