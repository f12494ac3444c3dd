"use client";

import type { FormEventHandler, ReactNode } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormRegisterReturn,
} from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "./use-action-form";
import { FormError } from "@/components/ui/form-error";

/**
 * A study-wide settings form (study settings, stopping rules, pregnancy prevention, dose
 * modification): validated in the browser with the shared schema, saved by a server action
 * with the version it was read at, and changed only with a reason, which is cleared after a
 * successful save so the next change asks for its own.
 */
export function useSettingsForm<Values extends FieldValues & { reason: string }, Parsed>(
  resolver: Resolver<Values, unknown, Parsed>,
  defaultValues: DefaultValues<Values>,
) {
  const form = useForm<Values, unknown, Parsed>({ resolver, defaultValues });
  const { run, formError } = useActionForm(form.setError, () => form.resetField("reason" as Path<Values>));
  return { form, run, formError };
}

interface SettingsFormFrameProps {
  label: string;
  formError: string | null;
  onSubmit: FormEventHandler<HTMLFormElement>;
  reason: { id: string; label: string; error?: string; field: UseFormRegisterReturn };
  submitLabel: string;
  isSubmitting: boolean;
  children: ReactNode;
}

/** The frame every settings form shares: the form-level error on top, the reason and the save button below. */
export function SettingsFormFrame({
  label,
  formError,
  onSubmit,
  reason,
  submitLabel,
  isSubmitting,
  children,
}: SettingsFormFrameProps) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <FormError message={formError} />
      {children}
      <TextField id={reason.id} label={reason.label} error={reason.error} {...reason.field} />
      <button type="submit" className="button" disabled={isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}
