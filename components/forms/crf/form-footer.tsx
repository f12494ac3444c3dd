"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { formatDateTime } from "@/lib/format-date";
import { FormError } from "@/components/ui/form-error";
import { PasswordField } from "@/components/ui/password-field";

interface Props {
  editing: boolean;
  reason: string;
  setReason: (value: string) => void;
  reasonError: string | null;
  formError: string | null;
  submitting: boolean;
  /** Entries restored from this tab's unsaved draft, and how to discard them. */
  draft: { restoredAt: string | null; discard: () => void };
  /** Set when the session ended during a save: sign in again and save the same entries. */
  reauthenticate: ((password: string) => Promise<void>) | null;
  /** The next form of the visit ("Save and next" is offered), or null. */
  nextFormTitle: string | null;
}

/** The end of every form: the reason for change when editing saved data, errors, a restored draft, and save. */
export function FormFooter({
  editing,
  reason,
  setReason,
  reasonError,
  formError,
  submitting,
  draft,
  reauthenticate,
  nextFormTitle,
}: Props) {
  const [password, setPassword] = useState("");
  return (
    <div className="form-footer">
      {draft.restoredAt ? (
        <p className="suggestion" role="status" data-testid="draft-restored">
          Restored the entries you had not saved ({formatDateTime(draft.restoredAt)}).{" "}
          <button type="button" className="link-button" onClick={draft.discard}>
            Discard them
          </button>
        </p>
      ) : null}
      {editing ? (
        <TextField
          id="reason"
          label="Reason for change"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError ?? undefined}
          maxLength={500}
        />
      ) : null}
      <FormError id="form-error" message={formError} />
      {reauthenticate ? (
        <div className="inline-form" data-testid="reauthenticate">
          <PasswordField
            id="reauth-password"
            label="Password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button
            type="button"
            className="button"
            onClick={() => void reauthenticate(password).then(() => setPassword(""))}
          >
            Sign in and save
          </button>
        </div>
      ) : (
        <div className="inline-form">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? "Saving..." : "Save"}
          </button>
          {nextFormTitle ? (
            <button type="submit" className="button secondary" disabled={submitting} data-next="true">
              Save and next: {nextFormTitle}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
