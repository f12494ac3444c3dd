import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { PageQuerySchema } from "@/lib/schemas/page-query";
import { BiomarkerQuerySchema, EfficacyQuerySchema, EfficacyResponseSchema } from "@/lib/schemas/analysis";
import { ExportFiltersSchema } from "@/lib/schemas/export";
import { ImportQuerySchema } from "@/lib/schemas/import";
import { RegisterPatientSchema } from "@/lib/schemas/patient";
import { ToxicityAnalysisResponseSchema, ToxicityQuerySchema } from "@/lib/schemas/toxicity";
import { ADMIN_API_ENDPOINTS } from "./admin-endpoints";
import { defineEndpoint, type ApiEndpoint } from "./endpoint";
import {
  createFormBody,
  CrfRecordSchema,
  DeleteFormBodySchema,
  EnrollBodySchema,
  EnrollmentSchema,
  FormsQuerySchema,
  FormTypeParamsSchema,
  ImportReportSchema,
  one,
  page,
  PatientParamsSchema,
  PatientOutcomeSchema,
  PatientSchema,
  PatientsQuerySchema,
  RecordParamsSchema,
  SiteSchema,
  updateFormBody,
} from "./schemas";

/**
 * Every operation of /api/v1, one declarative entry each. The OpenAPI document walks this
 * list; a unit test checks that each entry has its route file and each route file its entry.
 */
/** What the three exports share: audited, started by a POST, narrowed by ?site=. */
const EXPORT_REQUEST = {
  description:
    "Audited; a POST (with any JSON body, e.g. {}) so that a cross-site link cannot start it; read-only tokens may call it. Optional repeatable ?site=CODE narrows to some of the caller's sites; X-Export-Patients gives the total for progress.",
  permission: "export.run",
  query: ExportFiltersSchema,
} as const;

