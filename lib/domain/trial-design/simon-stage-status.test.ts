import { describe, expect, it } from "vitest";
import { assessSimonStage, isFutilityBoundaryCrossed } from "./simon-stage-status";

// Simon (1989) optimal design for p0 = 0.10, p1 = 0.30: stop if <= 1 of 10, reject if <= 5 of 29.
const DESIGN = { r1: 1, n1: 10, r: 5, n: 29 };
const sequence = (length: number, responders: number[]) => Array.from({ length }, (_, i) => responders.includes(i));

describe("assessSimonStage", () => {
  it("is in stage 1 while r1 can still be exceeded", () => {
    const status = assessSimonStage(DESIGN, sequence(6, [2]));
    expect(status).toMatchObject({
      evaluable: 6,
      stage1: { evaluated: 6, responders: 1, complete: false, passed: false },
      status: "stage-1",
    });
    expect(isFutilityBoundaryCrossed(status.status)).toBe(false);
  });

  it("stops for futility when the first n1 have r1 or fewer responders", () => {
    const status = assessSimonStage(DESIGN, sequence(10, [4]));
    expect(status).toMatchObject({
      stage1: { evaluated: 10, responders: 1, complete: true, passed: false },
      status: "stop-futility-stage-1",
    });
    expect(isFutilityBoundaryCrossed(status.status)).toBe(true);
  });

  it("counts stage 1 on the first n1 patients only: a responder after them does not rescue it", () => {
    expect(assessSimonStage(DESIGN, sequence(12, [0, 11])).status).toBe("stop-futility-stage-1");
  });

  it("goes to stage 2 once stage 1 has more than r1 responders, even before n1 are evaluated", () => {
    const status = assessSimonStage(DESIGN, sequence(4, [0, 3]));
    expect(status).toMatchObject({ stage1: { passed: true, complete: false }, status: "stage-2" });
  });

  it("declares the treatment promising with more than r responders in the first n", () => {
    const status = assessSimonStage(DESIGN, sequence(20, [0, 1, 12, 13, 15, 19]));
    expect(status).toMatchObject({ overall: { evaluated: 20, responders: 6, complete: false }, status: "promising" });
    expect(isFutilityBoundaryCrossed(status.status)).toBe(false);
  });

  it("is futile when even all remaining patients responding could not exceed r", () => {
    // 2 responders in 27: at most 2 more by 29, 4 <= 5.
    const status = assessSimonStage(DESIGN, sequence(27, [0, 1]));
    expect(status.status).toBe("futile");
    expect(isFutilityBoundaryCrossed(status.status)).toBe(true);
    // At 26 evaluated, 2 + 3 remaining = 5 cannot exceed r either; at 25, 2 + 4 = 6 still could.
    expect(assessSimonStage(DESIGN, sequence(26, [0, 1])).status).toBe("futile");
    expect(assessSimonStage(DESIGN, sequence(25, [0, 1])).status).toBe("stage-2");
  });

  it("rejects the treatment at n with r or fewer responders, and leaves patients beyond n out", () => {
    const status = assessSimonStage(DESIGN, sequence(31, [0, 1, 12, 13, 29, 30]));
    expect(status).toMatchObject({
      overall: { evaluated: 29, responders: 4, complete: true },
      beyondDesign: 2,
      status: "futile",
    });
  });
});
