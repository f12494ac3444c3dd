import type { Metadata } from "next";
import { StepLineChart } from "@/components/charts/step-line-chart";
import { DashboardNav } from "@/components/dashboards/dashboard-nav";
import { SITE_STYLES } from "@/components/dashboards/format";
import { requirePermission } from "@/lib/auth/require-permission";
import { getEnrollmentSummary } from "@/lib/data/analysis";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Enrollment" };

export default async function EnrollmentDashboard() {
  const actor = await requirePermission("dashboard.read", "/dashboards/enrollment");
  const summary = await getEnrollmentSummary(actor);
  const rows = [
    ...summary.sites.map((s) => ({ key: s.code, label: `${s.code} ${s.name}`, counts: s })),
    { key: "total", label: "All sites", counts: summary.total },
  ];
  const percent = (value: number | null) => (value === null ? "no target" : `${value.toFixed(0)}%`);
  return (
    <>
      <DashboardNav current="/dashboards/enrollment" />
      <section className="card">
        <h1>Enrollment</h1>
        <p className="muted">
          Enrolled <strong data-testid="enrolled-total">{summary.total.enrolled}</strong> of a target of{" "}
          {summary.total.target} patients (the sum of the sites&apos; targets).
        </p>
        <table>
          <caption className="visually-hidden">Screening and enrollment per site against target</caption>
          <TableHead
            columns={[
              "Site",
              "Screened",
              "Screen failed",
              "Enrolled",
              "Target",
              "Of target",
              "On treatment",
              "In follow-up",
              "Off study (incl. deaths)",
            ]}
          />
          <tbody>
            {rows.map(({ key, label, counts }) => (
              <tr key={key} className={key === "total" ? "total-row" : undefined} data-testid={`enrollment-${key}`}>
                <th scope="row">{label}</th>
                <td>{counts.screened}</td>
                <td>{counts.screenFailed}</td>
                <td>{counts.enrolled}</td>
                <td>{counts.target}</td>
                <td>{percent(counts.percentOfTarget)}</td>
                <td>{counts.onTreatment}</td>
                <td>{counts.inFollowUp}</td>
                <td>{counts.offStudy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Cumulative enrollment per site</h2>
        <StepLineChart
          id="cumulative-enrollment"
          title="Cumulative enrollment per site over time"
          description={summary.sites.map((s) => `${s.code}: ${s.enrolled} of ${s.target} enrolled`).join("; ")}
          yLabel="Patients enrolled"
          series={summary.cumulative.map((c, i) => ({
            label: c.code,
            ...SITE_STYLES[i % SITE_STYLES.length]!,
            points: c.points.map((p) => ({ date: p.date, value: p.enrolled })),
          }))}
          targets={summary.sites.map((s, i) => ({
            label: `${s.code} target ${s.target}`,
            value: s.target,
            color: SITE_STYLES[i % SITE_STYLES.length]!.color,
          }))}
        />
      </section>
    </>
  );
}
