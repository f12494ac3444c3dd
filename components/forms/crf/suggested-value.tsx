"use client";

interface Props {
  /** What the protocol or the patient's earlier forms suggest, e.g. "level 0 (100 mg twice daily)". */
  label: string;
  /** Where it comes from, e.g. "the previous dosing visit". */
  source: string;
  /** Whether the field is still empty: a suggestion is offered only for an unanswered field. */
  show: boolean;
  onAccept: () => void;
  testId?: string;
}

/**
 * A value the app suggests but never enters by itself: the field starts empty, and the audit's
 * CREATE holds only what the user typed or accepted with this button (issue: no answer the user
 * did not give).
 */
export function SuggestedValue({ label, source, show, onAccept, testId }: Props) {
  if (!show) return null;
  return (
    <p className="suggestion" data-testid={testId}>
      Suggested: <strong>{label}</strong> (from {source}).{" "}
      <button type="button" className="link-button" onClick={onAccept}>
        Use {label}
      </button>
    </p>
  );
}
