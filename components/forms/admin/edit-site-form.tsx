"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateSiteAction } from "@/app/admin/actions";
import type { SiteView } from "@/lib/data/sites";
import { TextField } from "@/components/ui/text-field";
import { UpdateSiteSchema } from "@/lib/schemas/admin";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/ui/form-error";
import { fieldProps } from "@/components/forms/field-props";

type Values = z.input<typeof UpdateSiteSchema>;

/** Edits one site's details (not its code, which prefixes its subject IDs). */
export function EditSiteForm({ site }: { site: Omit<SiteView, "active"> & { timeZone: string } }) {
  const form = useForm<Values>({
    resolver: zodResolver(UpdateSiteSchema),
    defaultValues: {
      siteId: site.id,
      name: site.name,
      city: site.city,
      country: site.country,
      targetEnrollment: site.targetEnrollment,
      timeZone: site.timeZone,
    },
  });
  const { run, formError } = useActionForm(form.setError);
  const { isSubmitting } = form.formState;
  const id = (field: string) => `site-${site.code}-${field}`;
  return (
    <form
      onSubmit={form.handleSubmit((values) => run(() => updateSiteAction(values)))}
      noValidate
      aria-label={`Edit site ${site.code}`}
    >
      <FormError message={formError} />
      <TextField id={id("name")} label="Name" {...fieldProps(form, "name")} />
      <TextField id={id("city")} label="City" {...fieldProps(form, "city")} />
      <TextField id={id("country")} label="Country" {...fieldProps(form, "country")} />
      <TextField id={id("time-zone")} label="Time zone (IANA, e.g. Asia/Taipei)" {...fieldProps(form, "timeZone")} />
      <TextField
        id={id("target")}
        label="Enrollment target"
        unit="patients"
        type="number"
        {...fieldProps(form, "targetEnrollment")}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        Save {site.code}
      </button>
    </form>
  );
}
