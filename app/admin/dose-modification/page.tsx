import type { Metadata } from "next";
import Link from "next/link";
import { DoseModificationForm } from "@/components/forms/admin/dose-modification-form";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDoseModificationTable } from "@/lib/data/dose-modification-settings";

export const metadata: Metadata = { title: "Dose-modification table" };

export default async function DoseModificationPage() {
  const actor = await requirePermission("study.admin", "/admin/dose-modification");
  const table = await getDoseModificationTable(actor);
  return (
    <section className="card narrow-wide">
      <div className="toolbar">
        <h1>Dose-modification table</h1>
        <Link href="/admin/study">Study settings</Link>
        <Link href="/admin/pregnancy-prevention">Pregnancy prevention</Link>
      </div>
      <p className="muted">
        For each toxicity (CTCAE term of an adverse event or a graded lab) from a grade, what the protocol says for one
        drug. The dosing form recommends each drug&apos;s level from the worst matching rule over the latest labs and
        ongoing adverse events; choosing otherwise needs a reason and is listed as a protocol deviation. Version{" "}
        {table.version}, last changed {table.updatedAt.slice(0, 16).replace("T", " ")} UTC.
      </p>
      <DoseModificationForm key={table.version} version={table.version} initial={table.rules} />
    </section>
  );
}
