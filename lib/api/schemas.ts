import { z } from "zod";
import { listFormDefinitions } from "@/lib/forms/registry";
import { ReasonSchema } from "@/lib/schemas/crf";
import { isoDate } from "@/lib/schemas/iso-date";

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
export const FORM_DATA_COMPONENTS = listFormDefinitions().map((form) => [`${pascal(form.type)}FormData`, form.schema] as const);
const AnyFormData = z
  .union(FORM_DATA_COMPONENTS.map(([, schema]) => schema) as [z.ZodType, ...z.ZodType[]])
  .describe("The form's answers, in the schema of its form type");

export const ErrorSchema = z.object({
  error: z.string().describe("What went wrong, for people"),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("Messages by field path in the request (dot-separated); _form for the whole request"),
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
  visitKey: z.string().nullable().describe("screening, baseline, baseline-imaging, day1, week4, ..., end-of-study; null for adverse events"),
  data: AnyFormData,
  computed: z
    .record(z.string(), z.unknown())
    .describe("Values the rules engine computed on the server from the data (BSA, UFT dose, CTCAE grades, RECIST response...)"),
  status: z.enum(["IN_PROGRESS", "COMPLETE"]),
  version: z.int().min(1).describe("Send it back with an update: a stale version is refused with 409"),
  updatedAt: timestamp,
  signedAt: timestamp.nullable(),
  sdvAt: timestamp.nullable().describe("Source data verification by a monitor"),
});

export const API_COMPONENTS: readonly (readonly [string, z.ZodType])[] = [
  ["Error", ErrorSchema],
  ["Site", SiteSchema],
  ["Patient", PatientSchema],
  ["CrfRecord", CrfRecordSchema],
  ...FORM_DATA_COMPONENTS,
];

export const one = <S extends z.ZodType>(schema: S) => z.object({ data: schema });
export const page = <S extends z.ZodType>(schema: S) =>
  z.object({ data: z.array(schema), nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page") });

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
  .describe("Required for visit forms (day1, week4, week8...); fixed for screening, baseline and end-of-study forms; omitted for adverse events");

/** The bodies of form writes, for one form's data schema (the handlers) or any form's (the document). */
export const createFormBody = (data: z.ZodType = AnyFormData) => z.object({ visitKey, data });
export const updateFormBody = (data: z.ZodType = AnyFormData) =>
  z.object({
    version: z.int().min(1).describe("The version you read; a stale version is refused with 409"),
    reason: ReasonSchema.describe("Why the data change (kept in the audit trail)"),
    data,
  });
export const DeleteFormBodySchema = z.object({ reason: ReasonSchema.describe("Why the form is withdrawn (kept in the audit trail)") });
