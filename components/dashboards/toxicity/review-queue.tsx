import Link from "next/link";
import type { ReviewQueueItem, ReviewQueueSummary } from "@/lib/data/toxicity-review";
import styles from "../dashboards.module.css";
import { ShownOf } from "../shown-of";
import { ReviewItemForm } from "./review-item-form";

const NARROW = "Narrow the queue with the filters above (site, term, grade, onset dates) to reach the others.";

const STATE_TEXT = { "needs-review": "Needs review", escalated: "Escalated to the PI", reviewed: "Reviewed" } as const;
const STATE_CLASS = {
  "needs-review": styles.needsReview,
  escalated: styles.escalated,
  reviewed: styles.reviewed,
} as const;

/** The id of a queue item's heading: the home page links an escalated event straight to it. */
export const reviewItemAnchor = (item: Pick<ReviewQueueItem, "recordId" | "itemKey">) =>
  `queue-${item.recordId}-${item.itemKey.replace(":", "-")}`;

function Item({ item, withForm }: { item: ReviewQueueItem; withForm: boolean }) {
  const headingId = reviewItemAnchor(item);
  const href =
    item.formType === "labs"
      ? `/patients/${item.patientId}`
      : `/patients/${item.patientId}/forms/${item.formType}?record=${item.recordId}`;
  const state = item.state;
  return (
    <li
      className={`${styles.queueItem} ${state.state === "escalated" ? styles.queueItemEscalated : state.state === "reviewed" ? styles.queueItemReviewed : ""}`}
      data-testid="review-item"
    >
      <h3 id={headingId}>
        {item.subjectId} ({item.siteCode}): <Link href={href}>{item.label}</Link>
      </h3>
      <p>
        <span className={STATE_CLASS[state.state]}>{STATE_TEXT[state.state]}</span>
        {state.state === "needs-review"
          ? ` (${state.explanation})`
          : state.editedSinceReview
            ? " (record edited since, without an upgrade)"
            : ""}
        {" · "}
        {item.formType === "adverse-event" ? "onset" : item.formType === "pregnancy-test" ? "tested" : "sampled"}{" "}
        {item.date} · record version {item.recordVersion}
      </p>
      {item.lastReview ? (
        <p className="muted">
          Last decision: {item.lastReview.decision === "ESCALATED" ? "escalated" : "reviewed"} by{" "}
          {item.lastReview.reviewerName} on {item.lastReview.reviewedAt.slice(0, 16).replace("T", " ")} UTC at grade{" "}
          {item.lastReview.grade}
          {item.lastReview.serious ? ", serious" : ""}: “{item.lastReview.comment}”
        </p>
      ) : null}
      {withForm ? <ReviewItemForm item={item} canEscalate={state.state !== "escalated"} headingId={headingId} /> : null}
    </li>
  );
}

/**
 * The queue: waiting items first, then those escalated to the PI, then the settled ones. Each
 * part lists its first items (the server sends no more) with its complete count.
 */
export function ReviewQueue({ queue }: { queue: ReviewQueueSummary }) {
  const { counts } = queue;
  return (
    <>
      <h3 id="queue-waiting">Waiting for review ({counts.needsReview})</h3>
      {queue.needsReview.length ? (
        <ul aria-labelledby="queue-waiting" className={styles.plainList}>
          {queue.needsReview.map((i) => (
            <Item key={`${i.recordId}-${i.itemKey}`} item={i} withForm />
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing waits for review.</p>
      )}
      <ShownOf shown={queue.needsReview.length} total={counts.needsReview} what="items waiting" hint={NARROW} />
      <h3 id="queue-escalated">Escalated to the PI ({counts.escalated})</h3>
      {queue.escalated.length ? (
        <ul aria-labelledby="queue-escalated" className={styles.plainList}>
          {queue.escalated.map((i) => (
            <Item key={`${i.recordId}-${i.itemKey}`} item={i} withForm />
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing is escalated.</p>
      )}
      <ShownOf shown={queue.escalated.length} total={counts.escalated} what="escalated items" hint={NARROW} />
      <details>
        <summary>Reviewed ({counts.reviewed})</summary>
        <ul className={styles.plainList}>
          {queue.reviewed.map((i) => (
            <Item key={`${i.recordId}-${i.itemKey}`} item={i} withForm={false} />
          ))}
        </ul>
        <ShownOf shown={queue.reviewed.length} total={counts.reviewed} what="reviewed items" hint={NARROW} />
      </details>
    </>
  );
}
