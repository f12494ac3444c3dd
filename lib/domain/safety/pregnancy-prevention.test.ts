import { describe, expect, it } from "vitest";
import {
  checkThalidomideDispensing,
  isFemaleOfReproductivePotential,
  type PregnancyPreventionRecord,
} from "./pregnancy-prevention";

// The Thalomid REMS figures: 24 hours before the first dose, every 4 weeks, a 28-day supply.
const RULES = {
  firstDoseTestWindowHours: 24,
  retestIntervalDays: 28,
  counsellingRequired: true,
  maleCounsellingRequired: true,
  maxSupplyDays: 28,
};
const female = { sex: "female" };
const first = { visitDate: "2026-03-10", firstDispensing: true, capsulesDispensed: 112, capsulesPerDay: 4 };
const test = (
  date: string,
  testResult: "negative" | "positive" | null,
  counselled = true,
): PregnancyPreventionRecord => ({ date, category: "female-reproductive-potential", counselled, testResult });

describe("checkThalidomideDispensing", () => {
  it("refuses a female of reproductive potential with no test or counselling, naming both", () => {
    const errors = checkThalidomideDispensing(RULES, female, first, []);
    expect(errors["thalidomide.status"]?.[0]).toMatch(
      /No negative pregnancy test within 24 hours before the first dose \(from 2026-03-09 to 2026-03-10\)/,
    );
    expect(errors["thalidomide.status"]?.[0]).toMatch(/Counselling .* is not confirmed/);
  });

  it("accepts a negative test on the day before the first dose, and refuses one two days before", () => {
    expect(checkThalidomideDispensing(RULES, female, first, [test("2026-03-09", "negative")])).toEqual({});
    expect(
      checkThalidomideDispensing(RULES, female, first, [test("2026-03-08", "negative")])["thalidomide.status"],
    ).toHaveLength(1);
  });

  it("uses the re-test interval for later dispensings", () => {
    const later = { ...first, firstDispensing: false, visitDate: "2026-04-07" };
    expect(checkThalidomideDispensing(RULES, female, later, [test("2026-03-10", "negative")])).toEqual({});
    expect(
      checkThalidomideDispensing(RULES, female, { ...later, visitDate: "2026-04-08" }, [
        test("2026-03-10", "negative"),
      ])["thalidomide.status"]?.[0],
    ).toMatch(/last 28 days/);
  });

  it("stops dispensing after a positive test, for anyone, even with a later negative one in the window", () => {
    const errors = checkThalidomideDispensing(RULES, female, first, [
      test("2026-03-09", "positive"),
      test("2026-03-10", "negative"),
    ]);
    expect(errors["thalidomide.status"]?.[0]).toMatch(/positive pregnancy test was recorded on 2026-03-09/);
  });

  it("ignores records after the visit (editing an earlier visit)", () => {
    expect(
      checkThalidomideDispensing(RULES, female, first, [
        test("2026-03-10", "negative"),
        test("2026-03-20", "positive"),
      ]),
    ).toEqual({});
  });

  it("asks only counselling of a male patient, and of a female not of reproductive potential only the supply", () => {
    expect(checkThalidomideDispensing(RULES, { sex: "male" }, first, [])["thalidomide.status"]?.[0]).toMatch(
      /male patient on contraception/,
    );
    expect(
      checkThalidomideDispensing(RULES, { sex: "male" }, first, [
        { date: "2026-03-01", category: "male", counselled: true, testResult: null },
      ]),
    ).toEqual({});
    const menopause: PregnancyPreventionRecord = {
      date: "2026-03-01",
      category: "female-no-reproductive-potential",
      counselled: false,
      testResult: null,
    };
    expect(checkThalidomideDispensing(RULES, female, first, [menopause])).toEqual({});
  });

  it("refuses a patient whose baseline sex is not recorded, naming it, whatever the other records say", () => {
    const errors = checkThalidomideDispensing(RULES, { sex: null }, first, [test("2026-03-10", "negative")]);
    expect(errors).toEqual({
      "thalidomide.status": [
        "Thalidomide cannot be dispensed: The baseline form does not record the patient's sex, so the pregnancy prevention category (female of reproductive potential or not, male) is unknown: record the sex on the baseline form first.",
      ],
    });
    expect(Object.keys(checkThalidomideDispensing(RULES, { sex: "unknown" }, first, []))).toEqual([
      "thalidomide.status",
    ]);
  });

  it("refuses more than the maximum supply on the dispensed count", () => {
    const errors = checkThalidomideDispensing(RULES, female, { ...first, capsulesDispensed: 113 }, [
      test("2026-03-10", "negative"),
    ]);
    expect(errors).toEqual({
      "thalidomide.capsulesDispensed": ["At most a 28-day supply may be dispensed: 112 capsules at 4 a day"],
    });
  });
});

describe("isFemaleOfReproductivePotential", () => {
  it("is every female unless the latest stated category says otherwise", () => {
    expect(isFemaleOfReproductivePotential("female", [])).toBe(true);
    expect(isFemaleOfReproductivePotential("male", [])).toBe(false);
    const no: PregnancyPreventionRecord = {
      date: "2026-01-01",
      category: "female-no-reproductive-potential",
      counselled: false,
      testResult: null,
    };
    expect(isFemaleOfReproductivePotential("female", [no])).toBe(false);
    expect(isFemaleOfReproductivePotential("female", [no, test("2026-02-01", "negative")])).toBe(true);
  });
});
