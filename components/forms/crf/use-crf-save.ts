"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type BaseSyntheticEvent, type KeyboardEvent } from "react";
import type { FieldErrors, FieldValues, Path, UseFormReturn } from "react-hook-form";
import { saveCrfAction } from "@/app/patients/[id]/actions";
import type { CrfFormProps } from "./crf-form-props";
import { draftKey, useFormDraft } from "./use-form-draft";
import { useUnsavedGuard } from "./use-unsaved-guard";
import { useValidateOnLeave } from "./use-validate-on-leave";

/**
 * How many fields the browser's check refused, so a refusal is never silent even when the field
 * is off screen; the fields themselves carry the messages (internal paths are not for users).
 */
function summarizeInvalid(errors: FieldErrors): string {
  let count = 0;
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    if ("message" in node && typeof (node as { message?: unknown }).message === "string") count += 1;
    else for (const [key, child] of Object.entries(node)) if (key !== "ref") walk(child);
  };
  walk(errors);
  return `${count === 1 ? "1 field needs" : `${count} fields need`} attention (marked below); nothing was saved.`;
}

/** Whether the form was submitted with the "Save and next" button (FormFooter marks it data-next). */
function pressedSaveAndNext(event: BaseSyntheticEvent | undefined): boolean {
  const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
  return submitter instanceof HTMLElement && submitter.dataset.next === "true";
}

/**
 * Saves a form through the one server action: the server validates again with the same
 * schema, asks for the version the user read and (for edits) a reason, and audits. Typed
 * entries are never lost on the way: they are kept as a draft in the tab until saved, leaving
 * with unsaved changes asks first, Enter in a field does not submit a half-filled form, and
 * an expired session asks for the password in place and then saves the same entries.
 */
export function useCrfSave<TInput extends FieldValues, TOutput = TInput>(
  formType: string,
  props: CrfFormProps,
  form: UseFormReturn<TInput, unknown, TOutput>,
) {
  const router = useRouter();
  // aboutFields: the line only summarizes field messages (the browser's or the server's), so it goes with them.
  const [formError, setFormError] = useState<{ message: string; aboutFields: boolean } | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ data: TOutput; thenNext: boolean } | null>(null);
  const draft = useFormDraft(
    form as unknown as UseFormReturn<FieldValues>,
    draftKey(props.patientId, formType, props.visitKey, props.record),
  );
  const [saved, setSaved] = useState(false);
  useUnsavedGuard(form.formState.isDirty && !saved);

  /** thenNext: "Save and next" was pressed (open the visit's next form), else back to the patient page. */
  async function save(data: TOutput, thenNext: boolean): Promise<boolean> {
    setFormError(null);
    setReasonError(null);
    const result = await saveCrfAction({
      patientId: props.patientId,
      formType,
      visitKey: props.visitKey,
      recordId: props.record?.id ?? null,
      expectedVersion: props.record?.version ?? null,
      reason: props.record ? reason : null,
      data,
    });
    if (result.ok) {
      setSaved(true);
      draft.clear();
      router.push(thenNext && props.nextForm ? props.nextForm.href : `/patients/${props.patientId}`);
      router.refresh();
      return true;
    }
    if (result.code === "not-signed-in") {
      // The entries stay on the form (and in the draft); the footer asks for the password.
      setPending({ data, thenNext });
      setFormError({
        message: "Your session has ended. Enter your password to sign in again; your entries will then be saved.",
        aboutFields: false,
      });
      return false;
    }
    let aboutFields = result.fieldErrors !== undefined;
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      // The action's own text scan names form fields by their path in the request (data.x).
      const field = key.startsWith("data.") ? key.slice("data.".length) : key;
      if (field !== "reason" && field !== "_form" && field !== "visitKey" && messages[0])
        form.setError(field as Path<TInput>, { type: "server", message: messages[0] });
      else {
        aboutFields = false;
        if (field === "reason") setReasonError(messages[0] ?? null);
      }
    }
    setFormError({ message: result.message, aboutFields });
    return false;
  }

  /** Signs in again as the same user (next-auth credentials, the sign-in page's own path), then saves what was pending. */
  async function signInAndSave(password: string): Promise<void> {
    if (!props.signedInEmail || pending === null) return;
    const result = await signIn("credentials", { email: props.signedInEmail, password, redirect: false });
    if (!result || result.error) {
      setFormError({
        message: "That password was not accepted. Try again, or copy your entries before signing in on another tab.",
        aboutFields: false,
      });
      return;
    }
    const { data, thenNext } = pending;
    setPending(null);
    await save(data, thenNext);
  }

  // Enter in a field moves on rather than saving a half-finished form; buttons and text areas keep Enter.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (
      event.key !== "Enter" ||
      target.tagName === "TEXTAREA" ||
      target.tagName === "BUTTON" ||
      (target as HTMLInputElement).type === "submit"
    )
      return;
    event.preventDefault();
  }

  // "2 fields need attention" (the browser) or "Some fields need attention." (the server) goes with the last marked field.
  const validateOnLeave = useValidateOnLeave(form, () =>
    setFormError((current) => (current?.aboutFields ? null : current)),
  );

  return {
    formProps: {
      onSubmit: form.handleSubmit(
        (data, event) => save(data, pressedSaveAndNext(event)),
        (errors) => setFormError({ message: summarizeInvalid(errors), aboutFields: true }),
      ),
      onKeyDown,
      ...validateOnLeave,
      noValidate: true,
    },
    formError: formError?.message ?? null,
    reason,
    setReason,
    reasonError,
    editing: props.record !== null,
    draft: { restoredAt: draft.restoredAt, discard: draft.discard },
    reauthenticate: pending !== null && props.signedInEmail ? signInAndSave : null,
    nextFormTitle: props.nextForm?.title ?? null,
  };
}
