import { describe, expect, test } from "vitest";
import { changePasswordSchemaFor } from "./change-password";

const schema = changePasswordSchemaFor("Monitor@Demo.test");
const errorsOf = (input: Record<string, string>) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("change password schema", () => {
  test("accepts a long new password that matches its confirmation", () => {
    expect(
      errorsOf({ currentPassword: "old", newPassword: "a-long-new-password", confirmPassword: "a-long-new-password" }),
    ).toEqual({});
  });

  test("requires at least 12 characters", () => {
    expect(errorsOf({ currentPassword: "old", newPassword: "short-11-ch", confirmPassword: "short-11-ch" })).toEqual({
      newPassword: "Use at least 12 characters",
    });
  });

  test("refuses the current password, the email (any case) and a mismatched confirmation", () => {
    expect(
      errorsOf({
        currentPassword: "same-password-1",
        newPassword: "same-password-1",
        confirmPassword: "same-password-1",
      }),
    ).toEqual({
      newPassword: "Choose a password different from your current one",
    });
    expect(
      errorsOf({ currentPassword: "old", newPassword: "monitor@demo.TEST", confirmPassword: "monitor@demo.TEST" }),
    ).toEqual({
      newPassword: "Do not use your email address as your password",
    });
    expect(
      errorsOf({ currentPassword: "old", newPassword: "a-long-new-password", confirmPassword: "a-long-new-passwort" }),
    ).toEqual({
      confirmPassword: "The passwords do not match",
    });
  });

  test("missing fields are reported, not thrown on", () => {
    expect(Object.keys(errorsOf({})).sort()).toEqual(["confirmPassword", "currentPassword", "newPassword"]);
  });

  test("names every empty field", () => {
    expect(Object.keys(errorsOf({ currentPassword: "", newPassword: "", confirmPassword: "" })).sort()).toEqual([
      "confirmPassword",
      "currentPassword",
      "newPassword",
    ]);
  });
});
