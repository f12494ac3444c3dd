import { describe, expect, test } from "vitest";
import { summarizeEnrollment, type EnrollmentDay, type EnrollmentStatusCount } from "./enrollment-summary";

type Patient = { siteId: string; status: string; enrollmentDate: string | null };

/** What the data layer's GROUP BYs give for these patients, one patient at a time. */
function grouped(patients: readonly Patient[]): [EnrollmentStatusCount[], EnrollmentDay[]] {
  const statuses = new Map<string, EnrollmentStatusCount>();
  const days = new Map<string, EnrollmentDay>();
  for (const p of patients) {
    const enrolled = p.enrollmentDate !== null;
    const key = `${p.siteId} ${p.status} ${enrolled}`;
    const group = statuses.get(key) ?? { siteId: p.siteId, status: p.status, enrolled, patients: 0 };
    statuses.set(key, { ...group, patients: group.patients + 1 });
    if (p.enrollmentDate === null) continue;
    const day = days.get(`${p.siteId} ${p.enrollmentDate}`) ?? {
      siteId: p.siteId,
      date: p.enrollmentDate,
      patients: 0,
    };
    days.set(`${p.siteId} ${p.enrollmentDate}`, { ...day, patients: day.patients + 1 });
  }
  return [[...statuses.values()], [...days.values()]];
}
const summarize = (sites: Parameters<typeof summarizeEnrollment>[0], patients: readonly Patient[]) =>
  summarizeEnrollment(sites, ...grouped(patients));

describe("summarizeEnrollment", () => {
  const sites = [
    { id: "a", code: "TW01", name: "Taipei", targetEnrollment: 3 },
    { id: "b", code: "TW02", name: "Kaohsiung", targetEnrollment: 2 },
  ];
  const patients = [
    { siteId: "a", status: "ON_TREATMENT", enrollmentDate: "2024-03-01" },
    { siteId: "a", status: "DEAD", enrollmentDate: "2024-01-10" },
    { siteId: "a", status: "SCREEN_FAILED", enrollmentDate: null },
    { siteId: "b", status: "OFF_TREATMENT", enrollmentDate: "2024-02-01" },
    { siteId: "b", status: "SCREENING", enrollmentDate: null },
    { siteId: "elsewhere", status: "ON_TREATMENT", enrollmentDate: "2024-02-01" },
  ];

  test("counts per site and in total against the sum of the targets, ignoring sites out of scope", () => {
    const summary = summarize(sites, patients);
    expect(summary.sites[0]).toMatchObject({
      code: "TW01",
      screened: 3,
      screenFailed: 1,
      enrolled: 2,
      onTreatment: 1,
      offStudy: 1,
      target: 3,
    });
    expect(summary.sites[1]).toMatchObject({
      code: "TW02",
      screened: 2,
      inScreening: 1,
      enrolled: 1,
      inFollowUp: 1,
      percentOfTarget: 50,
    });
    expect(summary.total).toMatchObject({ screened: 5, enrolled: 3, target: 5, percentOfTarget: 60 });
  });

  test("cumulative enrollment steps up by date per site", () => {
    expect(summarize(sites, patients).cumulative[0]).toEqual({
      code: "TW01",
      points: [
        { date: "2024-01-10", enrolled: 1 },
        { date: "2024-03-01", enrolled: 2 },
      ],
    });
  });

  test("patients enrolled on the same day make one step", () => {
    const sameDay = [
      ...patients,
      { siteId: "a", status: "ON_TREATMENT", enrollmentDate: "2024-03-01" },
      { siteId: "a", status: "OFF_TREATMENT", enrollmentDate: "2024-03-01" },
    ];
    expect(summarize(sites, sameDay).cumulative[0]!.points).toEqual([
      { date: "2024-01-10", enrolled: 1 },
      { date: "2024-03-01", enrolled: 4 },
    ]);
    expect(summarize(sites, sameDay).sites[0]).toMatchObject({
      screened: 5,
      enrolled: 4,
      onTreatment: 2,
      inFollowUp: 1,
    });
  });
});
