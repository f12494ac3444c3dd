import { describe, expect, it } from "vitest";
import { estimateMedianFollowUp } from "./median-follow-up";

describe("estimateMedianFollowUp (reverse Kaplan-Meier)", () => {
  it("treats censorings as the events", () => {
    // reversed: 1+, 2 (n = 3 -> 2/3), 3+, 4 (n = 1 -> 0): median 4
    expect(estimateMedianFollowUp([1, 2, 3, 4], [1, 0, 1, 0]).median).toBe(4);
  });

  it("differs from the median observation time, which deaths pull down", () => {
    // 4 early deaths and 3 patients followed to 24 months: median time 5, median follow-up 24
    const time = [2, 3, 4, 5, 24, 24, 24];
    const event = [1, 1, 1, 1, 0, 0, 0];
    expect(estimateMedianFollowUp(time, event).median).toBe(24);
  });

  it("is null when the reverse curve never reaches 0.5 (almost no censoring)", () => {
    expect(estimateMedianFollowUp([1, 2, 3, 4, 5], [1, 1, 0, 1, 1]).median).toBeNull(); // reverse S = 2/3
  });
});
