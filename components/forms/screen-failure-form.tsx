"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { recordScreenFailureAction } from "@/app/patients/[id]/actions";
import { TextField } from "@/components/ui/text-field";
import { ScreenFailureSchema } from "@/lib/schemas/patient";
import { FormError } from "@/components/ui/form-error";

type Values = { patientId: string; reason: string };

/**
 * Recording a screen failure ends the patient's screening for good, so it is not a button of
 * equal weight beside "Enroll": it sits behind a disclosure, and the reason is confirmed in a
 * second step that says what it does.
 */
export function ScreenFailureForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(ScreenFailureSchema),
    defaultValues: { patientId, reason: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    if (confirming === null) return setConfirming(values.reason);
    const result = await recordScreenFailureAction(values);
    if (result.ok) return router.refresh();
    setConfirming(null);
    setError(result.fieldErrors?.reason?.[0] ?? result.message);
  });
  return (
    <details className="screen-failure">
      <summary>The patient will not be enrolled? Record a screen failure</summary>
      <form onSubmit={onSubmit} noValidate aria-label="Record screen failure">
        <FormError message={error} />
        <div className="inline-form">
          <TextField
            id="screenFailureReason"
            label="Screen failure reason"
            error={form.formState.errors.reason?.message}
            readOnly={confirming !== null}
            {...form.register("reason")}
          />
          {confirming === null ? (
            <button type="submit" className="button secondary" disabled={form.formState.isSubmitting}>
              Record screen failure...
            </button>
          ) : null}
        </div>
        {confirming !== null ? (
          <div className="locked-banner" role="alertdialog" aria-labelledby="screen-failure-confirm">
            <p id="screen-failure-confirm">
              The patient will be recorded as a screen failure (&quot;{confirming}&quot;) and can no longer be enrolled.
              Continue?
            </p>
            <div className="inline-form">
              <button type="submit" className="button" disabled={form.formState.isSubmitting}>
                Confirm screen failure
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </form>
    </details>
  );
}
