import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  AssignRoleForm,
  RemoveRoleForm,
  UnlockAccountForm,
  UserActiveForm,
} from "@/components/forms/admin/user-access-forms";
import { isTrialWideRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { listSites, listUsers } from "@/lib/data/admin";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("user.admin", `/admin/users/${id}`);
  const [users, sites] = await Promise.all([listUsers(actor), listSites(actor)]);
  const user = users.find((u) => u.id === id);
  if (!user) notFound();
  return (
    <section className="card">
      <p>
        <Link href="/admin/users">All users</Link>
      </p>
      <h1>{user.name}</h1>
      <p className="muted">
        {user.email} · {user.active ? "active" : "deactivated"}
      </p>
      <h2>Roles</h2>
      <ul className="form-list">
        {user.roleAssignments.map((a) => {
          // A site-scoped Administrator assignment predates the trial-wide rule: it grants nothing.
          const inert =
            a.site && isTrialWideRole(a.role) ? " (no effect: administrators are trial-wide; remove it)" : "";
          const label = `${ROLE_LABELS[a.role]} (${a.site?.code ?? "all sites"})${inert}`;
          return (
            <li key={a.id}>
              {label}
              <RemoveRoleForm userId={user.id} assignmentId={a.id} label={label} />
            </li>
          );
        })}
      </ul>
      <h2>Assign a role</h2>
      <AssignRoleForm userId={user.id} sites={sites.map((s) => ({ id: s.id, code: s.code, name: s.name }))} />
      <h2>Account</h2>
      <UserActiveForm userId={user.id} active={user.active} />
      {user.signInLockedUntil ? (
        <>
          <p>
            Sign-in is locked after repeated wrong passwords until{" "}
            {user.signInLockedUntil.toISOString().slice(0, 16).replace("T", " ")} UTC.
          </p>
          <UnlockAccountForm userId={user.id} />
        </>
      ) : null}
    </section>
  );
}
