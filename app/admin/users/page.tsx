import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/forms/admin/create-user-form";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { listSites, listUsers } from "@/lib/data/admin";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePermission("user.admin", "/admin/users");
  const [users, sites] = await Promise.all([listUsers(actor), listSites(actor)]);
  return (
    <>
      <section className="card">
        <div className="toolbar">
          <h1>Users</h1>
          <Link href="/admin/sites">Sites</Link>
          <Link href="/admin/backups">Backups</Link>
          <Link href="/admin/outbox">Alert emails</Link>
        </div>
        <table>
          <TableHead columns={["Name", "Email", "Roles", "Status"]} />
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>
                  {user.roleAssignments
                    .map((a) => `${ROLE_LABELS[a.role]} (${a.site?.code ?? "all sites"})`)
                    .join(", ")}
                </td>
                <td>{user.active ? "active" : "deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card narrow-wide">
        <h2>Create a user</h2>
        <CreateUserForm sites={sites.map((s) => ({ id: s.id, code: s.code, name: s.name }))} />
      </section>
    </>
  );
}
