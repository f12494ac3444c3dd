import type { FormDefinition } from "./form-definition";

/**
 * Form versions (issue 14, item 4). A record stores the version of its form's definition it was
 * saved under (crf_records.form_version, stamped by the save path); when a form changes in a way
 * that older data would fail or be misread, the definition's version goes up by one and it gains
 * a written, pure step from the previous version (FormDefinition.upgrades). Older data are
 * brought to the current shape step by step, never guessed at (docs/form-versions.md).
 */
export function currentFormVersion(definition: Pick<FormDefinition, "version">): number {
  return definition.version ?? 1;
}

/** The versions, from 1 up to the current one, that have no written step to the next (should be none). */
export function missingUpgradeSteps(definition: Pick<FormDefinition, "version" | "upgrades">): number[] {
  const missing: number[] = [];
  for (let version = 1; version < currentFormVersion(definition); version++)
    if (!definition.upgrades?.[version]) missing.push(version);
  return missing;
}

export class FormVersionError extends Error {}

/**
 * Data saved under `savedUnder` in the current version's shape, with the description of each
 * step applied (empty when the data are current). Data of a version newer than this app's
 * definition (a database written by a later release) or without a complete path are refused.
 */
export function upgradeFormData(
  definition: Pick<FormDefinition, "type" | "version" | "upgrades">,
  data: unknown,
  savedUnder: number,
): { data: unknown; steps: string[] } {
  const current = currentFormVersion(definition);
  if (!Number.isInteger(savedUnder) || savedUnder < 1)
    throw new FormVersionError(`A ${definition.type} record names no valid form version (${savedUnder}).`);
  if (savedUnder > current)
    throw new FormVersionError(
      `A ${definition.type} record was saved under version ${savedUnder} of the form; this app knows version ${current}.`,
    );
  const steps: string[] = [];
  let upgraded = data;
  for (let version = savedUnder; version < current; version++) {
    const step = definition.upgrades?.[version];
    if (!step)
      throw new FormVersionError(`The ${definition.type} form has no written upgrade from version ${version}.`);
    upgraded = step.upgrade(upgraded);
    steps.push(`version ${version} to ${version + 1}: ${step.description}`);
  }
  return { data: upgraded, steps };
}
