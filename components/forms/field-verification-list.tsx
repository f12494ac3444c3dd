"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { verifyFieldAction } from "@/app/patients/[id]/actions";
import { formatDateTimeInZone } from "@/lib/format-date";
import { FormError } from "@/components/ui/form-error";
import { TableHead } from "@/components/ui/table-head";

export interface VerifiableField {
  path: string;
  label: string;
  value: string;
  /** Set when a monitor verified this field and it still holds the verified value. */
  verified: { verifierName: string; verifiedAt: string } | null;
}

interface Props {
  patientId: string;
  recordId: string;
  version: number;
  fields: VerifiableField[];
  canVerify: boolean;
  timeZone: string;
}

/**
 * Targeted source data verification: each field of the form with its value and whether a
 * monitor verified it against the source; monitors verify field by field here (whole-form
 * verification stays in the signature panel).
 */
export function FieldVerificationList({ patientId, recordId, version, fields, canVerify, timeZone }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verifiedCount = fields.filter((f) => f.verified).length;

  async function verify(path: string) {
    setBusy(path);
    setError(null);
    const result = await verifyFieldAction({ patientId, recordId, version, fieldPath: path });
    setBusy(null);
    if (result.ok) return router.refresh();
    setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message ?? "Not verified.");
  }

  return (
    <section className="card" aria-labelledby="field-sdv-heading">
      <h2 id="field-sdv-heading">Targeted source data verification (item by item)</h2>
      {/* The field is named by its row header (aria-describedby), not in the button's label, so the form's own field labels stay unique. */}
      <p className="muted" data-testid="field-sdv-count">
        {verifiedCount} of {fields.length} {fields.length === 1 ? "field" : "fields"} verified. A corrected field needs
        verifying again.
      </p>
      <FormError message={error} />
      <div className="table-scroll">
        <table>
          <TableHead columns={["Field", "Value", "Verification"]} />
          <tbody>
            {fields.map((field, index) => (
              <tr key={field.path} data-field-path={field.path}>
                <th scope="row" id={`field-sdv-${index}`}>
                  {field.label}
                </th>
                <td>{field.value}</td>
                <td>
                  {field.verified ? (
                    <span className="state-complete">
                      verified by {field.verified.verifierName},{" "}
                      {formatDateTimeInZone(field.verified.verifiedAt, timeZone)}
                    </span>
                  ) : canVerify ? (
                    <button
                      type="button"
                      className="button secondary"
                      disabled={busy !== null}
                      onClick={() => verify(field.path)}
                      aria-describedby={`field-sdv-${index}`}
                    >
                      {busy === field.path ? "Verifying..." : "Verify"}
                    </button>
                  ) : (
                    <span className="state-empty">not verified</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
