import { z } from "zod";
import type { FormDefinition } from "@/lib/forms/form-definition";
import { findUnit } from "./units";

export type ItemType = "text" | "integer" | "float" | "date" | "datetime" | "boolean";

/** One exported item of a form: a field of its zod schema, with label, type, unit and code list. */
export interface ItemSpec {
  /** Path in the form data; inside a repeating group, relative to one group row. */
  path: string;
  label: string;
  type: ItemType;
  /** The enumeration of the zod schema, in its order (empty when free). */
  allowedValues: readonly string[];
  unit: string | null;
  /** A list of plain values (e.g. several sites of spread), exported as one "; "-joined cell. */
  multiple: boolean;
}

/** A list of objects in the form (lesions, cytokine analytes): a repeating group of items. */
export interface GroupSpec {
  path: string;
  label: string;
  items: readonly ItemSpec[];
}

export interface FormLayout {
  formType: string;
  title: string;
  repeating: boolean;
  items: readonly ItemSpec[];
  groups: readonly GroupSpec[];
}

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

/** Drops the `null` alternative of a nullable field. */
function unwrapNullable(node: JsonSchema): JsonSchema {
  if (node.anyOf) {
    const rest = node.anyOf.filter((n) => n.type !== "null");
    if (rest.length === 1) return unwrapNullable(rest[0]!);
  }
  if (Array.isArray(node.type)) {
    const types = node.type.filter((t) => t !== "null");
    if (types.length === 1) return { ...node, type: types[0] };
  }
  return node;
}

function itemType(node: JsonSchema): ItemType {
  switch (node.type) {
    case "integer":
      return "integer";
    case "number":
      return "float";
    case "boolean":
      return "boolean";
    default:
      if (node.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return "date";
      if (node.pattern?.startsWith("^\\d{4}-\\d{2}-\\d{2}T")) return "datetime";
      return "text";
  }
}

function humanize(path: string): string {
  const words = path.split(".").map((part) => part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase());
  const text = words.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function toItem(node: JsonSchema, path: string, label: string | undefined, multiple: boolean): ItemSpec {
  return {
    path,
    label: label ?? humanize(path),
    type: itemType(node),
    allowedValues: (node.enum ?? []).map(String),
    unit: findUnit(path, label),
    multiple,
  };
}

/**
 * The export layout of a form, generated from its zod schema (as JSON Schema, input side:
 * what the user enters) and its labels. Nested objects become dotted paths
 * ("bilirubin.value"); lists of objects become repeating groups; lists of plain values
 * become one multi-valued item.
 */
export function buildFormLayout(form: FormDefinition): FormLayout {
  const root = z.toJSONSchema(form.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const items: ItemSpec[] = [];
  const groups: GroupSpec[] = [];
  const walk = (
    raw: JsonSchema,
    path: string,
    into: ItemSpec[],
    labelOf: (path: string) => string | undefined,
    allowGroups: boolean,
  ) => {
    const node = unwrapNullable(raw);
    if (node.type === "object" && node.properties) {
      for (const [key, child] of Object.entries(node.properties))
        walk(child, path ? `${path}.${key}` : key, into, labelOf, allowGroups);
      return;
    }
    if (node.type === "array" && node.items) {
      const element = unwrapNullable(node.items);
      if (element.type === "object" && allowGroups) {
        const groupItems: ItemSpec[] = [];
        walk(element, "", groupItems, (rel) => form.labels[`${path}.*.${rel}`], false);
        groups.push({ path, label: humanize(path), items: groupItems });
        return;
      }
      into.push(toItem(element, path, labelOf(`${path}.*`) ?? labelOf(path), true));
      return;
    }
    into.push(toItem(node, path, labelOf(path), false));
  };
  walk(root, "", items, (path) => form.labels[path], true);
  return { formType: form.type, title: form.title, repeating: form.repeating, items, groups };
}

/** Reads a dotted path ("bilirubin.value") from form data; undefined when absent. */
export function readPath(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The rows of a repeating group in one record's data (non-objects skipped). */
export function readGroupRows(data: unknown, group: GroupSpec): Record<string, unknown>[] {
  const rows = readPath(data, group.path);
  return Array.isArray(rows)
    ? rows.filter((row): row is Record<string, unknown> => row !== null && typeof row === "object")
    : [];
}

/**
 * Computed values flattened to dotted paths. Only plain objects are descended into; lists
 * stay one value. lib/data/exports.ts discovers the computed columns in SQL with exactly
 * this rule, so the two must change together.
 */
export function flattenComputed(value: unknown, prefix = ""): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return prefix ? { [prefix]: value } : {};
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value))
    Object.assign(out, flattenComputed(child, prefix ? `${prefix}.${key}` : key));
  return out;
}
