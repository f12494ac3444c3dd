import { describe, expect, test } from "vitest";
import { derivePatientOutcome } from "./efficacy";
import {
  buildSwimmerLanes,
  buildWaterfall,
  sortSwimmerLanes,
  sortWaterfall,
  toSwimmerLane,
  toWaterfallBar,
  type OutcomeInput,
} from "./waterfall-swimmer";

function patient(
  subjectId: string,
  assessments: OutcomeInput["assessments"],
  followUp: OutcomeInput["followUp"],
): OutcomeInput {
  const outcome = derivePatientOutcome({ enrollmentDate: "2024-01-01", assessments: [...assessments], ...followUp });
  return { subjectId, siteCode: "TW01", enrollmentDate: "2024-01-01", assessments, followUp, outcome };
}

const responder = patient(
  "TW01-001",
  [
    { date: "2024-02-26", visitKey: "week8", response: "PR", pctFromBaseline: -42 },
    { date: "2024-04-22", visitKey: "week16", response: "PR", pctFromBaseline: -48 },
    { date: "2024-06-17", visitKey: "week24", response: "PD", pctFromBaseline: -20 },
  ],
  { progressionDate: "2024-06-17", lastContactDate: "2024-12-01", offTreatmentDate: "2024-06-18" },
);
const earlyDeath = patient("TW01-002", [], {
  deathDate: "2024-01-25",
  lastContactDate: "2024-01-25",
  offTreatmentDate: "2024-01-25",
});
const progressor = patient(
  "TW01-003",
  [{ date: "2024-02-25", visitKey: "week8", response: "PD", pctFromBaseline: 31 }],
  { lastContactDate: "2024-05-01", deathDate: "2024-05-01" },
);

describe("waterfall", () => {
  test("one bar per measured patient at the best (lowest) change, largest increase first", () => {
    const { bars, notMeasured } = buildWaterfall([responder, earlyDeath, progressor]);
    expect(bars).toEqual([
      { subjectId: "TW01-003", bestPctChange: 31, bestOverallResponse: "PD" },
      { subjectId: "TW01-001", bestPctChange: -48, bestOverallResponse: "PR" },
    ]);
    expect(notMeasured).toBe(1);
  });
});

describe("swimmer", () => {
  test("lanes in months from enrollment with responses, progression and death, longest follow-up first", () => {
    const lanes = buildSwimmerLanes([earlyDeath, responder]);
    expect(lanes.map((l) => l.subjectId)).toEqual(["TW01-001", "TW01-002"]);
    expect(lanes[0]).toMatchObject({ bestOverallResponse: "PR", died: false, onTreatment: false });
    expect(lanes[0]!.treatmentMonths).toBeCloseTo(169 / 30.4375, 10);
    expect(lanes[0]!.progressionMonth).toBeCloseTo(168 / 30.4375, 10);
    expect(lanes[0]!.responses.map((r) => r.response)).toEqual(["PR", "PR", "PD"]);
    expect(lanes[1]).toMatchObject({ bestOverallResponse: "NE", died: true, progressionMonth: null });
  });
});

describe("sorting lanes and bars that already come by subject", () => {
  test("keeping the given subject order for ties gives the order of the full comparison", () => {
    const tied = ["TW01-003", "TW01-010", "TW02-001", "TW10-002"].map((subjectId) =>
      patient(subjectId, [{ date: "2024-02-26", visitKey: "week8", response: "SD", pctFromBaseline: -5 }], {
        lastContactDate: "2024-06-01",
      }),
    );
    const shuffled = [tied[2]!, tied[0]!, tied[3]!, tied[1]!];
    const lanes = buildSwimmerLanes(shuffled);
    expect(lanes.map((l) => l.subjectId)).toEqual(tied.map((p) => p.subjectId));
    expect(sortSwimmerLanes(lanes.slice().reverse(), false)).toEqual(lanes);
    expect(sortSwimmerLanes(tied.map(toSwimmerLane), true)).toEqual(lanes);
    expect(sortWaterfall(tied.map(toWaterfallBar), true)).toEqual(buildWaterfall(shuffled));
  });
});
