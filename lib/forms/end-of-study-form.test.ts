import { PROGRESSION_RULE } from "@/lib/domain/survival/progression-date";
import { describe, expect, test } from "vitest";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { EndOfStudySchema, emptyEndOfStudy, endOfStudyForm, statusFromEndOfStudy } from "./end-of-study-form";
import { deriveFollowUpEndpoints, findAssessedProgression } from "./end-of-study-endpoints";
import type { FormContext, RelatedRecord } from "./form-definition";

const empty = emptyEndOfStudy();
const errorsOf = (data: unknown) => {
  const result = EndOfStudySchema.safeParse(data);
  return result.success ? {} : toFieldErrors(result.error.issues);
};
const assessment = (visitKey: string, assessmentDate: unknown, response: unknown): RelatedRecord => ({
  id: visitKey,
  formType: "tumour-assessment",
  visitKey,
  data: { assessmentDate },
  computed: { response },
});
const context = (records: RelatedRecord[] = []): FormContext => ({
  screeningDate: "2026-01-05",
  enrollmentDate: "2026-01-15",
  records,
});

describe("follow-up and end of study", () => {
  test("each event needs its date and reason together; 'other' is described", () => {
    expect(
      errorsOf({
        ...empty,
        deathDate: "2026-05-01",
        offTreatmentReason: "toxicity",
        offStudyDate: "2026-05-02",
        offStudyReason: "other",
      }),
    ).toEqual({
      deathCause: ["Give the cause for death"],
      offTreatmentDate: ["Enter the date of going off treatment"],
      offStudyReasonOther: ["Describe the other reason"],
    });
  });

  test("dates in protocol order within the form", () => {
    expect(
      errorsOf({
        ...empty,
        progressionDate: "2026-03-10",
        deathDate: "2026-03-01",
        deathCause: "disease-progression",
        lastKnownAliveDate: "2026-03-05",
        offTreatmentDate: "2026-03-12",
        offTreatmentReason: "progression",
        offStudyDate: "2026-03-02",
        offStudyReason: "death",
      }),
    ).toEqual({
      offStudyDate: [
        "The off-study date cannot be before the off-treatment date",
        "The off-study date cannot be before the progression date",
      ],
      deathDate: ["The death date cannot be before the progression date"],
      lastKnownAliveDate: ["The last date known alive cannot be after the death date"],
    });
  });

  test("nothing before enrollment; progression not after the last date known alive", () => {
    const check = (data: object, records: RelatedRecord[] = []) =>
      endOfStudyForm.checkInContext!(EndOfStudySchema.parse({ ...empty, ...data }), context(records));
    expect(check({ lastKnownAliveDate: "2026-01-14" })).toEqual({
      lastKnownAliveDate: ["This date cannot be before enrollment (2026-01-15)"],
    });
    expect(check({ progressionDate: "2026-03-10", lastKnownAliveDate: "2026-03-01" })).toEqual({
      progressionDate: ["Check the dates: the progression date is after the last date known alive"],
    });
    expect(check({ lastKnownAliveDate: "2026-03-01" }, [assessment("week8", "2026-03-10", "SD")])).toEqual({
      lastKnownAliveDate: ["Check the dates: the last tumour assessment is after the last date known alive"],
    });
    expect(
      endOfStudyForm.checkInContext!(EndOfStudySchema.parse(empty), { ...context(), enrollmentDate: null }),
    ).toHaveProperty("_form");
  });

  test("PFS and OS from the dates: progression then death", () => {
    const data = EndOfStudySchema.parse({
      ...empty,
      progressionDate: "2026-03-13",
      deathDate: "2026-06-03",
      deathCause: "disease-progression",
    });
    expect(endOfStudyForm.compute!(data, context())).toMatchObject({
      progressionDate: "2026-03-13",
      progressionSource: "entered",
      pfsDays: 57,
      pfsEvent: 1,
      osDays: 139,
      osEvent: 1,
      summary: "PFS 1.9 mo (event), OS 4.6 mo (event)",
    });
    expect(statusFromEndOfStudy(data)).toBe("DEAD");
  });

  test("the progression date comes from the first PD assessment when none is entered; censored at the last assessment otherwise", () => {
    const records = [
      assessment("baseline", "2026-01-10", undefined),
      assessment("week8", "2026-03-12", "SD"),
      assessment("week16", "2026-05-07", "PD"),
      assessment("week24", "2026-07-02", "PD"),
    ];
    expect(findAssessedProgression(records, "2026-01-15")).toEqual({ date: "2026-05-07", visitKey: "week16" });
    const result = deriveFollowUpEndpoints(
      { progressionDate: null, lastKnownAliveDate: "2026-07-20", deathDate: null },
      "2026-01-15",
      records,
    );
    expect(result.progression).toEqual({ date: "2026-05-07", source: "assessments", rule: PROGRESSION_RULE });
    expect(result.endpoints).toMatchObject({ pfs: { timeDays: 112, event: 1 }, os: { timeDays: 186, event: 0 } });

    const noPd = deriveFollowUpEndpoints(
      { progressionDate: null, lastKnownAliveDate: "2026-04-01", deathDate: null },
      "2026-01-15",
      records.slice(0, 2),
    );
    expect(noPd.endpoints).toMatchObject({ pfs: { timeDays: 56, event: 0 }, os: { timeDays: 76, event: 0 } });
  });

  test("tolerates a missing or unexpected tumour assessment form", () => {
    const odd: RelatedRecord[] = [
      { id: "x", formType: "tumour-assessment", visitKey: null, data: null, computed: {} },
      assessment("w8", 20260312, "PD"),
      assessment("w9", "not a date", "PD"),
    ];
    expect(findAssessedProgression(odd, "2026-01-15")).toBeNull();
    expect(
      deriveFollowUpEndpoints({ progressionDate: null, lastKnownAliveDate: null, deathDate: null }, "2026-01-15", odd)
        .endpoints,
    ).toBeNull();
  });

  test("the patient status follows the most final event; a correction moves it back", () => {
    expect(
      statusFromEndOfStudy(
        EndOfStudySchema.parse({ ...empty, offTreatmentDate: "2026-03-01", offTreatmentReason: "toxicity" }),
      ),
    ).toBe("OFF_TREATMENT");
    expect(
      statusFromEndOfStudy(
        EndOfStudySchema.parse({
          ...empty,
          offTreatmentDate: "2026-03-01",
          offTreatmentReason: "toxicity",
          offStudyDate: "2026-04-01",
          offStudyReason: "consent-withdrawn",
        }),
      ),
    ).toBe("OFF_STUDY");
    expect(statusFromEndOfStudy(EndOfStudySchema.parse({ ...empty, lastKnownAliveDate: "2026-03-01" }))).toBe(
      "ON_TREATMENT",
    );
  });
});
