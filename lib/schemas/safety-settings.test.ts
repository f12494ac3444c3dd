import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./field-errors";
import { UpdateDoseModificationSchema, UpdatePregnancyPreventionSchema } from "./safety-settings";

const pregnancy = {
  firstDoseTestWindowHours: "24",
  retestIntervalDays: "28",
  counsellingRequired: true,
  maleCounsellingRequired: true,
  maxSupplyDays: "28",
};
const rule = {
  term: "Peripheral sensory neuropathy",
  minGrade: "2",
  drug: "thalidomide",
  action: "hold",
  restart: "Restart at a lower level when grade 1 or less",
};

describe("the safety settings forms' schemas", () => {
  it("read the typed numbers and keep the REMS maxima, each error on its field", () => {
    expect(
      UpdatePregnancyPreventionSchema.parse({ rules: pregnancy, expectedVersion: 1, reason: "Amendment 3" }).rules,
    ).toEqual({ ...pregnancy, firstDoseTestWindowHours: 24, retestIntervalDays: 28, maxSupplyDays: 28 });
    const bad = UpdatePregnancyPreventionSchema.safeParse({
      rules: { ...pregnancy, maxSupplyDays: "35", retestIntervalDays: "1.5" },
      expectedVersion: 1,
      reason: "",
    });
    expect(bad.success ? {} : toFieldErrors(bad.error.issues)).toEqual({
      "rules.maxSupplyDays": ["At most 28 days (the REMS maximum)"],
      "rules.retestIntervalDays": ["Whole numbers only"],
      reason: ["Give a reason for the change (at least 3 characters)"],
    });
  });

  it("check every row of the dose-modification table and refuse an empty table", () => {
    expect(
      UpdateDoseModificationSchema.parse({ rules: [rule], expectedVersion: 1, reason: "Amendment 3" }).rules[0],
    ).toMatchObject({ minGrade: 2 });
    const bad = UpdateDoseModificationSchema.safeParse({
      rules: [rule, { ...rule, term: "", minGrade: "7", action: "halve" }],
      expectedVersion: 1,
      reason: "Amendment 3",
    });
    expect(bad.success ? {} : toFieldErrors(bad.error.issues)).toEqual({
      "rules.1.term": ["Enter the CTCAE term"],
      "rules.1.minGrade": ["Grade 1 to 5"],
      "rules.1.action": ["Choose continue, reduce, hold or discontinue"],
    });
    const empty = UpdateDoseModificationSchema.safeParse({ rules: [], expectedVersion: 1, reason: "Amendment 3" });
    expect(empty.success ? {} : toFieldErrors(empty.error.issues)).toEqual({
      rules: ["The table needs at least one row"],
    });
  });
});
