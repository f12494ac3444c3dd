import type { Metadata } from "next";
import Link from "next/link";
import { PregnancyPreventionForm } from "@/components/forms/admin/pregnancy-prevention-form";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPregnancyPreventionRules } from "@/lib/data/pregnancy-prevention-settings";

export const metadata: Metadata = { title: "Pregnancy prevention rules" };

export default async function PregnancyPreventionPage() {
  const actor = await requirePermission("study.admin", "/admin/pregnancy-prevention");
  const rules = await getPregnancyPreventionRules(actor);
  return (
    <section className="card narrow-wide">
      <div className="toolbar">
        <h1>Pregnancy prevention rules</h1>
        <Link href="/admin/study">Study settings</Link>
        <Link href="/admin/dose-modification">Dose modification</Link>
      </div>
      <p className="muted">
        Thalidomide is a known human teratogen. The dosing form refuses to dispense it when one of these conditions is
        not met and names it. The limits are never looser than the REMS: a test within 24 hours of the first dose for
        the strictest programmes, retests at most every 4 weeks and at most a 28-day supply. Version {rules.version},
        last changed {rules.updatedAt.slice(0, 16).replace("T", " ")} UTC.
      </p>
      <PregnancyPreventionForm
        // A new version remounts the form with the saved values.
        key={rules.version}
        version={rules.version}
        initial={{
          firstDoseTestWindowHours: rules.firstDoseTestWindowHours,
          retestIntervalDays: rules.retestIntervalDays,
          counsellingRequired: rules.counsellingRequired,
          maleCounsellingRequired: rules.maleCounsellingRequired,
          maxSupplyDays: rules.maxSupplyDays,
        }}
      />
    </section>
  );
}
