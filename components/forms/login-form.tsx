"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { LOCK_MINUTES, THROTTLED_ERROR } from "@/lib/auth/throttle-policy";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { SignInSchema, type SignInInput } from "@/lib/schemas/sign-in";
import { FormError } from "@/components/ui/form-error";
import { PasswordField } from "@/components/ui/password-field";
import { fieldProps } from "@/components/forms/field-props";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(SignInSchema) });
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      // One message for unknown email and wrong password: do not reveal which accounts exist.
      // The lockout message is safe to show: unknown emails are locked out exactly alike.
      setFormError(
        result?.error === THROTTLED_ERROR
          ? `Too many failed sign-in attempts. Try again in ${LOCK_MINUTES} minutes.`
          : "Email or password is incorrect.",
      );
      return;
    }
    // Only same-origin paths: a crafted ?callbackUrl= must not send users to another site.
    router.replace(safeReturnPath(callbackUrl, window.location.origin));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={formError ? "login-error" : undefined}>
      <FormError id="login-error" message={formError} />
      <TextField id="email" label="Email" type="email" autoComplete="username" {...fieldProps(form, "email")} />
      <PasswordField id="password" label="Password" {...fieldProps(form, "password")} />
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? "Signing in..." : "Sign in"}
      </button>
    </form>
  );
}
