import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportPanel } from "@/components/imports/import-panel";
import { scopeOf } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  const actor = await requireActor("/imports");
  if (scopeOf(actor, "import.run").kind === "none") notFound();
  return (
    <>
      <section className="card">
        <h1>Imports</h1>
        <p className="muted">
          Load patients and forms from a Trialdesk CSV export (zip) or a CDISC ODM 1.3.2 file. Every form is checked
          like a form entered by hand (its rules, computed values and the patient&apos;s other forms); a patient is
          imported whole or not at all, and importing the same file again changes nothing. Imports are recorded in the
          audit trail with the file&apos;s SHA-256.
        </p>
      </section>
      <ImportPanel />
    </>
  );
}
