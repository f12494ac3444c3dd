import type { Metadata } from "next";
import { LoginForm } from "@/components/forms/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <section className="card narrow">
      <h1>Sign in to Trialdesk</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </section>
  );
}
