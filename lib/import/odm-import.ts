import { ImportFileError, type ImportBundle } from "./import-bundle";

/** CDISC ODM 1.3.2 ClinicalData (filled in below). */
export function readOdmImport(bytes: Uint8Array): ImportBundle {
  if (bytes.length === 0) throw new ImportFileError("The file is empty.");
  throw new ImportFileError("ODM import is not available yet.", 415);
}
