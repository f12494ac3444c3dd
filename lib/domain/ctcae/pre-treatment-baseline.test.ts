import { describe, expect, it } from "vitest";
import { choosePreTreatmentBaseline, treatmentStartOf } from "./pre-treatment-baseline";

const sample = (sampleDate: string, value: number) => ({ sampleDate, value });

describe("choosePreTreatmentBaseline (CTCAE v5.0 baseline = pre-treatment value)", () => {
  it("picks the last value sampled on or before the first dose", () => {
    const candidates = [sample("2026-01-02", 30), sample("2026-01-10", 35), sample("2026-02-07", 120)];
    expect(choosePreTreatmentBaseline(candidates, "2026-03-07", "2026-01-10")).toEqual({
      status: "found",
      candidate: sample("2026-01-10", 35),
    });
    // Order of the list does not matter for different dates.
    expect(choosePreTreatmentBaseline([...candidates].reverse(), "2026-03-07", "2026-01-10")).toEqual({
      status: "found",
      candidate: sample("2026-01-10", 35),
    });
  });

  it("never picks an on-treatment value, even when it is the only earlier one", () => {
    // The case: no day-1 labs, week 4 on treatment, week 8 graded.
    expect(choosePreTreatmentBaseline([sample("2026-02-07", 120)], "2026-03-07", "2026-01-10")).toEqual({
      status: "missing",
    });
    expect(choosePreTreatmentBaseline([sample("2026-01-11", 40)], "2026-03-07", "2026-01-10")).toEqual({
      status: "missing",
    });
  });

  it("reports a missing baseline when nothing was sampled before treatment", () => {
    expect(choosePreTreatmentBaseline([], "2026-03-07", "2026-01-10")).toEqual({ status: "missing" });
  });

  it("a sample on or before the first dose is itself pre-treatment (no baseline to grade it against)", () => {
    expect(choosePreTreatmentBaseline([sample("2026-01-02", 30)], "2026-01-10", "2026-01-10")).toEqual({
      status: "pre-treatment",
    });
    expect(choosePreTreatmentBaseline([sample("2026-01-02", 30)], "2026-01-05", "2026-01-10")).toEqual({
      status: "pre-treatment",
    });
    expect(choosePreTreatmentBaseline([sample("2026-01-02", 30)], "2026-03-07", null)).toEqual({
      status: "pre-treatment",
    });
  });

  it("between two results of the same day, the later listed wins", () => {
    expect(
      choosePreTreatmentBaseline([sample("2026-01-10", 1), sample("2026-01-10", 2)], "2026-02-07", "2026-01-10"),
    ).toEqual({ status: "found", candidate: sample("2026-01-10", 2) });
  });
});

describe("treatmentStartOf", () => {
  it("is the first dose when one is recorded", () => {
    expect(treatmentStartOf("2026-01-12", "2026-01-10", 7)).toBe("2026-01-12");
  });
  it("is the end of the day-1 window after enrollment before any dose is recorded", () => {
    expect(treatmentStartOf(null, "2026-01-28", 7)).toBe("2026-02-04");
  });
  it("is unknown for a patient not enrolled", () => {
    expect(treatmentStartOf(null, null, 7)).toBeNull();
  });
});
