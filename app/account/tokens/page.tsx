import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateApiTokenForm } from "@/components/forms/create-api-token-form";
import { RevokeApiTokenButton } from "@/components/forms/revoke-api-token-button";
import { scopeOf } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { formatDateTime } from "@/lib/format-date";
import { listApiTokens, mayUseApi, type ApiTokenView } from "@/lib/data/api-tokens";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

function stateOf(token: ApiTokenView, now: string): string {
  if (token.revokedAt) return `Revoked ${formatDateTime(token.revokedAt)}`;
  if (token.expiresAt <= now) return "Expired";
  return "Active";
}

export default async function ApiTokensPage() {
  const actor = await requireActor("/account/tokens");
  if (!mayUseApi(actor)) notFound();
  const tokens = await listApiTokens(actor);
  const now = new Date().toISOString();
  return (
    <section className="card">
      <p>
        <Link href="/account">Account</Link>
      </p>
      <h1>API tokens</h1>
      <p className="muted">
        A personal token lets scripts and tools call the <a href="/api/v1/openapi.json">Trialdesk API</a> as you: send
        it as <code>Authorization: Bearer &lt;token&gt;</code>. It can never do more than your own roles and sites
        allow, now or later, and a read-only token cannot change anything.
      </p>
      <h2>New token</h2>
      <CreateApiTokenForm canWrite={scopeOf(actor, "patient.write").kind !== "none"} />
      <h2 className="section-gap">Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="muted">Only the start of each token is kept visible.</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const state = stateOf(token, now);
                return (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>
                      <code>{token.prefix}_…</code>
                    </td>
                    <td>{token.access === "read-write" ? "Read and write" : "Read only"}</td>
                    <td>{formatDateTime(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                    <td>{formatDateTime(token.expiresAt)}</td>
                    <td>{state}</td>
                    <td>{state === "Active" ? <RevokeApiTokenButton tokenId={token.id} name={token.name} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
