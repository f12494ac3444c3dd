import { describe, expect, it } from "vitest";
import { dosingVisit, drugGiven } from "@/test/fixtures/dosing-data";
import { DosingSchema, type DosingData } from "./dosing-schema";

const drug = drugGiven(168);
const valid = dosingVisit({ visitDate: "2026-03-01", weightKg: 80, heightCm: 180, uft: drug, thalidomide: drug });
const errorsOf = (data: unknown) => {
  const result = DosingSchema.safeParse(data);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};
const withUft = (uft: Partial<DosingData["uft"]>) => ({ ...valid, uft: { ...valid.uft, ...uft } });

describe("DosingSchema", () => {
  it("accepts a complete visit", () => expect(errorsOf(valid)).toEqual({}));

  it("asks for a reason when a drug is held, reduced or discontinued, and for text when it is 'other'", () => {
    expect(errorsOf({ ...valid, thalidomide: { ...drug, status: "held" } })).toEqual({
      "thalidomide.statusReason": "Give the reason the dose was held",
    });
    expect(errorsOf(withUft({ status: "discontinued", statusReason: "other", statusReasonText: " " }))).toEqual({
      "uft.statusReasonText": "Describe the reason (at least 3 characters)",
    });
    expect(errorsOf(withUft({ doseLevel: -1, status: "reduced", statusReason: "toxicity" }))).toEqual({});
  });

  it("asks for a reason when the prescribed capsules differ from the computed dose (3 capsules at 180 cm, 80 kg)", () => {
    expect(errorsOf(withUft({ prescribedCapsulesPerDose: 3 }))).toEqual({});
    expect(errorsOf(withUft({ prescribedCapsulesPerDose: 2 }))).toEqual({
      "uft.overrideReason": "Give the reason for prescribing 2 instead of the computed 3 capsules per dose",
    });
    expect(errorsOf(withUft({ prescribedCapsulesPerDose: 2, overrideReason: "Patient preference, frail" }))).toEqual(
      {},
    );
  });

  it("refuses implausible measurements, unknown dose levels and fractional capsules", () => {
    expect(errorsOf({ ...withUft({ doseLevel: -3, capsulesDispensed: 1.5 }), weightKg: 7, heightCm: null })).toEqual({
      weightKg: "The weight must be 25-250 kg",
      heightCm: "Enter the height (cm)",
      "uft.doseLevel": "Choose a UFT dose level from the protocol's table",
      "uft.capsulesDispensed": "Enter the capsules dispensed as a whole number",
    });
  });
});
