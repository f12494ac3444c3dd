import Link from "next/link";

/** The way back to the patient page, above the heading of a page about one of the patient's forms or history. */
export function PatientBackLink({ patientId, subjectId }: { patientId: string; subjectId: string }) {
  return (
    <p>
      <Link href={`/patients/${patientId}`}>Patient {subjectId}</Link>
    </p>
  );
}
