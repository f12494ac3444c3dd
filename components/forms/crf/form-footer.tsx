"use client";

import { TextField } from "@/components/ui/text-field";

interface Props {
  editing: boolean;
  reason: string;
  onReasonChange: (value: string) => void;
  reasonError: string | null;
  formError: string | null;
  submitting: boolean;
}

/** The end of every form: the reason for change when editing saved data, errors, and save. */
export function FormFooter({ editing, reason, onReasonChange, reasonError, formError, submitting }: Props) {
  return (
    <div className="form-footer">
      {editing ? (
        <TextField
          id="reason"
          label="Reason for change"
          value={reason}
          onChange={(event) => onReasonChange(event.target.value)}
          error={reasonError ?? undefined}
          maxLength={500}
        />
      ) : null}
      {formError ? (
        <p className="form-error" role="alert" id="form-error">
          {formError}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? "Saving..." : "Save"}
      </button>
    </div>
  );
}
