import Link from "next/link";
import { getSessionUserId } from "@/lib/auth/session";
import { getUserProfile } from "@/lib/data/users";
import { SessionKeepAlive } from "@/components/session-keep-alive";
import { SignOutButton } from "@/components/sign-out-button";

export async function AppHeader() {
  const userId = await getSessionUserId();
  const user = userId ? await getUserProfile(userId) : null;
  return (
    <header className="app-header">
      <Link href="/">Trialdesk</Link>
      <nav className="who" aria-label="Account">
        {user ? (
          <>
            <span>{user.name}</span>
            <Link href="/account">Account</Link>
            <SignOutButton />
            <SessionKeepAlive />
          </>
        ) : (
          <Link href="/login">Sign in</Link>
        )}
      </nav>
    </header>
  );
}
