import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RegisterPatientForm } from "@/components/forms/register-patient-form";
import { requireActor } from "@/lib/auth/require-actor";
import { listSitesForRegistration } from "@/lib/data/patients";

export const metadata: Metadata = { title: "Register a patient" };

export default async function NewPatientPage() {
  const actor = await requireActor("/patients/new");
  const sites = await listSitesForRegistration(actor);
  if (sites.length === 0) notFound();
  return (
    <section className="card narrow-wide">
      <h1>Register a patient</h1>
      <p className="muted">The subject ID is assigned by the system in the order of registration at each site.</p>
      <RegisterPatientForm sites={sites} today={new Date().toISOString().slice(0, 10)} />
    </section>
  );
}
