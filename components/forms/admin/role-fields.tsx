"use client";

import type { UseFormRegister, FieldErrors } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { SiteOptions } from "@/components/ui/site-options";
import { isTrialWideRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { ROLE_VALUES } from "@/lib/schemas/admin";
import { Options } from "@/components/ui/options";

type WithAssignment = { assignment: { role: (typeof ROLE_VALUES)[number]; siteId: string | null } };

/** Role and site selects; "All sites" is stored as no site. A trial-wide role (Administrator) is offered no site. */
export function RoleFields<T extends WithAssignment>({
  register,
  errors,
  sites,
  role,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<WithAssignment>;
  sites: { id: string; code: string; name: string }[];
  /** The role chosen now (form.watch), to stop offering sites for a trial-wide role. */
  role: string;
}) {
  const siteOptions = isTrialWideRole(role) ? [] : sites;
  const reg = register as unknown as UseFormRegister<WithAssignment>;
  return (
    <>
      <SelectField
        id="assignment-role"
        label="Role"
        error={errors.assignment?.role?.message}
        {...reg("assignment.role")}
      >
        <Options values={ROLE_VALUES} label={(role) => ROLE_LABELS[role]} />
      </SelectField>
      <SelectField
        id="assignment-site"
        label="Site"
        error={errors.assignment?.siteId?.message}
        {...reg("assignment.siteId", { setValueAs: (v: string) => (v ? v : null) })}
      >
        <option value="">All sites</option>
        <SiteOptions sites={siteOptions} />
      </SelectField>
    </>
  );
}
