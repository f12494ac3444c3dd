"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";

type ReasonResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/**
 * A state change that needs a reason (removing a role, deactivating, withdrawing a form). The
 * reason's label names the action, so two such forms on one page never share a label, and
 * a done message confirms what happened.
 */
export function ReasonActionForm({
  id,
  label,
  run,
  redirectTo,
  doneMessage,
}: {
  id: string;
  label: string;
  run: (reason: string) => Promise<ReasonResult>;
  redirectTo?: string;
  /** Shown after it worked, e.g. "User deactivated." */
  doneMessage?: string;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setDone(null);
        const result = await run(reason);
        if (!result.ok) return setError(result.fieldErrors?.reason?.[0] ?? result.message ?? "Not saved.");
        setReason("");
        setDone(doneMessage ?? `Done: ${label}.`);
        if (redirectTo) router.push(redirectTo);
        router.refresh();
      }}
    >
      <TextField
        id={id}
        label={`Reason to ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error ?? undefined}
      />
      <button type="submit" className="button secondary">
        {label}
      </button>
      <p role="status" className="action-done">
        {done}
      </p>
    </form>
  );
}
