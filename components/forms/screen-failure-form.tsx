"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { recordScreenFailureAction } from "@/app/patients/[id]/actions";
import { TextField } from "@/components/ui/text-field";
import { ScreenFailureSchema } from "@/lib/schemas/patient";

type Values = { patientId: string; reason: string };

export function ScreenFailureForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(ScreenFailureSchema), defaultValues: { patientId, reason: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await recordScreenFailureAction(values);
    if (result.ok) return router.refresh();
    setError(result.fieldErrors?.reason?.[0] ?? result.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record screen failure">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="inline-form">
        <TextField id="screenFailureReason" label="Screen failure reason" error={form.formState.errors.reason?.message} {...form.register("reason")} />
        <button type="submit" className="button secondary" disabled={form.formState.isSubmitting}>
          Record screen failure
        </button>
      </div>
    </form>
  );
}
