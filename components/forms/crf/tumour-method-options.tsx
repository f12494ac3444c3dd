import { IMAGING_TECHNIQUES } from "@/lib/domain/recist";
import { METHOD_LABELS } from "@/lib/forms/tumour-schemas";
import { Options } from "@/components/ui/options";

/** The imaging methods of a baseline form or lesion, after an empty "Choose" option. */
export function MethodOptions() {
  return (
    <>
      <option value="">Choose the method</option>
      <Options values={IMAGING_TECHNIQUES} label={(t) => METHOD_LABELS[t]} />
    </>
  );
}

/** The next free id with this prefix: T1, T2... (N1, N2... for non-target lesions). */
export function nextLesionId(prefix: "T" | "N", ids: readonly string[]): string {
  const used = ids.map((id) => Number(id.slice(1))).filter(Number.isFinite);
  return `${prefix}${Math.max(0, ...used) + 1}`;
}
