import { describe, expect, it } from "vitest";
import type { FormContext, RelatedRecord } from "@/lib/forms/form-definition";
import { evaluateDosing } from "./compute-dosing";
import type { DosingData } from "./dosing-schema";
import { suggestDosingDefaults } from "./dosing-history";

const drug = (extra: Partial<DosingData["thalidomide"]> = {}) => ({
  doseLevel: 0,
  status: "given" as const,
  statusReason: null,
  statusReasonText: "",
  capsulesDispensed: null,
  capsulesReturned: null,
  ...extra,
});
const visit = (extra: Partial<DosingData> = {}): DosingData => ({
  visitDate: "2026-03-01",
  weightKg: 80,
  heightCm: 180,
  uft: { ...drug(), prescribedCapsulesPerDose: null, overrideReason: "" },
  thalidomide: drug(),
  ...extra,
});
const context = (records: RelatedRecord[] = []): FormContext => ({
  screeningDate: "2026-02-20",
  enrollmentDate: "2026-03-01",
  records,
});
const saved = (data: DosingData, visitKey: string): RelatedRecord => ({
  id: visitKey,
  formType: "dosing",
  visitKey,
  data,
  computed: evaluateDosing(data, context()).computed as unknown as Record<string, unknown>,
});

describe("evaluateDosing", () => {
  it("computes BSA (Mosteller) and the UFT dose in whole capsules, and the thalidomide dose", () => {
    const { computed, issues } = evaluateDosing(visit(), context());
    expect(issues).toEqual({});
    expect(computed.bsaM2).toBeCloseTo(2, 12); // sqrt(180 x 80 / 3600)
    expect(computed.uft).toMatchObject({
      rawMg: 250,
      capsulesPerDose: 3,
      roundedMg: 300,
      capsulesPerDay: 6,
      rule: "nearest 100 mg capsule, halves up",
    });
    expect(computed.thalidomide).toMatchObject({
      mgPerDose: 100,
      dosesPerDay: 2,
      capsulesPerDose: 2,
      capsulesPerDay: 4,
    });
    expect(computed.summary).toBe("UFT 3 caps bid (level 0), thalidomide 100 mg bid");
    expect(computed.weightChange).toBeNull();
    expect(computed.uft?.complianceNote).toBe("first dosing visit: no previous period");
  });

  it("records an override, holds and reduced levels in the summary", () => {
    const { computed } = evaluateDosing(
      visit({
        uft: {
          ...visit().uft,
          doseLevel: -1,
          status: "reduced",
          statusReason: "toxicity",
          prescribedCapsulesPerDose: 1,
          overrideReason: "Diarrhoea",
        },
        thalidomide: drug({ status: "held", statusReason: "toxicity" }),
      }),
      context(),
    );
    expect(computed.uft).toMatchObject({
      computedCapsulesPerDose: 2,
      capsulesPerDose: 1,
      overridden: true,
      capsulesPerDay: 2,
    });
    expect(computed.thalidomide?.capsulesPerDay).toBe(0);
    expect(computed.summary).toBe("UFT 1 caps bid (level -1, override), thalidomide held");
  });

  it("flags a weight change of 10% or more since the previous dosing visit; the dose is from today's weight", () => {
    const day1 = saved(
      visit({ uft: { ...visit().uft, capsulesDispensed: 168 }, thalidomide: drug({ capsulesDispensed: 112 }) }),
      "day1",
    );
    const week4 = visit({
      visitDate: "2026-03-29",
      weightKg: 70,
      uft: { ...visit().uft, capsulesReturned: 12 },
      thalidomide: drug({ capsulesReturned: 0 }),
    });
    const { computed, issues } = evaluateDosing(week4, context([day1]));
    expect(issues).toEqual({});
    expect(computed.weightChange).toMatchObject({
      previousWeightKg: 80,
      changePct: -12.5,
      recalculate: true,
      message: "recalculate: weight changed by -12.5% since the dose was set",
    });
    expect(computed.uft?.capsulesPerDose).toBe(2);
    expect(computed.previousVisit).toEqual({ visitKey: "day1", visitDate: "2026-03-01", days: 28 });
    // (168 - 12) / (6 x 28) and (112 - 0) / (4 x 28)
    expect(computed.uft?.compliance?.compliancePct).toBeCloseTo(92.857, 3);
    expect(computed.thalidomide?.compliance).toMatchObject({
      compliancePct: 100,
      takenCapsules: 112,
      prescribedCapsules: 112,
    });
    expect(evaluateDosing({ ...week4, weightKg: 75 }, context([day1])).computed.weightChange).toMatchObject({
      recalculate: false,
      message: null,
    });
  });

  it("reports returned capsules that cannot be right as field issues", () => {
    const day1 = saved(
      visit({
        uft: { ...visit().uft, capsulesDispensed: 10 },
        thalidomide: drug({ status: "held", statusReason: "toxicity", capsulesDispensed: 0 }),
      }),
      "day1",
    );
    const { computed, issues } = evaluateDosing(
      visit({ visitDate: "2026-03-29", uft: { ...visit().uft, capsulesReturned: 11 } }),
      context([day1]),
    );
    expect(issues).toEqual({
      "uft.capsulesReturned": ["Returned (11) cannot exceed the 10 capsules dispensed on 2026-03-01"],
    });
    expect(computed.thalidomide?.complianceNote).toMatch(/held or discontinued/);
    expect(evaluateDosing(visit({ uft: { ...visit().uft, capsulesReturned: 3 } }), context()).issues).toEqual({
      "uft.capsulesReturned": ["There is no earlier dosing visit to return capsules from"],
    });
  });

  it("computes what it can from a half-filled form", () => {
    const { computed } = evaluateDosing(
      { heightCm: 180, weightKg: Number.NaN, uft: { doseLevel: 0 }, thalidomide: { doseLevel: -1 } },
      context(),
    );
    expect(computed).toMatchObject({ bsaM2: null, uft: null, thalidomide: { mgPerDose: 100, dosesPerDay: 1 } });
    expect(computed.summary).toBe("UFT dose not computed, thalidomide 100 mg daily (level -1)");
  });
});

describe("suggestDosingDefaults", () => {
  it("takes the height from baseline, else the last dosing visit, and keeps the last dose levels", () => {
    expect(suggestDosingDefaults(context())).toEqual({
      heightCm: null,
      heightSource: "the previous dosing visit",
      uftLevel: 0,
      thalidomideLevel: 0,
      levelSource: "the protocol's starting dose",
    });
    const day1 = saved(
      visit({ heightCm: 175, uft: { ...visit().uft, doseLevel: -1, status: "reduced", statusReason: "toxicity" } }),
      "day1",
    );
    expect(suggestDosingDefaults(context([day1]))).toEqual({
      heightCm: 175,
      heightSource: "the previous dosing visit",
      uftLevel: -1,
      thalidomideLevel: 0,
      levelSource: "the previous dosing visit",
    });
    const baseline: RelatedRecord = {
      id: "b",
      formType: "baseline",
      visitKey: "baseline",
      data: { heightCm: 172.5 },
      computed: {},
    };
    expect(suggestDosingDefaults(context([baseline, day1]))).toMatchObject({
      heightCm: 172.5,
      heightSource: "the baseline form",
    });
    expect(suggestDosingDefaults(context([{ ...baseline, data: { heightCm: "tall" } }])).heightCm).toBeNull();
  });
});
