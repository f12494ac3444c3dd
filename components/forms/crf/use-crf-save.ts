"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { saveCrfAction } from "@/app/patients/[id]/actions";
import type { CrfFormProps } from "./crf-form-props";

/**
 * Saves a form through the one server action: the server validates again with the same
 * schema, asks for the version the user read and (for edits) a reason, and audits.
 */
export function useCrfSave<T extends FieldValues>(formType: string, props: CrfFormProps, setError: UseFormSetError<T>) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  async function save(data: T): Promise<boolean> {
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
      router.push(`/patients/${props.patientId}`);
      router.refresh();
      return true;
    }
    setFormError(result.message);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "reason") setReasonError(messages[0] ?? null);
      else if (field !== "_form" && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
    }
    return false;
  }

  return { save, formError, reason, setReason, reasonError, editing: props.record !== null };
}
