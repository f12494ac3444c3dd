import Link from "next/link";
import type { ReviewQueueItem } from "@/lib/data/toxicity-review";
import styles from "../dashboards.module.css";
import { DASHBOARD_ROW_LIMIT, ShownOf } from "../shown-of";
import { ReviewItemForm } from "./review-item-form";

/** Items listed per part of the queue, each with its review form; the counts stay complete. */
const ITEMS_PER_PART = DASHBOARD_ROW_LIMIT / 2;
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

/** The queue: waiting items first, then those escalated to the PI, then the settled ones. */
export function ReviewQueue({ items }: { items: ReviewQueueItem[] }) {
  const waiting = items.filter((i) => i.state.state === "needs-review");
  const escalated = items.filter((i) => i.state.state === "escalated");
  const reviewed = items.filter((i) => i.state.state === "reviewed");
  return (
    <>
      <h3 id="queue-waiting">Waiting for review ({waiting.length})</h3>
      {waiting.length ? (
        <ul aria-labelledby="queue-waiting" className={styles.plainList}>
          {waiting.slice(0, ITEMS_PER_PART).map((i) => (
            <Item key={`${i.recordId}-${i.itemKey}`} item={i} withForm />
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing waits for review.</p>
      )}
      <ShownOf
        shown={Math.min(waiting.length, ITEMS_PER_PART)}
        total={waiting.length}
        what="items waiting"
        hint={NARROW}
      />
      <h3 id="queue-escalated">Escalated to the PI ({escalated.length})</h3>
      {escalated.length ? (
        <ul aria-labelledby="queue-escalated" className={styles.plainList}>
          {escalated.slice(0, ITEMS_PER_PART).map((i) => (
            <Item key={`${i.recordId}-${i.itemKey}`} item={i} withForm />
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing is escalated.</p>
      )}
      <ShownOf
        shown={Math.min(escalated.length, ITEMS_PER_PART)}
        total={escalated.length}
        what="escalated items"
        hint={NARROW}
      />
      <details>
        <summary>Reviewed ({reviewed.length})</summary>
        <ul className={styles.plainList}>
          {reviewed.slice(0, ITEMS_PER_PART).map((i) => (
            <Item key={`${i.recordId}-${i.itemKey}`} item={i} withForm={false} />
          ))}
        </ul>
        <ShownOf
          shown={Math.min(reviewed.length, ITEMS_PER_PART)}
          total={reviewed.length}
          what="reviewed items"
          hint={NARROW}
        />
      </details>
    </>
  );
}
