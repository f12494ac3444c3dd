"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";

type ReasonResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/** A state change that needs a reason (removing a role, deactivating, withdrawing a form). */
export function ReasonActionForm({
  id,
  label,
  run,
  redirectTo,
}: {
  id: string;
  label: string;
  run: (reason: string) => Promise<ReasonResult>;
  redirectTo?: string;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        const result = await run(reason);
        if (!result.ok) return setError(result.fieldErrors?.reason?.[0] ?? result.message ?? "Not saved.");
        setReason("");
        if (redirectTo) router.push(redirectTo);
        router.refresh();
      }}
    >
      <TextField id={id} label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={error ?? undefined} />
      <button type="submit" className="button secondary">
        {label}
      </button>
    </form>
  );
}
