"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { recordToxicityReviewAction } from "@/app/dashboards/toxicity/actions";
import { TextField } from "@/components/ui/text-field";
import styles from "../dashboards.module.css";

interface Props {
  item: { patientId: string; recordId: string; itemKey: string; recordVersion: number };
  /** Escalating again is pointless once escalated: the PI then only marks it reviewed. */
  canEscalate: boolean;
  headingId: string;
}

/** Reviewed / escalate to the PI, each with a required comment. */
export function ReviewItemForm({ item, canEscalate, headingId }: Props) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `review-${item.recordId}-${item.itemKey.replace(":", "-")}`;
  const submit = async (decision: "REVIEWED" | "ESCALATED") => {
    setPending(true);
    setError(null);
    const result = await recordToxicityReviewAction({ ...item, decision, comment });
    setPending(false);
    if (!result.ok)
      return setError(result.fieldErrors?.comment?.[0] ?? result.fieldErrors?.decision?.[0] ?? result.message);
    setComment("");
    router.refresh();
  };
  return (
    <form className={styles.reviewForm} aria-labelledby={headingId} onSubmit={(e) => e.preventDefault()}>
      <TextField
        id={id}
        label="Review comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={error ?? undefined}
      />
      <button type="button" className="button" disabled={pending} onClick={() => submit("REVIEWED")}>
        Mark reviewed
      </button>
      {canEscalate ? (
        <button type="button" className="button secondary" disabled={pending} onClick={() => submit("ESCALATED")}>
          Escalate to the PI
        </button>
      ) : null}
    </form>
  );
}
