import type { Metadata } from "next";
import Link from "next/link";
import { StoppingRulesSection } from "@/components/admin/stopping-rules-section";
import { StudySettingsForm } from "@/components/forms/admin/study-settings-form";
import { requirePermission } from "@/lib/auth/require-permission";
import { getStoppingRules } from "@/lib/data/stopping-rules-settings";
import { getStudySettings } from "@/lib/data/study-settings";
import { getFormDefinition } from "@/lib/forms/registry";
import { VISIT_FORM_TYPES } from "@/lib/schemas/study-settings";

export const metadata: Metadata = { title: "Study settings" };

export default async function StudySettingsPage() {
  const actor = await requirePermission("study.admin", "/admin/study");
  const [settings, stoppingRules] = await Promise.all([getStudySettings(actor), getStoppingRules(actor)]);
  return (
    <>
      <section className="card narrow-wide">
        <div className="toolbar">
          <h1>Study settings</h1>
          <Link href="/admin/sites">Sites</Link>
          <Link href="/admin/pregnancy-prevention">Pregnancy prevention</Link>
          <Link href="/admin/dose-modification">Dose modification</Link>
        </div>
        <p className="muted">
          The visit schedule drives every patient&apos;s timeline and overdue forms from the next page load. Forms
          already saved keep their visit; change the schedule only as the protocol (or an amendment) says.
        </p>
        <StudySettingsForm
          // A new version remounts the form with the saved values.
          key={settings.version}
          version={settings.version}
          initial={{
            name: settings.name,
            protocolCode: settings.protocolCode,
            visitIntervalDays: settings.schedule.visitIntervalDays,
            imagingIntervalDays: settings.schedule.imagingIntervalDays,
            windowDays: settings.schedule.windowDays,
            visitForms: [...settings.schedule.visitForms],
            imagingForms: [...settings.schedule.imagingForms],
            cytokinePanel: settings.cytokinePanel.join(", "),
          }}
          visitForms={VISIT_FORM_TYPES.map((type) => ({ value: type, label: getFormDefinition(type)?.title ?? type }))}
        />
      </section>
      <StoppingRulesSection rules={stoppingRules} />
    </>
  );
}
