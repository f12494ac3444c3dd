import { z } from "zod";
import { LAB_CRITERIA, LAB_TESTS } from "@/lib/domain/ctcae/lab-criteria";
import { listAcceptedUnits } from "@/lib/domain/ctcae/lab-units";
import { ReasonSchema } from "./crf";
import { isRealCalendarDate } from "./iso-date";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

// An empty input is "this laboratory gives no such limit" (many give only a ULN for enzymes).
const limit = (name: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: `Enter the ${name} as a number` })
      .min(0, `The ${name} cannot be negative`)
      .max(1e7, `The ${name} is too large`)
      .nullable(),
  );

/** A site laboratory's range for one test, as the administrator types it. */
export const LabRangeSchema = z
  .object({
    siteId: z.uuid("Choose a site"),
    test: z.enum(LAB_TESTS, { error: "Choose a test" }),
    unit: z.string().trim().min(1, "Choose the unit").max(20),
    sex: z.preprocess((v) => (v === "" ? null : v), z.enum(["female", "male"]).nullable()),
    lln: limit("LLN"),
    uln: limit("ULN"),
    // May lie ahead: a laboratory announces a new analyser's ranges before it goes live.
    validFrom: z
      .string({ error: "Enter the first day in force" })
      .regex(ISO_DATE_PATTERN, "Enter the first day in force as yyyy-mm-dd")
      .refine(isRealCalendarDate, "The first day in force is not a real date"),
  })
  .superRefine((range, ctx) => {
    const units = listAcceptedUnits(LAB_CRITERIA[range.test].family);
    if (!units.includes(range.unit))
      ctx.addIssue({ code: "custom", path: ["unit"], message: `Choose one of ${units.join(", ")}` });
    if (range.lln === null && range.uln === null)
      ctx.addIssue({ code: "custom", path: ["uln"], message: "Enter the LLN, the ULN or both" });
    if (range.lln !== null && range.uln !== null && range.lln >= range.uln)
      ctx.addIssue({ code: "custom", path: ["uln"], message: "The ULN must be greater than the LLN" });
  });

export type LabRangeInput = z.output<typeof LabRangeSchema>;

export const WithdrawLabRangeSchema = z.object({ id: z.uuid(), reason: ReasonSchema });
export type WithdrawLabRangeInput = z.output<typeof WithdrawLabRangeSchema>;
