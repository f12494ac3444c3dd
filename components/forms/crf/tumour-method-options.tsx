import { IMAGING_TECHNIQUES } from "@/lib/domain/recist";
import { METHOD_LABELS } from "@/lib/forms/tumour-schemas";

/** The imaging methods of a baseline form or lesion, after an empty "Choose" option. */
export function MethodOptions() {
  return (
    <>
      <option value="">Choose the method</option>
      {IMAGING_TECHNIQUES.map((t) => (
        <option key={t} value={t}>
          {METHOD_LABELS[t]}
        </option>
      ))}
    </>
  );
}

/** The next free id with this prefix: T1, T2... (N1, N2... for non-target lesions). */
export function nextLesionId(prefix: "T" | "N", ids: readonly string[]): string {
  const used = ids.map((id) => Number(id.slice(1))).filter(Number.isFinite);
  return `${prefix}${Math.max(0, ...used) + 1}`;
}
