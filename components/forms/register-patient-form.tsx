"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { registerPatientAction } from "@/app/patients/actions";
import { SelectField } from "@/components/ui/select-field";
import { SiteOptions } from "@/components/ui/site-options";
import { DateField } from "@/components/ui/date-field";
import { TextField } from "@/components/ui/text-field";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { RegisterPatientSchema, type RegisterPatientInput } from "@/lib/schemas/patient";
import { FormError } from "@/components/ui/form-error";
import { fieldProps } from "@/components/forms/field-props";

interface Props {
  sites: { id: string; code: string; name: string }[];
  today: string;
}

export function RegisterPatientForm({ sites, today }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RegisterPatientInput>({
    resolver: zodResolver(RegisterPatientSchema),
    defaultValues: { siteId: sites.length === 1 ? sites[0]!.id : "", screeningDate: today },
  });
  const applyServerErrors = useServerFieldErrors(form.setError);
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await registerPatientAction(values);
    if (!result.ok) {
      setFormError(result.message);
      applyServerErrors(result.fieldErrors);
      return;
    }
    router.push(`/patients/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError id="form-error" message={formError} />
      <SelectField id="siteId" label="Site" {...fieldProps(form, "siteId")}>
        <option value="">Choose a site</option>
        <SiteOptions sites={sites} />
      </SelectField>
      <DateField id="screeningDate" label="Screening date" max={today} {...fieldProps(form, "screeningDate")} />
      <TextField
        id="externalId"
        label="Site reference (optional)"
        autoComplete="off"
        maxLength={64}
        {...fieldProps(form, "externalId")}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? "Registering..." : "Register patient"}
      </button>
    </form>
  );
}
