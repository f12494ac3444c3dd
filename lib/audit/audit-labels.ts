import { getFormDefinition } from "@/lib/forms/registry";
import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";

/**
 * The audit trail as people read it: actions, forms, fields, options and statuses by the
 * names the screens use. The raw names (answers.E1, ON_TREATMENT) stay in the database and
 * the exports; this is only how the History view words them.
 */
const ACTIONS: Record<string, string> = {
  CREATE: "Created",
  UPDATE: "Changed",
  RECOMPUTE: "Recomputed",
  DELETE: "Withdrawn",
  SIGN: "Signed",
  UNSIGN: "Signature removed",
  LOCK: "Locked",
  UNLOCK: "Unlocked",
  VERIFY: "Source-verified",
  QUERY_OPEN: "Query opened",
  QUERY_ANSWER: "Query answered",
  QUERY_CLOSE: "Query closed",
  QUERY_REOPEN: "Query re-opened",
};

const PATIENT_FIELDS: Record<string, string> = {
  subjectId: "Subject ID",
  status: "Status",
  screeningDate: "Screening date",
  enrollmentDate: "Enrollment date",
  screenFailureReason: "Screen failure reason",
  lockedAt: "Locked for analysis",
};

const STATUS_LABELS: Record<string, string> = {
  ...PATIENT_STATUS_LABELS,
  IN_PROGRESS: "In progress",
  COMPLETE: "Complete",
  OPEN: "Open",
  ANSWERED: "Answered",
  CLOSED: "Closed",
};

const humanize = (token: string) => {
  const words = token.replace(/[-_]/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? humanize(action);
}

export function entityLabel(entityType: string): string {
  if (entityType.startsWith("form:")) return getFormDefinition(entityType.slice(5))?.title ?? entityType.slice(5);
  if (entityType === "query") return "Data query";
  return humanize(entityType);
}

export function fieldLabel(entityType: string, field: string): string {
  if (entityType === "patient") return PATIENT_FIELDS[field] ?? field;
  if (field === "status") return "Status";
  if (!entityType.startsWith("form:")) return field;
  const labels = getFormDefinition(entityType.slice(5))?.labels ?? {};
  if (labels[field]) return labels[field];
  if (field === "signature") return "Signature";
  if (field === "sourceDataVerified") return "Source data verification";
  const verified = /^sourceDataVerified\.(.+)$/.exec(field);
  if (verified) return `Source verification: ${labels[verified[1]!] ?? verified[1]}`;
  // Computed values have no label of their own on the form: name them as computed, path kept.
  if (field.startsWith("computed.")) return `Computed: ${field.slice(9)}`;
  return field;
}

/** A value as the form shows it: statuses by their labels, yes/no, option tokens in words. */
export function valueLabel(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (STATUS_LABELS[value] && (field === "status" || /^[A-Z_]+$/.test(value))) return STATUS_LABELS[value];
    if (value === "yes" || value === "no") return humanize(value);
    // An option value (a lower-case token such as "moderate-severe") reads as words.
    if (/^[a-z]+(-[a-z]+)+$/.test(value)) return humanize(value);
    return value;
  }
  return JSON.stringify(value);
}
