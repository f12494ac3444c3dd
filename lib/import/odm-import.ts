import { SaxesParser, type SaxesTagPlain } from "saxes";
import { buildFormLayout, type ItemSpec } from "@/lib/export/form-layout";
import { formOid, itemGroupOid, itemOid } from "@/lib/export/odm/odm-oids";
import { REGISTRATION_FORM_TYPE, REGISTRATION_LAYOUT } from "@/lib/export/odm/odm-registration";
import { listFormDefinitions } from "@/lib/forms/registry";
import { parseItemValue, writePath } from "./cell-value";
import { emptyPatient, ImportFileError, type ImportBundle, type ImportForm, type ImportPatient } from "./import-bundle";
import { visitKeyOfRepeatKey } from "@/lib/forms/form-identity";

/** What an OID of the trial's metadata means: the form and the item's path in its data. */
interface OidIndex {
  forms: Map<string, string>;
  groups: Map<string, { formType: string; path: string | null }>;
  items: Map<string, { formType: string; item: ItemSpec; path: string; groupPath: string | null }>;
}

function buildOidIndex(): OidIndex {
  const index: OidIndex = { forms: new Map(), groups: new Map(), items: new Map() };
  const layouts = [REGISTRATION_LAYOUT, ...listFormDefinitions().map(buildFormLayout)];
  for (const layout of layouts) {
    index.forms.set(formOid(layout.formType), layout.formType);
    index.groups.set(itemGroupOid(layout.formType), { formType: layout.formType, path: null });
    for (const item of layout.items)
      index.items.set(itemOid(layout.formType, item.path), {
        formType: layout.formType,
        item,
        path: item.path,
        groupPath: null,
      });
    for (const group of layout.groups) {
      index.groups.set(itemGroupOid(layout.formType, group.path), { formType: layout.formType, path: group.path });
      for (const item of group.items) {
        index.items.set(itemOid(layout.formType, `${group.path}.${item.path}`), {
          formType: layout.formType,
          item,
          path: item.path,
          groupPath: group.path,
        });
      }
    }
  }
  return index;
}

/** Attribute values longer than this are no answer a form holds: refused as a whole file. */
const MAX_VALUE_CHARS = 100_000;

/**
 * CDISC ODM 1.3.2 ClinicalData read with a streaming (SAX) parser: SubjectData, the site
 * (SiteRef), StudyEventData (a visit's repeat key is its visit key), FormData, ItemGroupData
 * (repeating groups by ItemGroupRepeatKey) and ItemData by the OIDs the trial's own export uses
 * (lib/export/odm). A DOCTYPE is refused outright: no entity expansion, no external entity.
 */
/** The file as UTF-8 text, decoded a slice at a time so no single string holds the whole file. */
function* textChunks(bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(offset, offset + CHUNK_BYTES), {
        stream: offset + CHUNK_BYTES < bytes.length,
      });
    } catch {
      throw new ImportFileError("The file is not UTF-8 text.", 415);
    }
    if (offset === 0) {
      text = text.replace(/^\uFEFF/, "");
      const declared = text.match(/^<\?xml[^>]*encoding=["']([^"']+)["']/)?.[1];
      if (declared && !/^utf-?8$/i.test(declared))
        throw new ImportFileError(`The file declares the encoding ${declared.slice(0, 40)}; send ODM as UTF-8.`, 415);
    }
    yield text;
  }
}

/** Text is decoded and parsed this many bytes at a time (pass 2 imports the subjects each slice completes). */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Parses ODM ClinicalData a slice at a time. `openSubject` gives the patient a SubjectData fills
 * (the same object for a repeated SubjectKey when merging); `closeSubject` is told when its
 * element ends. Every check of the file throws ImportFileError from inside the parse.
 */
