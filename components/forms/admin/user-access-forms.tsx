"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { assignRoleAction, removeRoleAction, setUserActiveAction, unlockAccountAction } from "@/app/admin/actions";
import { ReasonActionForm } from "@/components/forms/reason-action-form";
import { AssignRoleSchema } from "@/lib/schemas/admin";
import { RoleFields } from "./role-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/ui/form-error";

export function AssignRoleForm({
  userId,
  sites,
}: {
  userId: string;
  sites: { id: string; code: string; name: string }[];
}) {
  const form = useForm<z.input<typeof AssignRoleSchema>>({
    resolver: zodResolver(AssignRoleSchema),
    defaultValues: { userId, assignment: { role: "INVESTIGATOR", siteId: null } },
  });
  const role = useWatch({ control: form.control, name: "assignment.role" });
  const [done, setDone] = useState<string | null>(null);
  const { run, formError } = useActionForm(form.setError, () =>
    setDone("Role assigned: it is listed under Roles above."),
  );
  return (
    <form
      onSubmit={form.handleSubmit((values) => (setDone(null), run(() => assignRoleAction(values))))}
      noValidate
      aria-label="Assign role"
    >
      <FormError message={formError} />
      <RoleFields register={form.register} errors={form.formState.errors} sites={sites} role={role} />
      <button type="submit" className="button">
        Assign role
      </button>
      <p role="status" className="action-done">
        {done}
      </p>
    </form>
  );
}

export function RemoveRoleForm({
  userId,
  assignmentId,
  label,
}: {
  userId: string;
  assignmentId: string;
  label: string;
}) {
  return (
    <ReasonActionForm
      id={`remove-${assignmentId}`}
      label={`Remove ${label}`}
      run={(reason) => removeRoleAction({ userId, assignmentId, reason })}
    />
  );
}

export function UserActiveForm({ userId, active }: { userId: string; active: boolean }) {
  return (
    <ReasonActionForm
      id="active-reason"
      label={active ? "Deactivate user" : "Reactivate user"}
      doneMessage={
        active ? "User deactivated: they can no longer sign in." : "User reactivated: they can sign in again."
      }
      run={(reason) => setUserActiveAction({ userId, active: !active, reason })}
    />
  );
}

/** Lifts a sign-in lockout before it runs out (the reason is audited). */
export function UnlockAccountForm({ userId }: { userId: string }) {
  return (
    <ReasonActionForm
      id="unlock-reason"
      label="Unlock sign-in"
      doneMessage="Sign-in unlocked."
      run={(reason) => unlockAccountAction({ userId, reason })}
    />
  );
}
