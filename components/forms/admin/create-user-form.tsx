"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createUserAction } from "@/app/admin/actions";
import { TextField } from "@/components/ui/text-field";
import { CreateUserSchema } from "@/lib/schemas/admin";
import { RoleFields } from "./role-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/ui/form-error";
import { fieldProps } from "@/components/forms/field-props";
import { PasswordField } from "@/components/ui/password-field";

type Values = z.input<typeof CreateUserSchema>;

export function CreateUserForm({ sites }: { sites: { id: string; code: string; name: string }[] }) {
  const form = useForm<Values>({
    resolver: zodResolver(CreateUserSchema),
    defaultValues: { email: "", name: "", temporaryPassword: "", assignment: { role: "INVESTIGATOR", siteId: null } },
  });
  const role = useWatch({ control: form.control, name: "assignment.role" });
  const [created, setCreated] = useState<string | null>(null);
  const { run, formError } = useActionForm(form.setError, () => {
    const { name, email } = form.getValues();
    setCreated(`Created ${name} (${email}). They can sign in with the temporary password now.`);
    form.reset();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      onSubmit={form.handleSubmit((values) => (setCreated(null), run(() => createUserAction(values))))}
      noValidate
      aria-label="Create user"
    >
      <FormError message={formError} />
      <TextField id="new-email" label="Email" type="email" {...fieldProps(form, "email")} />
      <TextField id="new-name" label="Name" {...fieldProps(form, "name")} />
      <PasswordField
        id="new-password"
        label="Temporary password"
        autoComplete="new-password"
        {...fieldProps(form, "temporaryPassword")}
      />
      <RoleFields register={form.register} errors={errors} sites={sites} role={role} />
      <button type="submit" className="button" disabled={isSubmitting}>
        Create user
      </button>
      <p role="status" className="action-done">
        {created}
      </p>
    </form>
  );
}
