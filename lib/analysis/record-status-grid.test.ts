import { describe, expect, test } from "vitest";
import { DEFAULT_SCHEDULE } from "@/lib/domain/schedule/visit-schedule";
import { buildRecordStatusGrid, recordCellState, type GridPatient, type GridRecord } from "./record-status-grid";

const record = (overrides: Partial<GridRecord>): GridRecord => ({
  id: "r",
  formType: "dosing",
  visitKey: "day1",
  status: "COMPLETE",
  signed: false,
  verified: false,
  openQueries: 0,
  ...overrides,
});

describe("record status grid", () => {
  test("a cell shows the strongest state: locked, open query, verified, signed, complete, in progress", () => {
    expect(recordCellState(record({ openQueries: 1, verified: true }), true)).toBe("locked");
    expect(recordCellState(record({ openQueries: 1, verified: true }), false)).toBe("open-query");
    expect(recordCellState(record({ verified: true, signed: true }), false)).toBe("verified");
    expect(recordCellState(record({ signed: true }), false)).toBe("signed");
    expect(recordCellState(record({}), false)).toBe("complete");
    expect(recordCellState(record({ status: "IN_PROGRESS" }), false)).toBe("in-progress");
  });

  test("columns are the once-only forms then every visit reached by a patient of the page; missing forms are empty or overdue", () => {
    const patients: GridPatient[] = [
      {
        id: "a",
        subjectId: "TW01-001",
        siteCode: "TW01",
        enrollmentDate: "2026-01-10",
        locked: false,
        scheduleEnd: null,
        records: [
          record({ id: "e", formType: "eligibility", visitKey: "screening" }),
          record({ id: "l", formType: "labs", signed: true }),
        ],
      },
      {
        id: "b",
        subjectId: "TW01-002",
        siteCode: "TW01",
        enrollmentDate: null,
        locked: false,
        scheduleEnd: null,
        records: [],
      },
    ];
    const grid = buildRecordStatusGrid(
      patients,
      [{ formType: "eligibility", visitKey: "screening" }],
      "2026-02-10",
      DEFAULT_SCHEDULE,
    );
    expect(grid.columns.map((c) => c.key)).toEqual([
      "eligibility",
      "day1:dosing",
      "day1:labs",
      "week4:dosing",
      "week4:labs",
    ]);
    const [a, b] = grid.rows;
    expect(a!.cells.eligibility).toEqual({ state: "complete", recordId: "e", visitKey: "screening" });
    expect(a!.cells["day1:dosing"]!.state).toBe("overdue"); // window ended 2026-01-17
    expect(a!.cells["day1:labs"]!.state).toBe("signed");
    expect(a!.cells["week4:dosing"]!.state).toBe("empty"); // due 2026-02-07, window open
    expect(b!.cells.eligibility!.state).toBe("empty");
    expect(b!.cells["day1:dosing"]).toBeUndefined(); // not enrolled: no visit reached
  });
});
