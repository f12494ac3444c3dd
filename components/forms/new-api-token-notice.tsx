"use client";

import { useState } from "react";

/** The new token, shown this once: the server keeps only its hash. */
export function NewApiTokenNotice({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="new-token" role="status">
      <h3>Token &ldquo;{name}&rdquo; created</h3>
      <p>Copy it now: it is shown only once and cannot be recovered. Treat it like a password.</p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="new-token-value">Your new API token</label>
          <input
            id="new-token-value"
            readOnly
            value={token}
            size={60}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <button type="button" className="button secondary" onClick={copy}>
          Copy token
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Copying failed: select the token and copy it yourself."
            : ""}
      </p>
    </div>
  );
}
