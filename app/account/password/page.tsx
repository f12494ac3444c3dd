import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { requireActor } from "@/lib/auth/require-actor";

export const metadata: Metadata = { title: "Change password" };
export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  const actor = await requireActor("/account/password");
  return (
    <section className="card narrow">
      <h1>Change password</h1>
      <p className="muted">Afterwards you are signed out everywhere and sign in again with the new password.</p>
      <ChangePasswordForm email={actor.email} />
    </section>
  );
}
