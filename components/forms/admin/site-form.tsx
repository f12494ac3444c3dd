"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createSiteAction } from "@/app/admin/actions";
import { TextField } from "@/components/ui/text-field";
import { SiteSchema } from "@/lib/schemas/admin";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/ui/form-error";
import { fieldProps } from "@/components/forms/field-props";

type Values = z.input<typeof SiteSchema>;

export function CreateSiteForm() {
  const form = useForm<Values>({
    resolver: zodResolver(SiteSchema),
    defaultValues: { code: "", name: "", city: "", country: "", targetEnrollment: 0, timeZone: "UTC" },
  });
  const { run, formError } = useActionForm(form.setError, () => form.reset());
  const { isSubmitting } = form.formState;
  return (
    <form
      onSubmit={form.handleSubmit((values) => run(() => createSiteAction(values)))}
      noValidate
      aria-label="Create site"
    >
      <FormError message={formError} />
      <TextField id="site-code" label="Site code" {...fieldProps(form, "code")} />
      <TextField id="site-name" label="Name" {...fieldProps(form, "name")} />
      <TextField id="site-city" label="City" {...fieldProps(form, "city")} />
      <TextField id="site-country" label="Country" {...fieldProps(form, "country")} />
      <TextField id="site-time-zone" label="Time zone (IANA, e.g. Asia/Taipei)" {...fieldProps(form, "timeZone")} />
      <TextField
        id="site-target"
        label="Enrollment target"
        unit="patients"
        type="number"
        {...fieldProps(form, "targetEnrollment")}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        Create site
      </button>
    </form>
  );
}
