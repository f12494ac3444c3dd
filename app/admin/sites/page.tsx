import type { Metadata } from "next";
import Link from "next/link";
import { EditSiteForm } from "@/components/forms/admin/edit-site-form";
import { CreateSiteForm } from "@/components/forms/admin/site-form";
import { requirePermission } from "@/lib/auth/require-permission";
import { listSites } from "@/lib/data/admin";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  const actor = await requirePermission("site.admin", "/admin/sites");
  const sites = await listSites(actor);
  return (
    <>
      <section className="card">
        <div className="toolbar">
          <h1>Sites</h1>
          <Link href="/admin/users">Users</Link>
          <Link href="/admin/study">Study settings</Link>
          <Link href="/admin/backups">Backups</Link>
          <Link href="/admin/lab-ranges">Lab reference ranges</Link>
          <Link href="/admin/pregnancy-prevention">Pregnancy prevention</Link>
          <Link href="/admin/dose-modification">Dose modification</Link>
        </div>
        <table>
          <TableHead columns={["Code", "Name", "City", "Country", "Enrollment target"]} />
          <tbody>
            {sites.map((site) => (
              <tr key={site.id}>
                <td>{site.code}</td>
                <td>{site.name}</td>
                <td>{site.city}</td>
                <td>{site.country}</td>
                <td>{site.targetEnrollment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card narrow-wide">
        <h2>Edit a site</h2>
        {sites.map((site) => (
          <details key={site.id}>
            <summary>
              {site.code} {site.name}
            </summary>
            <EditSiteForm site={site} />
          </details>
        ))}
      </section>
      <section className="card narrow-wide">
        <h2>Add a site</h2>
        <CreateSiteForm />
      </section>
    </>
  );
}
