import type { Metadata } from "next";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { StoppingRulePanel } from "@/components/dashboards/stopping-rule-panel";
import { requirePermission } from "@/lib/auth/require-permission";
import { getStoppingRuleStatus } from "@/lib/data/stopping-rules";

export const metadata: Metadata = { title: "Stopping rules" };

export default async function StoppingRulesDashboard() {
  const actor = await requirePermission("dashboard.read", "/dashboards/stopping-rules");
  const status = await getStoppingRuleStatus(actor);
  return (
    <>
      <DashboardNav current="/dashboards/stopping-rules" />
      <section className="card">
        <h1>Stopping rules</h1>
        <p className="muted">
          <span className="computed-badge">computed</span> from the saved forms of every enrolled patient and the
          study&apos;s stopping rules (set by the administrator in Study settings).
        </p>
      </section>
      <StoppingRulePanel status={status} />
    </>
  );
}
