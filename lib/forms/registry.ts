import { adverseEventForm } from "./adverse-event-form";
import { baselineForm } from "./baseline-form";
import { cytokinesForm } from "./cytokines-form";
import { dosingForm } from "./dosing/dosing-form";
import { eligibilityForm } from "./eligibility-form";
import { endOfStudyForm } from "./end-of-study-form";
import type { FormDefinition, FormPlacement } from "./form-definition";
import { labsForm } from "./labs/labs-form";
import { pregnancyTestForm } from "./pregnancy-test-form";
import { tumourAssessmentForm } from "./tumour-assessment-form";
import { tumourBaselineForm } from "./tumour-baseline-form";

// In the order the patient page and exports list them.
const FORMS: readonly FormDefinition[] = [
  eligibilityForm,
  baselineForm,
  cytokinesForm,
  tumourBaselineForm,
  dosingForm,
  labsForm,
  tumourAssessmentForm,
  adverseEventForm,
  pregnancyTestForm,
  endOfStudyForm,
];

const byType = new Map(FORMS.map((form) => [form.type, form]));

export function getFormDefinition(type: string): FormDefinition | null {
  return byType.get(type) ?? null;
}

export function listFormDefinitions(placement?: FormPlacement): readonly FormDefinition[] {
  return placement ? FORMS.filter((form) => form.placement === placement) : FORMS;
}
