import type { Metadata } from "next";
import { LoginForm } from "@/components/forms/login-form";

export const metadata: Metadata = { title: "Sign in" };

// Set by the account actions after they end every session, this one included.
function noticeFor(params: { passwordChanged?: string; signedOut?: string }): string | null {
  if (params.passwordChanged) return "Your password was changed. Sign in with your new password.";
  if (params.signedOut === "everywhere") return "You were signed out on every device.";
  return null;
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; passwordChanged?: string; signedOut?: string }>;
}) {
  const params = await searchParams;
  const { callbackUrl } = params;
  const notice = noticeFor(params);
  return (
    <section className="card narrow">
      <h1>Sign in to Trialdesk</h1>
      {notice ? (
        <p id="login-notice" role="status">
          {notice}
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
    </section>
  );
}