function* parseOdm(
  bytes: Uint8Array,
  openSubject: (key: string) => ImportPatient,
  closeSubject: (patient: ImportPatient) => void,
): Generator<void> {
  const index = buildOidIndex();
  let patient: ImportPatient | null = null;
  let visitKey: string | null = null;
  let form: (ImportForm & { groups: Map<string, Map<string, Record<string, unknown>>> }) | null = null;
  let group: { path: string | null; row: Record<string, unknown> } | null = null;
  let sawOdm = false;
  let clinical = false;

  const parser = new SaxesParser({ xmlns: false });
  parser.on("doctype", () => {
    throw new ImportFileError("The file has a DOCTYPE, which ODM does not use: refused (no entity expansion).");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const a = tag.attributes as Record<string, string>;
    for (const value of Object.values(a))
      if (value.length > MAX_VALUE_CHARS)
        throw new ImportFileError(`An attribute of ${tag.name} is longer than ${MAX_VALUE_CHARS} characters.`, 413);
    switch (tag.name) {
      case "ODM":
        sawOdm = true;
        break;
      case "ClinicalData":
        clinical = true;
        break;
      case "SubjectData":
        patient = openSubject(a.SubjectKey ?? "");
        break;
      case "SiteRef":
        if (patient) patient.siteCode = (a.LocationOID ?? "").replace(/^LOC\./, "") || null;
        break;
      case "StudyEventData":
        visitKey = visitKeyOfRepeatKey(a.StudyEventRepeatKey ?? null);
        break;
      case "FormData": {
        if (!patient) break;
        const formType = index.forms.get(a.FormOID ?? "");
        if (!formType)
          throw new ImportFileError(`Unknown form ${String(a.FormOID).slice(0, 80)} for subject ${patient.subjectId}.`);
        form = {
          formType,
          visitKey,
          data: {},
          source: `SubjectData ${patient.subjectId}, ${a.FormOID}${visitKey ? ` at ${visitKey}` : ""}`,
          groups: new Map(),
        };
        break;
      }
      case "ItemGroupData": {
        if (!form) break;
        const known = index.groups.get(a.ItemGroupOID ?? "");
        if (!known || known.formType !== form.formType)
          throw new ImportFileError(
            `Item group ${String(a.ItemGroupOID).slice(0, 80)} is not part of ${form.formType}.`,
          );
        group = { path: known.path, row: {} };
        if (known.path) {
          const rows = form.groups.get(known.path) ?? new Map<string, Record<string, unknown>>();
          rows.set(a.ItemGroupRepeatKey ?? String(rows.size + 1), group.row);
          form.groups.set(known.path, rows);
        }
        break;
      }
      case "ItemData": {
        if (!form || !group) break;
        const known = index.items.get(a.ItemOID ?? "");
        if (!known || known.formType !== form.formType)
          throw new ImportFileError(`Item ${String(a.ItemOID).slice(0, 80)} is not part of ${form.formType}.`);
        writePath(group.path ? group.row : form.data, known.path, parseItemValue(known.item, a.Value));
        break;
      }
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "ItemGroupData") group = null;
    else if (tag.name === "FormData" && form && patient) {
      for (const [path, rows] of form.groups)
        writePath(
          form.data,
          path,
          [...rows.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, row]) => row),
        );
      if (form.formType === REGISTRATION_FORM_TYPE) applyRegistration(patient, form.data);
      else
        patient.forms.push({ formType: form.formType, visitKey: form.visitKey, data: form.data, source: form.source });
      form = null;
    } else if (tag.name === "StudyEventData") visitKey = null;
    else if (tag.name === "SubjectData" && patient) {
      closeSubject(patient);
      patient = null;
    }
  });
  const parse = (write: () => void) => {
    try {
      write();
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError(
        `The file is not well-formed XML: ${error instanceof Error ? error.message.slice(0, 200) : "unreadable"}.`,
      );
    }
  };
  for (const text of textChunks(bytes)) {
    parse(() => parser.write(text));
    yield;
  }
  parse(() => parser.close());
  if (!sawOdm) throw new ImportFileError("The file is not CDISC ODM: it has no ODM element.");
  if (!clinical) throw new ImportFileError("The ODM file has no ClinicalData.");
}

const drain = (slices: Generator<void>) => {
  for (let step = slices.next(); !step.done; step = slices.next());
};

/** The whole file at once: every patient (a SubjectKey given twice is one patient). */
export function readOdmImport(bytes: Uint8Array): ImportBundle {
  const patients = new Map<string, ImportPatient>();
  const open = (key: string) => {
    const patient = patients.get(key) ?? emptyPatient(key);
    patients.set(key, patient);
    return patient;
  };
  drain(parseOdm(bytes, open, () => {}));
  return { patients: [...patients.values()] };
}

/**
 * The file a subject at a time, so memory stays flat with the file's size: the first pass
 * checks the whole file (any ImportFileError is thrown before anything is written) and keeps
 * only the subject keys; the second yields each subject as soon as its SubjectData ends. A file
 * that gives a SubjectKey twice is read whole instead (readOdmImport merges the two).
 */
export function streamOdmSubjects(bytes: Uint8Array): Iterable<ImportPatient> {
  const keys = new Set<string>();
  let repeated = false;
  const check = (key: string) => {
    if (keys.has(key)) repeated = true;
    keys.add(key);
    return emptyPatient(key);
  };
  drain(parseOdm(bytes, check, () => {}));
  if (repeated) return readOdmImport(bytes).patients;
  return (function* () {
    const ready: ImportPatient[] = [];
    const slices = parseOdm(bytes, emptyPatient, (patient) => ready.push(patient));
    for (let step = slices.next(); !step.done; step = slices.next()) yield* ready.splice(0);
    yield* ready.splice(0);
  })();
}

function applyRegistration(patient: ImportPatient, data: Record<string, unknown>): void {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  patient.registered = true;
  patient.screeningDate = text(data.screeningDate);
  patient.enrollmentDate = text(data.enrollmentDate);
  patient.status = text(data.status);
  patient.screenFailureReason = text(data.screenFailureReason);
  patient.externalId = text(data.externalId);
}
