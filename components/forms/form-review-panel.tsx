"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signCrfAction, unsignCrfAction, verifyCrfAction } from "@/app/patients/[id]/actions";
import { TextField } from "@/components/ui/text-field";
import { INVESTIGATOR_SIGNATURE_MEANING } from "@/lib/auth/signature-meaning";
import { formatDateTimeInZone } from "@/lib/format-date";
import { FormError } from "@/components/ui/form-error";
import { PasswordField } from "@/components/ui/password-field";

interface Props {
  patientId: string;
  record: {
    id: string;
    version: number;
    status: "IN_PROGRESS" | "COMPLETE";
    signedAt: string | null;
    sdvAt: string | null;
  };
  canSign: boolean;
  canVerify: boolean;
  locked: boolean;
  /** Who signed and verified, and the site's time zone the times are shown in. */
  details: { signedByName: string | null; sdvByName: string | null; timeZone: string };
}

/** Signature and source data verification of one form, as the caller's role allows. */
export function FormReviewPanel({ patientId, record, canSign, canVerify, locked, details }: Props) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(
    event: FormEvent,
    action: () => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }>,
  ) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setPassword("");
      setReason("");
      return router.refresh();
    }
    const [field, messages] = Object.entries(result.fieldErrors ?? {})[0] ?? [null, []];
    setError({ field, message: messages[0] ?? result.message ?? "Not saved." });
  }

  const ref = { patientId, recordId: record.id };
  return (
    <section className="card" aria-labelledby="review-heading">
      <h2 id="review-heading">Signature and verification</h2>
      <p data-testid="signature-line">
        Signature:{" "}
        {record.signedAt ? (
          <span className="state-complete">
            signed by {details.signedByName ?? "unknown"} on {formatDateTimeInZone(record.signedAt, details.timeZone)}
          </span>
        ) : (
          <span className="state-empty">not signed</span>
        )}
      </p>
      {record.signedAt ? (
        <p className="signature-meaning">
          <strong>Meaning of this signature:</strong> {INVESTIGATOR_SIGNATURE_MEANING}
        </p>
      ) : null}
      <p data-testid="sdv-line">
        Source data verification of the whole form:{" "}
        {record.sdvAt ? (
          <span className="state-complete">
            verified by {details.sdvByName ?? "unknown"} on {formatDateTimeInZone(record.sdvAt, details.timeZone)}
          </span>
        ) : (
          <span className="state-empty">not verified</span>
        )}
      </p>
      <FormError message={error && !error.field ? error.message : null} />
      {canSign && !locked && !record.signedAt && record.status === "COMPLETE" ? (
        <form onSubmit={(e) => run(e, () => signCrfAction({ ...ref, password }))} aria-label="Sign form">
          <p className="signature-meaning">
            <strong>Meaning of your signature:</strong> {INVESTIGATOR_SIGNATURE_MEANING}
          </p>
          <div className="inline-form">
            <PasswordField
              id="signature-password"
              label="Your password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={error?.field === "password" ? error.message : undefined}
            />
            <button type="submit" className="button" disabled={busy}>
              Sign form
            </button>
          </div>
        </form>
      ) : null}
      {canSign && !locked && record.signedAt ? (
        <form onSubmit={(e) => run(e, () => unsignCrfAction({ ...ref, reason }))} aria-label="Remove signature">
          <div className="inline-form">
            <TextField
              id="unsign-reason"
              label="Reason for removing the signature"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={error?.field === "reason" ? error.message : undefined}
            />
            <button type="submit" className="button secondary" disabled={busy}>
              Remove signature
            </button>
          </div>
        </form>
      ) : null}
      {canVerify && !record.sdvAt ? (
        <form
          onSubmit={(e) => run(e, () => verifyCrfAction({ ...ref, version: record.version }))}
          aria-label="Source data verification"
        >
          <button type="submit" className="button" disabled={busy}>
            Mark version {record.version} as source-verified
          </button>
        </form>
      ) : null}
    </section>
  );
}
