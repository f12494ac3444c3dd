import type { z } from "zod";
import { implausibleBodyMeasures } from "@/lib/domain/dosing/body-measure-plausibility";

/** A weight or height outside the usual adult limits is saved only with the user's reason (audited with the value). */
export function requireMeasurementReason(
  data: { weightKg: number | null; heightCm: number | null; measurementReason?: string | null },
  ctx: z.RefinementCtx,
) {
  const unusual = implausibleBodyMeasures(data);
  if (unusual.length && (data.measurementReason ?? "").length < 3) {
    ctx.addIssue({ code: "custom", path: ["measurementReason"], message: unusual.map((u) => u.message).join(" ") });
  }
}
