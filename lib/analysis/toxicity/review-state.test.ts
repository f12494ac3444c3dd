import { describe, expect, test } from "vitest";
import { deriveReviewState, isReviewable } from "./review-state";

describe("toxicity review state", () => {
  test("grade 3 or more, or serious, needs a review", () => {
    expect(isReviewable({ grade: 3, serious: false })).toBe(true);
    expect(isReviewable({ grade: 1, serious: true })).toBe(true);
    expect(isReviewable({ grade: 2, serious: false })).toBe(false);
    expect(isReviewable({ grade: null, serious: false })).toBe(false);
  });

  test("a new item waits; a review settles it; an upgrade or new seriousness brings it back", () => {
    expect(deriveReviewState({ recordVersion: 1, grade: 3, serious: false }, null)).toMatchObject({
      state: "needs-review",
      reason: "new",
    });
    const reviewed = { recordVersion: 1, grade: 3, serious: false, decision: "REVIEWED" as const };
    expect(deriveReviewState({ recordVersion: 1, grade: 3, serious: false }, reviewed)).toEqual({
      state: "reviewed",
      editedSinceReview: false,
    });
    expect(deriveReviewState({ recordVersion: 2, grade: 4, serious: false }, reviewed)).toEqual({
      state: "needs-review",
      reason: "upgraded",
      explanation: "Upgraded from grade 3 to grade 4 after review",
    });
    expect(deriveReviewState({ recordVersion: 2, grade: 3, serious: true }, reviewed)).toMatchObject({
      state: "needs-review",
      reason: "became-serious",
    });
  });

  test("a downgrade or an unrelated edit keeps the decision, marked as edited since", () => {
    const escalated = { recordVersion: 1, grade: 4, serious: true, decision: "ESCALATED" as const };
    expect(deriveReviewState({ recordVersion: 3, grade: 3, serious: true }, escalated)).toEqual({
      state: "escalated",
      editedSinceReview: true,
    });
  });
});
