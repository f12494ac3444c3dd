import { flattenFields } from "./flatten";

/** A field of a saved form as the field-level verification list shows it. */
export interface VerifiableFieldRow {
  path: string;
  label: string;
  value: string;
  verified: { verifierName: string; verifiedAt: string } | null;
}

/**
 * The saved form's fields (flattened paths, as the audit trail names them) with the form's
 * labels: a repeated group's label is declared as "group.*.field" and shown with its number.
 */
export function labelOfField(labels: Readonly<Record<string, string>>, path: string): string {
  if (labels[path]) return labels[path];
  const match = /^(.*?)\.(\d+)(?:\.(.*))?$/.exec(path);
  if (match) {
    const [, group, index, rest] = match;
    const label = labels[rest ? `${group}.*.${rest}` : `${group}.*`];
    if (label) return `${label} (#${Number(index) + 1})`;
  }
  return path;
}

const show = (value: unknown) =>
  value === null || value === undefined || value === ""
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

export function listVerifiableFields(
  labels: Readonly<Record<string, string>>,
  data: unknown,
  verified: readonly { fieldPath: string; verifierName: string; verifiedAt: string }[],
): VerifiableFieldRow[] {
  const byPath = new Map(verified.map((v) => [v.fieldPath, v]));
  return Object.entries(flattenFields(data)).map(([path, value]) => {
    const v = byPath.get(path);
    return {
      path,
      label: labelOfField(labels, path),
      value: show(value),
      verified: v ? { verifierName: v.verifierName, verifiedAt: v.verifiedAt } : null,
    };
  });
}
