import { describe, expect, test } from "vitest";
import { addDays, classifyFormState, DEFAULT_SCHEDULE, listExpectedVisits } from "./visit-schedule";

describe("listExpectedVisits", () => {
  test("day 1, then every 4 weeks, with imaging every 8 weeks", () => {
    const visits = listExpectedVisits("2026-01-05", "2026-04-01", DEFAULT_SCHEDULE);
    expect(visits.map((v) => [v.key, v.dueDate, v.forms.join("+")])).toEqual([
      ["day1", "2026-01-05", "dosing+labs"],
      ["week4", "2026-02-02", "dosing+labs"],
      ["week8", "2026-03-02", "dosing+labs+tumour-assessment"],
      ["week12", "2026-03-30", "dosing+labs"],
    ]);
  });

  test("a visit due exactly on the last day is included, one day later is not", () => {
    expect(listExpectedVisits("2026-01-05", "2026-02-02", DEFAULT_SCHEDULE).map((v) => v.key)).toEqual([
      "day1",
      "week4",
    ]);
    expect(listExpectedVisits("2026-01-05", "2026-02-01", DEFAULT_SCHEDULE).map((v) => v.key)).toEqual(["day1"]);
  });

  test("the interval is configurable per study", () => {
    const visits = listExpectedVisits("2026-01-05", "2026-02-20", {
      visitIntervalDays: 21,
      imagingIntervalDays: 42,
      windowDays: 3,
      visitForms: ["dosing"],
      imagingForms: ["ct"],
    });
    expect(visits.map((v) => [v.key, v.forms.join("+"), v.windowEndDate])).toEqual([
      ["day1", "dosing", "2026-01-08"],
      ["week3", "dosing", "2026-01-29"],
      ["week6", "dosing+ct", "2026-02-19"],
    ]);
  });
});

describe("classifyFormState", () => {
  test("missing forms become overdue the day after the window ends", () => {
    expect(classifyFormState(null, "2026-02-09", "2026-02-09")).toBe("empty");
    expect(classifyFormState(null, "2026-02-09", "2026-02-10")).toBe("overdue");
    expect(classifyFormState("complete", "2026-02-09", "2026-03-01")).toBe("complete");
  });

  test("addDays crosses month and leap-year boundaries in UTC", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
