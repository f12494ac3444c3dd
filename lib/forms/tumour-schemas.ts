import { z } from "zod";
import { IMAGING_TECHNIQUES, NON_TARGET_RESPONSES, RESPONSES, type RecistVersion } from "@/lib/domain/recist";
import { isoDate } from "@/lib/schemas/iso-date";
import { collectLesionFieldErrors } from "./tumour-lesion-errors";

/** Protocol: tumour response by RECIST 1.0 (Therasse et al., JNCI 2000;92:205-216). */
export const TRIAL_RECIST_VERSION: RecistVersion = "1.0";

/** Imaging methods as clinicians name them (codes from lib/domain/recist IMAGING_TECHNIQUES). */
export const METHOD_LABELS: Readonly<Record<(typeof IMAGING_TECHNIQUES)[number], string>> = {
  "spiral-ct": "Spiral CT",
  ct: "CT (conventional)",
  mri: "MRI",
  "chest-xray": "Chest X-ray",
  caliper: "Clinical exam (caliper)",
};

const method = z.enum(IMAGING_TECHNIQUES, { error: "Choose the method" }).nullable();
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

const TargetLesionSchema = z.object({
  lesionId: z.string().regex(/^T\d{1,2}$/, "Use T1, T2..."),
  organ: text(60).min(1, "Enter the organ"),
  site: text(200),
  method,
  longestDiameterMm: z
    .number({ error: "Enter the longest diameter" })
    .positive("The diameter must be more than 0 mm")
    .max(500, "At most 500 mm")
    .nullable(),
});

const NonTargetLesionSchema = z.object({
  lesionId: z.string().regex(/^N\d{1,2}$/, "Use N1, N2..."),
  organ: text(60).min(1, "Enter the organ"),
  description: text(200),
});

/** Baseline imaging: target lesions (longest diameters) and non-target lesions. */
export const TumourBaselineSchema = z
  .object({
    assessmentDate: isoDate("assessment date"),
    method,
    targetLesions: z.array(TargetLesionSchema).max(20),
    nonTargetLesions: z.array(NonTargetLesionSchema).max(30),
  })
  .superRefine((data, ctx) => {
    if (data.method === null) ctx.addIssue({ code: "custom", path: ["method"], message: "Choose the method" });
    data.targetLesions.forEach((lesion, i) => {
      if (lesion.method === null)
        ctx.addIssue({ code: "custom", path: ["targetLesions", i, "method"], message: "Choose the method" });
      if (lesion.longestDiameterMm === null)
        ctx.addIssue({
          code: "custom",
          path: ["targetLesions", i, "longestDiameterMm"],
          message: "Enter the longest diameter",
        });
    });
    // RECIST 1.0 Baseline documentation: measurability and the 5-per-organ / 10-in-total limits.
    const candidates = data.targetLesions.flatMap((l, index) =>
      l.longestDiameterMm === null
        ? []
        : [
            {
              index,
              lesionId: l.lesionId,
              organ: l.organ,
              isLymphNode: false,
              longestDiameterMm: l.longestDiameterMm,
              technique: l.method ?? data.method ?? "ct",
            },
          ],
    );
    for (const [path, message] of collectLesionFieldErrors(TRIAL_RECIST_VERSION, candidates, data.targetLesions.length))
      ctx.addIssue({ code: "custom", path, message });
    const ids = data.nonTargetLesions.map((l) => l.lesionId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["nonTargetLesions", i, "lesionId"],
          message: `Lesion ids must be unique: ${id}`,
        });
    });
  });

export type TumourBaselineData = z.output<typeof TumourBaselineSchema>;

export const LESION_STATUSES = [
  { value: "measured", label: "Measured" },
  { value: "too-small", label: "Too small to measure" },
  { value: "disappeared", label: "Disappeared" },
  { value: "not-assessed", label: "Not assessed" },
] as const;

const MeasurementSchema = z.object({
  lesionId: z.string().min(1),
  status: z
    .enum(["measured", "too-small", "disappeared", "not-assessed"], { error: "Choose the lesion status" })
    .nullable(),
  diameterMm: z.number({ error: "Enter the diameter" }).min(0).max(500, "At most 500 mm").nullable(),
});

/** A follow-up assessment: the baseline target lesions re-measured, non-target status, new lesions. */
export const TumourAssessmentSchema = z
  .object({
    assessmentDate: isoDate("assessment date"),
    method,
    measurements: z.array(MeasurementSchema).max(20),
    nonTargetStatus: z.enum(NON_TARGET_RESPONSES, { error: "Choose the non-target lesion status" }).nullable(),
    newLesions: z.enum(["yes", "no"], { error: "Answer yes or no" }).nullable(),
    newLesionsDescription: text(500),
    override: z.object({ response: z.enum(RESPONSES, { error: "Choose a response" }).nullable(), reason: text(500) }),
  })
  .superRefine((data, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (data.method === null) issue(["method"], "Choose the method");
    data.measurements.forEach((m, i) => {
      if (m.status === null) issue(["measurements", i, "status"], "Choose the lesion status");
      if (m.status === "measured" && m.diameterMm === null)
        issue(["measurements", i, "diameterMm"], "Enter the diameter");
      if (m.status === "measured" && m.diameterMm === 0)
        issue(["measurements", i, "diameterMm"], "A lesion measuring 0 mm has disappeared: choose Disappeared");
      if (m.status !== "measured" && m.diameterMm !== null)
        issue(["measurements", i, "diameterMm"], "A diameter is entered only for a measured lesion");
    });
    if (data.nonTargetStatus === null) issue(["nonTargetStatus"], "Choose the non-target lesion status");
    if (data.newLesions === null) issue(["newLesions"], "Answer yes or no");
    if (data.newLesions === "yes" && data.newLesionsDescription === "")
      issue(["newLesionsDescription"], "Describe the new lesions (site, method)");
    // Protocol: the investigator may override the computed response, never silently.
    if (data.override.response !== null && data.override.reason.length < 3)
      issue(["override", "reason"], "Give the reason for overriding the computed response (at least 3 characters)");
    if (data.override.response === null && data.override.reason !== "")
      issue(["override", "response"], "Choose the overriding response, or clear the reason");
  });

export type TumourAssessmentData = z.output<typeof TumourAssessmentSchema>;
