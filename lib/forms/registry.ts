import { baselineForm } from "./baseline-form";
import { cytokinesForm } from "./cytokines-form";
import { eligibilityForm } from "./eligibility-form";
import { endOfStudyForm } from "./end-of-study-form";
import type { FormDefinition, FormPlacement } from "./form-definition";

const FORMS: readonly FormDefinition[] = [eligibilityForm, baselineForm, cytokinesForm, endOfStudyForm];

const byType = new Map(FORMS.map((form) => [form.type, form]));

export function getFormDefinition(type: string): FormDefinition | null {
  return byType.get(type) ?? null;
}

export function listFormDefinitions(placement?: FormPlacement): readonly FormDefinition[] {
  return placement ? FORMS.filter((form) => form.placement === placement) : FORMS;
}
