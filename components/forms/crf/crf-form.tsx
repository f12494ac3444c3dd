"use client";

import type { ComponentType } from "react";
import type { CrfFormProps } from "./crf-form-props";
import { DosingForm } from "./dosing-form";
import { EligibilityForm } from "./eligibility-form";
import { LabsForm } from "./labs-form";

/** The component of each form type (its definition lives in lib/forms/registry.ts). */
const COMPONENTS: Record<string, ComponentType<CrfFormProps>> = {
  eligibility: EligibilityForm,
  dosing: DosingForm,
  labs: LabsForm,
};

export function CrfForm({ formType, ...props }: CrfFormProps & { formType: string }) {
  const Component = COMPONENTS[formType];
  return Component ? <Component {...props} /> : <p className="form-error">This form is not available yet.</p>;
}
