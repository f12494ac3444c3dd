"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createApiTokenAction } from "@/app/account/tokens/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { RadioGroup } from "@/components/ui/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { API_TOKEN_LIFETIMES_DAYS, CreateApiTokenSchema } from "@/lib/schemas/api-token";
import { NewApiTokenNotice } from "./new-api-token-notice";
import { FormError } from "@/components/ui/form-error";
import { fieldProps } from "@/components/forms/field-props";
import { PasswordField } from "@/components/ui/password-field";

type Values = z.input<typeof CreateApiTokenSchema>;

const ACCESS_OPTIONS = [
  { value: "read-only", label: "Read only" },
  { value: "read-write", label: "Read and write" },
] as const;

export function CreateApiTokenForm({ canWrite }: { canWrite: boolean }) {
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(CreateApiTokenSchema),
    defaultValues: { name: "", access: "read-only", expiresInDays: "90", password: "" },
  });
  const { run, formError } = useActionForm(form.setError, () => form.reset());
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setCreated(null);
    const result = await run(() => createApiTokenAction(values));
    if (result.ok) setCreated({ token: result.data.token, name: result.data.apiToken.name });
  });

  return (
    <>
      {created ? <NewApiTokenNotice name={created.name} token={created.token} /> : null}
      <form onSubmit={onSubmit} noValidate aria-label="Create API token">
        <FormError message={formError} />
        <TextField
          id="token-name"
          label="Token name"
          placeholder="e.g. R analysis notebook"
          {...fieldProps(form, "name")}
        />
        <RadioGroup
          id="token-access"
          legend="Access"
          options={canWrite ? ACCESS_OPTIONS : ACCESS_OPTIONS.slice(0, 1)}
          {...fieldProps(form, "access")}
        />
        <SelectField id="token-expiry" label="Expires after" {...fieldProps(form, "expiresInDays")}>
          {API_TOKEN_LIFETIMES_DAYS.map((days) => (
            <option key={days} value={String(days)}>
              {days} days
            </option>
          ))}
        </SelectField>
        <PasswordField id="token-password" label="Your password (to confirm)" {...fieldProps(form, "password")} />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? "Creating..." : "Create token"}
        </button>
      </form>
    </>
  );
}
