import { z } from "zod";
import { VISIT_FORM_TYPES } from "@/lib/domain/schedule/visit-schedule";
import { ReasonSchema } from "./crf";

export { VISIT_FORM_TYPES };

const days = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter the ${label} in days` })
    .int(`Whole days only`)
    .min(min, `At least ${min} days`)
    .max(max, `At most ${max} days`);

const formTypes = z.array(z.string().refine((t) => VISIT_FORM_TYPES.includes(t), "Not a visit form"));

/** "IL-6, IL-8, VEGF" as typed -> ["IL-6", "IL-8", "VEGF"]. */
const analytePanel = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(40, "An analyte name has at most 40 characters"))
      .min(1, "Name at least one analyte")
      .max(30, "At most 30 analytes")
      .refine(
        (names) => new Set(names.map((n) => n.toLowerCase())).size === names.length,
        "An analyte is listed twice",
      ),
  );

/** The study settings an administrator edits (app/admin/study), as the form and the server parse them. */
export const StudySettingsSchema = z
  .object({
    name: z.string().trim().min(3, "Enter the study's name").max(200, "At most 200 characters"),
    protocolCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, "2 to 40 letters, digits, dots, dashes or underscores"),
    // Visits are named by week (week 4, week 8...), so the interval is whole weeks.
    visitIntervalDays: days("visit interval", 7, 182).refine(
      (d) => d % 7 === 0,
      "Use whole weeks (a multiple of 7 days): visits are named by week",
    ),
    imagingIntervalDays: days("imaging interval", 7, 364),
    windowDays: days("visit window", 0, 28),
    visitForms: formTypes.min(1, "Choose at least one form for every visit"),
    imagingForms: formTypes,
    cytokinePanel: analytePanel,
  })
  .superRefine(
    (s, ctx) => {
      // Imaging happens at visits whose day is a multiple of the imaging interval; any other interval would never fall on a visit.
      if (s.imagingIntervalDays % s.visitIntervalDays !== 0) {
        ctx.addIssue({
          code: "custom",
          path: ["imagingIntervalDays"],
          message: `Use a multiple of the visit interval (${s.visitIntervalDays} days): imaging is done at a visit`,
        });
      }
      if (s.windowDays >= s.visitIntervalDays) {
        ctx.addIssue({
          code: "custom",
          path: ["windowDays"],
          message: "The window must end before the next visit is due",
        });
      }
      const twice = s.imagingForms.filter((t) => s.visitForms.includes(t));
      if (twice.length)
        ctx.addIssue({
          code: "custom",
          path: ["imagingForms"],
          message: `Already expected at every visit: ${twice.join(", ")}`,
        });
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export const UpdateStudySettingsSchema = z.object({
  settings: StudySettingsSchema,
  expectedVersion: z.number().int(),
  reason: ReasonSchema,
});

export type StudySettingsInput = z.output<typeof StudySettingsSchema>;
