import { describe, expect, test } from "vitest";
import {
  isTreatmentEmergent,
  percentOf,
  tabulateWorstGrade,
  tabulateWorstGradeCounts,
  type GradedEvent,
  type WorstGradeCount,
} from "./worst-grade-table";

const ev = (patientId: string, term: string, grade: number): GradedEvent => ({
  patientId,
  term,
  soc: term === "Fatigue" ? "General disorders" : "Investigations",
  grade,
});
const patients = Array.from({ length: 8 }, (_, i) => `p${i + 1}`);

describe("worst grade per patient per term", () => {
  test("counts each patient once per term at their worst grade, percentages of the denominator", () => {
    const table = tabulateWorstGrade(
      [
        ev("p1", "Fatigue", 1),
        ev("p1", "Fatigue", 3), // p1's worst fatigue is 3, not 1 and 3
        ev("p2", "Fatigue", 2),
        ev("p3", "Fatigue", 2),
        ev("p3", "Platelet count decreased", 4),
        ev("p4", "Platelet count decreased", 3),
        ev("p4", "Platelet count decreased", 5),
      ],
      patients,
    );
    expect(table.denominator).toBe(8);
    expect(table.rows.map((r) => r.term)).toEqual(["Fatigue", "Platelet count decreased"]);
    expect(table.rows[0]).toEqual({
      term: "Fatigue",
      soc: "General disorders",
      grade1to2: { n: 2, percent: 25 },
      grade3: { n: 1, percent: 12.5 },
      grade4: { n: 0, percent: 0 },
      grade5: { n: 0, percent: 0 },
      any: { n: 3, percent: 37.5 },
    });
    expect(table.rows[1]).toMatchObject({
      grade3: { n: 0 },
      grade4: { n: 1 },
      grade5: { n: 1 },
      any: { n: 2, percent: 25 },
    });
    // Over all terms: p1 worst 3, p2 2, p3 4, p4 5.
    expect(table.anyEvent).toMatchObject({
      grade1to2: { n: 1 },
      grade3: { n: 1 },
      grade4: { n: 1 },
      grade5: { n: 1 },
      any: { n: 4, percent: 50 },
    });
  });

  test("events of patients outside the denominator are not counted", () => {
    const table = tabulateWorstGrade([ev("p1", "Fatigue", 3), ev("not-enrolled", "Fatigue", 3)], ["p1", "p2", "p3"]);
    expect(table.rows[0]!.any).toEqual({ n: 1, percent: 33.3 });
  });

  test("an empty denominator gives counts without percentages", () => {
    const table = tabulateWorstGrade([], []);
    expect(table).toEqual({
      denominator: 0,
      anyEvent: expect.objectContaining({ any: { n: 0, percent: null } }),
      rows: [],
    });
    expect(percentOf(1, 3)).toBe(33.3);
  });

  test("treatment-emergent means onset on or after day 1", () => {
    expect(isTreatmentEmergent("2026-01-12", "2026-01-12")).toBe(true);
    expect(isTreatmentEmergent("2026-01-11", "2026-01-12")).toBe(false);
    expect(isTreatmentEmergent("2026-01-11", null)).toBe(false);
  });

  test("counts made per term and worst grade (as SQL groups them) give the same table as the events", () => {
    const events = [
      ev("p1", "Fatigue", 1),
      ev("p1", "Fatigue", 3),
      ev("p2", "Fatigue", 2),
      ev("p3", "Fatigue", 2),
      ev("p3", "Platelet count decreased", 4),
      ev("p4", "Platelet count decreased", 5),
      ev("p5", "Anemia", 3),
    ];
    // Worst per patient and term, then patients per (term, worst grade) and per overall worst grade.
    const worst = new Map<string, GradedEvent>();
    for (const e of events) {
      const key = `${e.patientId}|${e.term}`;
      if ((worst.get(key)?.grade ?? 0) < e.grade) worst.set(key, e);
    }
    const counts = new Map<string, WorstGradeCount>();
    const add = (term: string | null, soc: string | null, grade: number) => {
      const key = `${term}|${grade}`;
      counts.set(key, { term, soc, grade, patients: (counts.get(key)?.patients ?? 0) + 1 });
    };
    for (const e of worst.values()) add(e.term, e.soc, e.grade);
    const overall = new Map<string, number>();
    for (const e of events) overall.set(e.patientId, Math.max(overall.get(e.patientId) ?? 0, e.grade));
    for (const grade of overall.values()) add(null, null, grade);

    const fromCounts = tabulateWorstGradeCounts([...counts.values()], patients.length);
    expect(fromCounts).toEqual(tabulateWorstGrade(events, patients));
    expect(fromCounts.rows.map((r) => [r.term, r.any.n])).toEqual([
      ["Fatigue", 3],
      ["Platelet count decreased", 2],
      ["Anemia", 1],
    ]);
    expect(fromCounts.anyEvent.grade3).toEqual({ n: 2, percent: 25 }); // p1 and p5
    // A grade outside CTCAE's 1-5 is left out, as an event of that grade would be.
    expect(tabulateWorstGradeCounts([{ term: "Fatigue", soc: null, grade: 0, patients: 4 }], 8).rows).toEqual([]);
  });
});
