/** What an import file says, whatever its format: patients with their forms, before any check. */
export interface ImportForm {
  formType: string;
  visitKey: string | null;
  /** The form's answers as nested data, typed by the form layout (lib/export/form-layout.ts). */
  data: Record<string, unknown>;
  /** Where in the file it came from, for the error report (e.g. "labs.csv, record 1f3c..."). */
  source: string;
}

export interface ImportPatient {
  subjectId: string;
  siteCode: string | null;
  /** False when the file has forms for this subject but no registration row (patients.csv). */
  registered: boolean;
  externalId: string | null;
  status: string | null;
  screeningDate: string | null;
  enrollmentDate: string | null;
  screenFailureReason: string | null;
  forms: ImportForm[];
}

export interface ImportBundle {
  patients: ImportPatient[];
}

/** A file that cannot be read at all (not a zip, malformed XML, over a size limit): 4xx, nothing written. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(message);
  }
}

export function emptyPatient(subjectId: string): ImportPatient {
  return {
    subjectId,
    siteCode: null,
    registered: false,
    externalId: null,
    status: null,
    screeningDate: null,
    enrollmentDate: null,
    screenFailureReason: null,
    forms: [],
  };
}
