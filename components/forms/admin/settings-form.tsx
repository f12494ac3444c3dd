"use client";

import type { ReactNode } from "react";
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type Resolver } from "react-hook-form";
import { fieldProps } from "@/components/forms/field-props";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type ActionResult } from "@/components/forms/use-action-form";

/**
 * A study-wide settings form (study settings, stopping rules, pregnancy prevention, dose
 * modification): validated in the browser with the shared schema, saved by a server action
 * with the version it was read at (`version`), and changed only with a reason, which starts
 * empty and is cleared after a successful save so the next change asks for its own.
 */
export function useSettingsForm<Values extends FieldValues & { reason: string }, Parsed>(
  resolver: Resolver<Values, unknown, Parsed>,
  values: Omit<Values, "expectedVersion" | "reason">,
  version: number,
) {
  const defaultValues = { ...values, expectedVersion: version, reason: "" } as DefaultValues<Values>;
  const form = useForm<Values, unknown, Parsed>({ resolver, defaultValues });
  const { run, formError } = useActionForm(form.setError, () => form.resetField("reason" as FieldPath<Values>));
  return { form, run, formError };
}

interface SettingsFormFrameProps<Values extends FieldValues & { reason: string }, Parsed> {
  settingsForm: ReturnType<typeof useSettingsForm<Values, Parsed>>;
  label: string;
  /** The server action, given the values the shared schema parsed in the browser. */
  save: (values: Parsed) => Promise<ActionResult>;
  reason: { id: string; label: string };
  submitLabel: string;
  children: ReactNode;
}

/** The frame every settings form shares: the form-level error on top, the reason and the save button below. */
export function SettingsFormFrame<Values extends FieldValues & { reason: string }, Parsed>({
  settingsForm: { form, run, formError },
  label,
  save,
  reason,
  submitLabel,
  children,
}: SettingsFormFrameProps<Values, Parsed>) {
  return (
    <form onSubmit={form.handleSubmit((values) => run(() => save(values)))} noValidate aria-label={label}>
      <FormError message={formError} />
      {children}
      <TextField id={reason.id} label={reason.label} {...fieldProps(form, "reason" as FieldPath<Values>)} />
      <button type="submit" className="button" disabled={form.formState.isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}