export const API_ENDPOINTS = {
  getOpenApiDocument: defineEndpoint({
    operationId: "getOpenApiDocument",
    method: "GET",
    path: "/api/v1/openapi.json",
    tag: "Meta",
    summary: "This OpenAPI 3.1 document",
    description: "Public: it describes shapes only, never data, so client generators can fetch it without a token.",
    permission: null,
    response: z.record(z.string(), z.unknown()),
  }),
  listSites: defineEndpoint({
    operationId: "listSites",
    method: "GET",
    path: "/api/v1/sites",
    tag: "Sites",
    summary: "Sites whose patients you may read",
    permission: "patient.read",
    query: PageQuerySchema,
    response: page(SiteSchema),
  }),
  listPatients: defineEndpoint({
    operationId: "listPatients",
    method: "GET",
    path: "/api/v1/patients",
    tag: "Patients",
    summary: "Patients of your sites, by subject ID; filter by site and by the site's own reference",
    permission: "patient.read",
    query: PatientsQuerySchema,
    response: page(PatientSchema),
  }),
  registerPatient: defineEndpoint({
    operationId: "registerPatient",
    method: "POST",
    path: "/api/v1/patients",
    tag: "Patients",
    summary: "Register a patient at screening; the server assigns the subject ID",
    permission: "patient.write",
    body: RegisterPatientSchema,
    response: one(PatientSchema),
    successStatus: 201,
    errors: [404],
  }),
  getPatient: defineEndpoint({
    operationId: "getPatient",
    method: "GET",
    path: "/api/v1/patients/{id}",
    tag: "Patients",
    summary: "One patient (another site's patient is 404, like a missing one)",
    permission: "patient.read",
    params: PatientParamsSchema,
    response: one(PatientSchema),
    errors: [404],
  }),
  enrollPatient: defineEndpoint({
    operationId: "enrollPatient",
    method: "POST",
    path: "/api/v1/patients/{id}/enrollment",
    tag: "Patients",
    summary: "Enroll a screened patient whose eligibility form shows every criterion met",
    permission: "patient.write",
    params: PatientParamsSchema,
    body: EnrollBodySchema,
    response: one(EnrollmentSchema),
    errors: [404, 409],
  }),
  listForms: defineEndpoint({
    operationId: "listForms",
    method: "GET",
    path: "/api/v1/patients/{id}/forms",
    tag: "Forms",
    summary: "The patient's case report forms with their computed values, oldest first",
    permission: "patient.read",
    params: PatientParamsSchema,
    query: FormsQuerySchema,
    response: z.object({ data: z.array(CrfRecordSchema) }),
    errors: [404],
  }),
  createForm: defineEndpoint({
    operationId: "createForm",
    method: "POST",
    path: "/api/v1/patients/{id}/forms/{formType}",
    tag: "Forms",
    summary:
      "Enter a form: validated by the form's schema and cross-form rules, computed and audited like the web form",
    description:
      "`data` must match the schema of `formType` (components `<FormType>FormData`). Field errors are keyed by their path in the body, e.g. `data.weightKg`.",
    permission: "patient.write",
    params: FormTypeParamsSchema,
    body: createFormBody(),
    response: one(CrfRecordSchema),
    successStatus: 201,
    errors: [404, 409],
  }),
  getForm: defineEndpoint({
    operationId: "getForm",
    method: "GET",
    path: "/api/v1/patients/{id}/forms/{formType}/{recordId}",
    tag: "Forms",
    summary: "One form with its computed values",
    permission: "patient.read",
    params: RecordParamsSchema,
    response: one(CrfRecordSchema),
    errors: [404],
  }),
  updateForm: defineEndpoint({
    operationId: "updateForm",
    method: "PUT",
    path: "/api/v1/patients/{id}/forms/{formType}/{recordId}",
    tag: "Forms",
    summary: "Correct a form: name the version you read and give a reason; a stale version is 409",
    permission: "patient.write",
    params: RecordParamsSchema,
    body: updateFormBody(),
    response: one(CrfRecordSchema),
    errors: [404, 409],
  }),
  deleteForm: defineEndpoint({
    operationId: "deleteForm",
    method: "DELETE",
    path: "/api/v1/patients/{id}/forms/{formType}/{recordId}",
    tag: "Forms",
    summary: "Withdraw a form entered in error (kept, with every value, in the audit trail)",
    permission: "patient.write",
    params: RecordParamsSchema,
    body: DeleteFormBodySchema,
    successStatus: 204,
    errors: [404, 409],
  }),
  getEfficacyAnalysis: defineEndpoint({
    operationId: "getEfficacyAnalysis",
    method: "GET",
    path: "/api/v1/analysis/efficacy",
    tag: "Analysis",
    summary: "Best overall response, ORR and DCR with exact 95% CI, PFS and OS medians with the chosen CI method",
    permission: "dashboard.read",
    query: EfficacyQuerySchema,
    response: EfficacyResponseSchema,
  }),
  listPatientOutcomes: defineEndpoint({
    operationId: "listPatientOutcomes",
    method: "GET",
    path: "/api/v1/analysis/patients",
    tag: "Analysis",
    summary:
      "Per enrolled patient: best overall response, confirmation, PFS and OS exactly as the efficacy analysis used them",
    description:
      "Paged by subject ID, in your dashboard scope. Months are days / 30.4375. event 1 = observed, 0 = censored.",
    permission: "dashboard.read",
    query: PageQuerySchema,
    response: page(PatientOutcomeSchema),
  }),
  getBiomarkerAnalysis: defineEndpoint({
    operationId: "getBiomarkerAnalysis",
    method: "GET",
    path: "/api/v1/analysis/biomarkers",
    tag: "Analysis",
    summary:
      "A baseline cytokine: distribution, survival by high vs low level (KM medians, log-rank, Cox HR) and Cox per doubling",
    permission: "dashboard.read",
    query: BiomarkerQuerySchema,
    response: z.record(z.string(), z.unknown()),
  }),
  getEnrollmentSummary: defineEndpoint({
    operationId: "getEnrollmentSummary",
    method: "GET",
    path: "/api/v1/analysis/enrollment",
    tag: "Analysis",
    summary:
      "Screened, screen-failed, enrolled, on treatment and off study per site and in total against target; cumulative enrollment",
    permission: "dashboard.read",
    response: z.record(z.string(), z.unknown()),
  }),
  exportCsv: defineEndpoint({
    operationId: "exportCsv",
    method: "POST",
    path: "/api/v1/exports/csv",
    tag: "Exports",
    summary: "CSV per form with a data dictionary (zip), streamed",
    ...EXPORT_REQUEST,
    responseMediaType: "application/zip",
    changesNoData: true,
    errors: [404],
  }),
  exportOdm: defineEndpoint({
    operationId: "exportOdm",
    method: "POST",
    path: "/api/v1/exports/odm",
    tag: "Exports",
    summary: "CDISC ODM 1.3.2 snapshot with audit records, streamed",
    ...EXPORT_REQUEST,
    responseMediaType: "application/xml",
    changesNoData: true,
    errors: [404],
  }),
  exportSdtm: defineEndpoint({
    operationId: "exportSdtm",
    method: "POST",
    path: "/api/v1/exports/sdtm",
    tag: "Exports",
    summary: "SDTM-style datasets DM, EX, AE, LB, TU, TR, RS, DS as CSV (zip), streamed",
    ...EXPORT_REQUEST,
    responseMediaType: "application/zip",
    changesNoData: true,
    errors: [404],
  }),
  runImport: defineEndpoint({
    operationId: "runImport",
    method: "POST",
    path: "/api/v1/imports",
    tag: "Imports",
    summary:
      "Import patients and forms from the CSV export zip or CDISC ODM 1.3.2 ClinicalData; dryRun=true (default) only reports",
    description:
      "Every form goes through the same validation, computed values and cross-form checks as the web form; each patient is imported whole or not at all; the same file again changes nothing. Audited as IMPORT with the file's SHA-256. `lines` lists per patient and form what was (or would be) created, updated, unchanged or refused, and which fields.",
    permission: "import.run",
    query: ImportQuerySchema,
    requestMediaTypes: ["application/zip", "application/xml"],
    response: ImportReportSchema,
  }),
  getToxicityAnalysis: defineEndpoint({
    operationId: "getToxicityAnalysis",
    method: "GET",
    path: "/api/v1/analysis/toxicity",
    tag: "Analysis",
    summary: "Worst grade per patient per CTCAE term and toxicity counts, for your sites",
    description:
      "The toxicity dashboard's numbers, with its filters. Also open to holders of toxicity.review; review counts only for them. Denominator: enrolled patients; the table counts treatment-emergent events.",
    permission: "dashboard.read",
    query: ToxicityQuerySchema,
    response: ToxicityAnalysisResponseSchema,
  }),
  ...ADMIN_API_ENDPOINTS,
} satisfies Record<string, ApiEndpoint>;

export const API_ENDPOINT_LIST: readonly ApiEndpoint[] = Object.values(API_ENDPOINTS);

/** Permissions some endpoint needs (lib/auth/api-token.ts API_PERMISSIONS must equal this). */
export const ENDPOINT_PERMISSIONS: readonly Permission[] = [
  ...new Set(
    API_ENDPOINT_LIST.flatMap((endpoint) =>
      endpoint.permission && endpoint.permission !== "signed-in" ? [endpoint.permission] : [],
    ),
  ),
];
