import Link from "next/link";
import { scopeOf } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";
import { NavMenu } from "@/components/nav-menu";
import { SessionKeepAlive } from "@/components/session-keep-alive";
import { SignOutButton } from "@/components/sign-out-button";

export async function AppHeader() {
  const actor = await getActor();
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Trialdesk
      </Link>
      <NavMenu>
        <nav className="main" aria-label="Main">
          {actor && scopeOf(actor, "patient.read").kind !== "none" ? <Link href="/patients">Patients</Link> : null}
          {actor && scopeOf(actor, "dashboard.read").kind !== "none" ? (
            <Link href="/dashboards/enrollment">Dashboards</Link>
          ) : null}
          {actor && scopeOf(actor, "export.run").kind !== "none" ? <Link href="/exports">Exports</Link> : null}
          {actor && scopeOf(actor, "import.run").kind !== "none" ? <Link href="/imports">Imports</Link> : null}
          {actor &&
          (scopeOf(actor, "dashboard.read").kind !== "none" || scopeOf(actor, "toxicity.review").kind !== "none") ? (
            <Link href="/dashboards/toxicity">Toxicity</Link>
          ) : null}
          {actor && scopeOf(actor, "quality.read").kind !== "none" ? (
            <Link href="/dashboards/data-quality">Data quality</Link>
          ) : null}
          {actor && scopeOf(actor, "user.admin").kind !== "none" ? (
            <Link href="/admin/users">Administration</Link>
          ) : null}
        </nav>
        <nav className="who" aria-label="Account">
          {actor ? (
            <>
              <span>{actor.name}</span>
              <Link href="/account">Account</Link>
              <SignOutButton />
              <SessionKeepAlive />
            </>
          ) : (
            <Link href="/login">Sign in</Link>
          )}
        </nav>
      </NavMenu>
    </header>
  );
}
