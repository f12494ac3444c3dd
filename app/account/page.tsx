import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/require-actor";
import { mayUseApi } from "@/lib/data/api-tokens";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const actor = await requireActor("/account");
  return (
    <section className="card narrow">
      <h1>Account</h1>
      <p>
        {actor.name}
        <br />
        <span className="muted">{actor.email}</span>
      </p>
      <h2>Password</h2>
      <p>
        <Link href="/account/password">Change password</Link>
      </p>
      {mayUseApi(actor) ? (
        <>
          <h2>API access</h2>
          <p>
            <Link href="/account/tokens">API tokens</Link>
          </p>
        </>
      ) : null}
      <h2>Sessions</h2>
      <p className="muted">Signs you out on every computer and browser, this one included.</p>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="button secondary">
          Sign out everywhere
        </button>
      </form>
    </section>
  );
}
