"use client";

import type { ComponentType } from "react";
import { AdverseEventForm } from "./adverse-event-form";
import type { CrfFormProps } from "./crf-form-props";
import { DosingForm } from "./dosing-form";
import { EligibilityForm } from "./eligibility-form";
import { LabsForm } from "./labs-form";
import { TumourAssessmentForm } from "./tumour-assessment-form";
import { TumourBaselineForm } from "./tumour-baseline-form";
import { BaselineForm } from "./baseline-form";
import { CytokinesForm } from "./cytokines-form";
import { EndOfStudyForm } from "./end-of-study-form";
import { PregnancyTestForm } from "./pregnancy-test-form";

/** The component of each form type (its definition lives in lib/forms/registry.ts). */
const COMPONENTS: Record<string, ComponentType<CrfFormProps>> = {
  eligibility: EligibilityForm,
  dosing: DosingForm,
  labs: LabsForm,
  "adverse-event": AdverseEventForm,
  "tumour-baseline": TumourBaselineForm,
  "tumour-assessment": TumourAssessmentForm,
  baseline: BaselineForm,
  cytokines: CytokinesForm,
  "end-of-study": EndOfStudyForm,
  "pregnancy-test": PregnancyTestForm,
};

export function CrfForm({ formType, ...props }: CrfFormProps & { formType: string }) {
  const Component = COMPONENTS[formType];
  return Component ? <Component {...props} /> : <p className="form-error">This form is not available yet.</p>;
}
