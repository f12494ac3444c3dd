import Link from "next/link";

/** Opens the audit trail of a patient, a form or one field on its own page, instead of inline. */
export function HistoryLink({
  patientId,
  recordId,
  fieldPath,
  label = "History",
}: {
  patientId: string;
  recordId?: string;
  fieldPath?: string;
  label?: string;
}) {
  const params = new URLSearchParams();
  if (recordId) params.set("record", recordId);
  if (fieldPath) params.set("field", fieldPath);
  const query = params.toString();
  return (
    <p>
      <Link href={`/patients/${patientId}/history${query ? `?${query}` : ""}`} data-testid="history-link">
        {label}
      </Link>
    </p>
  );
}
