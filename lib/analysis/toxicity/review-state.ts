/**
 * The toxicity review queue (issue 7): every adverse event of grade 3 or more, every
 * serious adverse event and every lab result of grade 3 or more waits for a review. What
 * the reviewer saw (grade, seriousness, record version) is stored with the decision, and
 * the item's state is derived by comparing it with the record as it is now, so an event
 * upgraded or made serious after its review is back in the queue without anyone having
 * to remember it.
 */
export type ReviewDecision = "REVIEWED" | "ESCALATED";

export interface ReviewedSnapshot {
  recordVersion: number;
  grade: number;
  serious: boolean;
  decision: ReviewDecision;
}

export interface CurrentItem {
  recordVersion: number;
  grade: number;
  serious: boolean;
}

export type ReviewState =
  | { state: "needs-review"; reason: "new" | "upgraded" | "became-serious"; explanation: string }
  | { state: "reviewed" | "escalated"; editedSinceReview: boolean };

/** CTCAE grade 3 = severe; ICH E2A seriousness is independent of grade, so either one qualifies. */
export function isReviewable(item: { grade: number | null; serious: boolean }): boolean {
  return item.serious || (item.grade !== null && item.grade >= 3);
}

export function deriveReviewState(current: CurrentItem, last: ReviewedSnapshot | null): ReviewState {
  if (!last) return { state: "needs-review", reason: "new", explanation: "Not reviewed yet" };
  if (current.grade > last.grade) {
    return {
      state: "needs-review",
      reason: "upgraded",
      explanation: `Upgraded from grade ${last.grade} to grade ${current.grade} after review`,
    };
  }
  if (current.serious && !last.serious)
    return { state: "needs-review", reason: "became-serious", explanation: "Became serious after review" };
  return {
    state: last.decision === "ESCALATED" ? "escalated" : "reviewed",
    editedSinceReview: current.recordVersion !== last.recordVersion,
  };
}

/** The item key of an adverse event (one per record) or of one graded lab test of a labs record. */
export const AE_ITEM_KEY = "event";
export const labItemKey = (test: string) => `lab:${test}`;
