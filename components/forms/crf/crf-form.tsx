"use client";

import type { ComponentType } from "react";
import { BaselineForm } from "./baseline-form";
import type { CrfFormProps } from "./crf-form-props";
import { CytokinesForm } from "./cytokines-form";
import { EligibilityForm } from "./eligibility-form";
import { EndOfStudyForm } from "./end-of-study-form";

/** The component of each form type (its definition lives in lib/forms/registry.ts). */
const COMPONENTS: Record<string, ComponentType<CrfFormProps>> = {
  eligibility: EligibilityForm,
  baseline: BaselineForm,
  cytokines: CytokinesForm,
  "end-of-study": EndOfStudyForm,
};

export function CrfForm({ formType, ...props }: CrfFormProps & { formType: string }) {
  const Component = COMPONENTS[formType];
  return Component ? <Component {...props} /> : <p className="form-error">This form is not available yet.</p>;
}
