import { z } from "zod";
import { fillOmittedNullables } from "@/lib/forms/fill-omitted-nullables";
import { listFormDefinitions } from "@/lib/forms/registry";
import { ReasonSchema } from "@/lib/schemas/crf";
import { isoDate } from "@/lib/schemas/iso-date";
import { PageQuerySchema } from "@/lib/schemas/page-query";
import { ExternalIdSchema } from "@/lib/schemas/patient";

/**
 * The API's request and response shapes. Request schemas are the forms' own (lib/schemas,
 * lib/forms); response schemas describe what lib/data returns. Schemas listed in
 * API_COMPONENTS become named components of the OpenAPI document and are referenced by $ref.
 * Response schemas have no defaults or transforms, so their input and output shapes agree.
 */

export const FORM_TYPES = listFormDefinitions().map((form) => form.type) as [string, ...string[]];
export const FormTypeSchema = z.enum(FORM_TYPES).describe("A case report form type (lib/forms/registry.ts)");

const pascal = (type: string) => type.replace(/(^|-)([a-z])/g, (_m, _dash, letter: string) => letter.toUpperCase());
/** Each form's own zod schema, named e.g. TumourAssessmentFormData. */
export const FORM_DATA_COMPONENTS = listFormDefinitions().map(
  (form) => [`${pascal(form.type)}FormData`, form.schema] as const,
);
const AnyFormData = z
  .union(FORM_DATA_COMPONENTS.map(([, schema]) => schema) as [z.ZodType, ...z.ZodType[]])
  .describe("The form's answers, in the schema of its form type");

export const ErrorSchema = z.object({
  error: z.string().describe("What went wrong, for people"),
  fieldErrors: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe("Messages by field path in the request (dot-separated); _form for the whole request"),
  errorId: z.string().optional().describe("For unexpected errors: the id under which the server logged it"),
});

const timestamp = z.iso.datetime();
const calendarDate = z.iso.date();

export const SiteSchema = z.object({
  id: z.uuid(),
  code: z.string().describe("Prefix of the site's subject IDs, e.g. TW01"),
  name: z.string(),
  city: z.string(),
  country: z.string(),
  targetEnrollment: z.int().min(0),
  active: z.boolean(),
});

export const PatientSchema = z.object({
  id: z.uuid(),
  subjectId: z.string().describe("Site-prefixed subject ID, e.g. TW01-007"),
  externalId: z
    .string()
    .nullable()
    .describe("The site's own reference for the patient, unique per site; null when none was given"),
  site: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  status: z.enum(["SCREENING", "SCREEN_FAILED", "ON_TREATMENT", "OFF_TREATMENT", "OFF_STUDY", "DEAD"]),
  screeningDate: calendarDate,
  enrollmentDate: calendarDate.nullable(),
  screenFailureReason: z.string().nullable(),
  lockedAt: timestamp.nullable().describe("Set while the patient's data are locked for analysis"),
  version: z.int(),
});

export const CrfRecordSchema = z.object({
  id: z.uuid(),
  formType: FormTypeSchema,
  visitKey: z
    .string()
    .nullable()
    .describe("screening, baseline, baseline-imaging, day1, week4, ..., end-of-study; null for adverse events"),
  data: AnyFormData,
  computed: z
    .record(z.string(), z.unknown())
    .describe(
      "Values the rules engine computed on the server from the data (BSA, UFT dose, CTCAE grades, RECIST response...)",
    ),
  status: z.enum(["IN_PROGRESS", "COMPLETE"]),
  version: z.int().min(1).describe("Send it back with an update: a stale version is refused with 409"),
  updatedAt: timestamp,
  signedAt: timestamp.nullable(),
  sdvAt: timestamp.nullable().describe("Source data verification by a monitor"),
});

