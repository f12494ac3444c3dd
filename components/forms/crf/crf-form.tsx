"use client";

import type { ComponentType } from "react";
import type { CrfFormProps } from "./crf-form-props";
import { EligibilityForm } from "./eligibility-form";

/** The component of each form type (its definition lives in lib/forms/registry.ts). */
const COMPONENTS: Record<string, ComponentType<CrfFormProps>> = {
  eligibility: EligibilityForm,
};

export function CrfForm({ formType, ...props }: CrfFormProps & { formType: string }) {
  const Component = COMPONENTS[formType];
  return Component ? <Component {...props} /> : <p className="form-error">This form is not available yet.</p>;
}
