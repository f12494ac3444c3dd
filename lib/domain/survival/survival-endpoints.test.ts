import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { parseIsoDateToDayNumber } from "../iso-date";
import { DAYS_PER_MONTH, deriveSurvivalEndpoints } from "./survival-endpoints";

describe("deriveSurvivalEndpoints", () => {
  it("uses 30.4375 days per month (365.25 / 12)", () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
  });

  it("progression then death: PFS event at progression, OS event at death (leap year counted)", () => {
    const r = deriveSurvivalEndpoints({
      enrollmentDate: "2024-01-01",
      progressionDate: "2024-03-01",
      deathDate: "2024-05-01",
      lastContactDate: "2024-04-15",
    });
    expect(r.pfs).toEqual({ timeDays: 60, timeMonths: 60 / 30.4375, event: 1 });
    expect(r.os).toEqual({ timeDays: 121, timeMonths: 121 / 30.4375, event: 1 });
  });

  it("death without progression is a PFS event at death", () => {
    const r = deriveSurvivalEndpoints({
      enrollmentDate: "2010-06-15",
      deathDate: "2010-08-14",
      lastContactDate: "2010-08-01",
    });
    expect(r.pfs).toEqual(r.os);
    expect(r.pfs).toMatchObject({ timeDays: 60, event: 1 });
  });

  it("progression and death on the same day are both allowed", () => {
    const r = deriveSurvivalEndpoints({
      enrollmentDate: "2010-01-01",
      progressionDate: "2010-02-01",
      deathDate: "2010-02-01",
      lastContactDate: "2010-02-01",
    });
    expect(r.pfs).toMatchObject({ timeDays: 31, event: 1 });
    expect(r.os).toMatchObject({ timeDays: 31, event: 1 });
  });

  it("alive without progression: both censored at last contact, PFS at the last assessment when given", () => {
    const base = { enrollmentDate: "2011-01-10", lastContactDate: "2011-07-10" };
    expect(deriveSurvivalEndpoints(base)).toEqual({
      pfs: { timeDays: 181, timeMonths: 181 / 30.4375, event: 0 },
      os: { timeDays: 181, timeMonths: 181 / 30.4375, event: 0 },
    });
    const r = deriveSurvivalEndpoints({ ...base, lastAssessmentDate: "2011-06-01" });
    expect(r.pfs).toMatchObject({ timeDays: 142, event: 0 });
    expect(r.os).toMatchObject({ timeDays: 181, event: 0 });
  });

  it("progressed, alive: PFS event, OS censored at last contact", () => {
    const r = deriveSurvivalEndpoints({
      enrollmentDate: "2011-01-10",
      progressionDate: "2011-03-10",
      lastContactDate: "2011-05-10",
    });
    expect(r.pfs).toMatchObject({ timeDays: 59, event: 1 });
    expect(r.os).toMatchObject({ timeDays: 120, event: 0 });
  });

  it("counts whole calendar days across daylight-saving changes", () => {
    const r = deriveSurvivalEndpoints({ enrollmentDate: "2024-03-30", lastContactDate: "2024-04-01" });
    expect(r.os.timeDays).toBe(2);
    expect(parseIsoDateToDayNumber("1970-01-02", "x")).toBe(1);
  });

  it.each([
    [{ enrollmentDate: "2024-1-05", lastContactDate: "2024-02-01" }, "enrollmentDate"],
    [{ enrollmentDate: "2023-02-29", lastContactDate: "2024-02-01" }, "enrollmentDate"],
    [{ enrollmentDate: "2024-01-05", lastContactDate: "2024-13-01" }, "lastContactDate"],
    [{ enrollmentDate: "2024-01-05", lastContactDate: "2024-01-04" }, "lastContactDate"],
    [{ enrollmentDate: "2024-01-05", progressionDate: "2024-01-04", lastContactDate: "2024-02-01" }, "progressionDate"],
    [{ enrollmentDate: "2024-01-05", progressionDate: "2024-03-01", lastContactDate: "2024-02-01" }, "progressionDate"],
    [
      {
        enrollmentDate: "2024-01-05",
        progressionDate: "2024-02-01",
        deathDate: "2024-01-31",
        lastContactDate: "2024-01-31",
      },
      "deathDate",
    ],
    [{ enrollmentDate: "2024-01-05", deathDate: "2024-01-31", lastContactDate: "2024-02-01" }, "lastContactDate"],
    [{ enrollmentDate: "2024-01-05", deathDate: "2024-01-04", lastContactDate: "2024-01-04" }, "lastContactDate"],
    [
      { enrollmentDate: "2024-01-05", lastAssessmentDate: "2024-03-01", lastContactDate: "2024-02-01" },
      "lastAssessmentDate",
    ],
    [
      {
        enrollmentDate: "2024-01-05",
        progressionDate: "2024-01-20",
        lastAssessmentDate: "2024-01-25",
        lastContactDate: "2024-02-01",
      },
      "lastAssessmentDate",
    ],
  ])("rejects %j (field %s)", (dates, field) => {
    let thrown: unknown;
    try {
      deriveSurvivalEndpoints(dates);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalcInputError);
    expect((thrown as CalcInputError).field).toBe(field);
  });
});
