"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { assignRoleAction, removeRoleAction, setUserActiveAction } from "@/app/admin/actions";
import { TextField } from "@/components/ui/text-field";
import { AssignRoleSchema } from "@/lib/schemas/admin";
import { RoleFields } from "./role-fields";
import { useActionForm } from "./use-action-form";

export function AssignRoleForm({ userId, sites }: { userId: string; sites: { id: string; code: string; name: string }[] }) {
  const form = useForm<z.input<typeof AssignRoleSchema>>({
    resolver: zodResolver(AssignRoleSchema),
    defaultValues: { userId, assignment: { role: "INVESTIGATOR", siteId: null } },
  });
  const { run, formError } = useActionForm(form.setError);
  return (
    <form onSubmit={form.handleSubmit((values) => run(() => assignRoleAction(values)))} noValidate aria-label="Assign role">
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <RoleFields register={form.register} errors={form.formState.errors} sites={sites} />
      <button type="submit" className="button">
        Assign role
      </button>
    </form>
  );
}

type ReasonResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/** A state change that needs a reason: removing a role, deactivating or reactivating a user. */
function ReasonButton({ id, label, run }: { id: string; label: string; run: (reason: string) => Promise<ReasonResult> }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        const result = await run(reason);
        if (!result.ok) return setError(result.fieldErrors?.reason?.[0] ?? result.message ?? "Not saved.");
        setReason("");
        router.refresh();
      }}
    >
      <TextField id={id} label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={error ?? undefined} />
      <button type="submit" className="button secondary">
        {label}
      </button>
    </form>
  );
}

export function RemoveRoleForm({ userId, assignmentId, label }: { userId: string; assignmentId: string; label: string }) {
  return <ReasonButton id={`remove-${assignmentId}`} label={`Remove ${label}`} run={(reason) => removeRoleAction({ userId, assignmentId, reason })} />;
}

export function UserActiveForm({ userId, active }: { userId: string; active: boolean }) {
  return (
    <ReasonButton
      id="active-reason"
      label={active ? "Deactivate user" : "Reactivate user"}
      run={(reason) => setUserActiveAction({ userId, active: !active, reason })}
    />
  );
}
