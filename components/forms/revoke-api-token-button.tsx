"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { revokeApiTokenAction } from "@/app/account/tokens/actions";

export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    if (!window.confirm(`Revoke the token "${name}"? Anything using it stops working at once.`)) return;
    setPending(true);
    setError(null);
    const result = await revokeApiTokenAction({ tokenId });
    setPending(false);
    if (!result.ok) setError(result.message);
    else router.refresh();
  }
  return (
    <>
      <button
        type="button"
        className="button secondary"
        onClick={revoke}
        disabled={pending}
        aria-label={`Revoke token ${name}`}
      >
        {pending ? "Revoking..." : "Revoke"}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
