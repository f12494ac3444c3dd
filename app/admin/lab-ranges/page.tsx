import type { Metadata } from "next";
import Link from "next/link";
import { AddLabRangeForm, WithdrawLabRangeForm } from "@/components/forms/admin/lab-range-forms";
import { requirePermission } from "@/lib/auth/require-permission";
import { listSites } from "@/lib/data/admin";
import { listLabReferenceRanges } from "@/lib/data/lab-reference-ranges";
import { LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Laboratory reference ranges" };

const testLabel = (test: string) => LAB_PANEL.find((p) => p.test === test)?.label ?? test;
const limit = (value: number | null) => (value === null ? "—" : String(value));

export default async function LabRangesPage() {
  const actor = await requirePermission("site.admin", "/admin/lab-ranges");
  const [ranges, sites] = await Promise.all([listLabReferenceRanges(actor), listSites(actor)]);
  return (
    <>
      <section className="card">
        <div className="toolbar">
          <h1>Laboratory reference ranges</h1>
          <Link href="/admin/sites">Sites</Link>
          <Link href="/admin/users">Users</Link>
        </div>
        <p className="muted">
          The labs form fills each test&apos;s normal range from its site&apos;s range in force on the sample date, and
          grades with it (CTCAE v5.0 grades against the performing laboratory&apos;s LLN and ULN). A new range applies
          from its first day; earlier samples keep the range they were given. A range entered in error is withdrawn with
          a reason, never edited.
        </p>
        <div className="table-scroll">
          <table>
            <TableHead
              columns={["Site", "Test", "Applies to", "LLN", "ULN", "Unit", "In force from", "Recorded by", "Status"]}
            />
            <tbody>
              {ranges.map((r) => (
                <tr key={r.id} className={r.withdrawnAt ? "muted" : undefined}>
                  <td>{r.siteCode}</td>
                  <td>{testLabel(r.test)}</td>
                  <td>{r.sex === "female" ? "Women" : r.sex === "male" ? "Men" : "Both sexes"}</td>
                  <td>{limit(r.lln)}</td>
                  <td>{limit(r.uln)}</td>
                  <td>{r.unit}</td>
                  <td>{r.validFrom}</td>
                  <td>{r.createdBy}</td>
                  <td>
                    {r.withdrawnAt ? (
                      `Withdrawn: ${r.withdrawReason}`
                    ) : (
                      <WithdrawLabRangeForm
                        id={r.id}
                        label={`${r.siteCode} ${testLabel(r.test)} from ${r.validFrom}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card narrow-wide">
        <h2>Add a range</h2>
        <AddLabRangeForm sites={sites.map((s) => ({ id: s.id, code: s.code, name: s.name }))} />
      </section>
    </>
  );
}