export const PatientOutcomeSchema = z.object({
  id: z.uuid(),
  subjectId: z.string(),
  site: z.string().describe("Site code"),
  bestOverallResponse: z.enum(["CR", "PR", "SD", "PD", "NE"]),
  confirmed: z.boolean().describe("The CR or PR was confirmed by a later assessment"),
  pfs: z.object({
    days: z.int(),
    months: z.number(),
    event: z.union([z.literal(0), z.literal(1)]),
    source: z
      .enum(["assessments", "entered", "death", "censored"])
      .describe(
        "assessments: first PD scan; entered: progression date on the end-of-study form; death without progression; censored",
      ),
  }),
  os: z.object({ days: z.int(), months: z.number(), event: z.union([z.literal(0), z.literal(1)]) }),
});

const importCounts = z.object({ created: z.int(), updated: z.int(), unchanged: z.int(), refused: z.int() });
export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  format: z.enum(["odm", "csv"]),
  sha256: z.string().describe("SHA-256 of the file, as the audit trail names it"),
  patients: importCounts,
  forms: importCounts,
  errors: z.array(
    z.object({
      subjectId: z.string(),
      formType: z.string().nullable(),
      field: z.string().nullable(),
      message: z.string(),
    }),
  ),
  lines: z
    .array(
      z.object({
        subjectId: z.string(),
        formType: z.string().nullable(),
        visitKey: z.string().nullable(),
        action: z.enum(["created", "updated", "unchanged", "refused"]),
        fields: z.array(z.string()).describe("The fields created or changed"),
        source: z.string().nullable().describe("Where in the file the form came from"),
      }),
    )
    .describe("The forms created, changed or refused, in the file's order; the first 2,000"),
  linesLeftOff: z.int().describe("Forms created, changed or refused beyond the 2,000 listed"),
});

export const API_COMPONENTS: readonly (readonly [string, z.ZodType])[] = [
  ["Error", ErrorSchema],
  ["Site", SiteSchema],
  ["Patient", PatientSchema],
  ["CrfRecord", CrfRecordSchema],
  ["PatientOutcome", PatientOutcomeSchema],
  ...FORM_DATA_COMPONENTS,
];

export const one = <S extends z.ZodType>(schema: S) => z.object({ data: schema });
export const page = <S extends z.ZodType>(schema: S) =>
  z.object({
    data: z.array(schema),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
  });

export const PatientsQuerySchema = PageQuerySchema.extend({
  externalId: ExternalIdSchema.optional().describe(
    "Only the patient with this site reference (combine with siteId: it is unique per site)",
  ),
  siteId: z.uuid().optional().describe("Only patients of this site"),
});

export const PatientParamsSchema = z.object({ id: z.uuid() });
export const FormTypeParamsSchema = PatientParamsSchema.extend({ formType: FormTypeSchema });
export const RecordParamsSchema = FormTypeParamsSchema.extend({ recordId: z.uuid() });
export const FormsQuerySchema = z.object({ formType: FormTypeSchema.optional() });

export const EnrollBodySchema = z.object({ enrollmentDate: isoDate("enrollment date") });
export const EnrollmentSchema = z.object({ status: PatientSchema.shape.status, enrollmentDate: calendarDate });

const visitKey = z
  .string()
  .max(40)
  .nullable()
  .optional()
  .describe(
    "Required for visit forms (day1, week4, week8...); fixed for screening, baseline and end-of-study forms; omitted for adverse events",
  );

/** A form's own data schema for the handlers: omitted nullable fields count as null. */
export const lenientFormData = (schema: z.ZodType) =>
  z.preprocess((value) => fillOmittedNullables(schema, value), schema);

/** The bodies of form writes, for one form's data schema (the handlers) or any form's (the document). */
export const createFormBody = (data: z.ZodType = AnyFormData) => z.object({ visitKey, data });
export const updateFormBody = (data: z.ZodType = AnyFormData) =>
  z.object({
    version: z.int().min(1).describe("The version you read; a stale version is refused with 409"),
    reason: ReasonSchema.describe("Why the data change (kept in the audit trail)"),
    data,
  });
export const DeleteFormBodySchema = z.object({
  reason: ReasonSchema.describe("Why the form is withdrawn (kept in the audit trail)"),
});
