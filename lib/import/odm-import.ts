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

/** Bytes are decoded and parsed this many at a time when the whole file is at hand. */
const CHUNK_BYTES = 1024 * 1024;

/** The XML declaration is checked once this much text has arrived (a network chunk may be a few bytes). */
const HEAD_CHARS = 4096;

/**
 * An attribute value that no longer holds on to the text it was cut from. V8 keeps a substring
 * of 13 characters or more as a view into its parent: a subject key ("S25A04-000001") or a form
 * OID kept for the report's lines kept the whole decoded chunk alive (a megabyte of text, two
 * bytes a character, outside the JS heap: TextDecoder's large strings are external), so an
 * import held the whole file twice by its end (pass 1's subject keys, pass 2's report). The
 * concatenation is flattened into a new string by the slice.
 */
const detached = (value: string) => (value.length < 13 ? value : (" " + value).slice(1));

function detachedAttributes(attributes: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) copy[name] = detached(value);
  return copy;
}

/** Fed the file a chunk of bytes at a time (any size, any split of a UTF-8 sequence); `end` after the last. */
export interface OdmParser {
  write(chunk: Uint8Array): void;
  end(): void;
}

/**
 * CDISC ODM 1.3.2 ClinicalData read with a streaming (SAX) parser: SubjectData, the site
 * (SiteRef), StudyEventData (a visit's repeat key is its visit key), FormData, ItemGroupData
 * (repeating groups by ItemGroupRepeatKey) and ItemData by the OIDs the trial's own export uses
 * (lib/export/odm). A DOCTYPE is refused outright: no entity expansion, no external entity.
 *
 * It parses as the bytes arrive. `openSubject` gives the patient a SubjectData
 * fills (the same object for a repeated SubjectKey when merging); `closeSubject` is told when its
 * element ends. Every check of the file throws ImportFileError from inside write or end; the
 * text is decoded a chunk at a time, so no string ever holds the whole file.
 */
export function createOdmParser(
  openSubject: (key: string) => ImportPatient,
  closeSubject: (patient: ImportPatient) => void,
): OdmParser {
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
    for (const value of Object.values(tag.attributes as Record<string, string>))
      if (value.length > MAX_VALUE_CHARS)
        throw new ImportFileError(`An attribute of ${tag.name} is longer than ${MAX_VALUE_CHARS} characters.`, 413);
    const a = detachedAttributes(tag.attributes as Record<string, string>);
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
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new ImportFileError("The file is not UTF-8 text.", 415);
    }
  };
  // The first characters wait until the declaration can be read whole.
  let head: string | null = "";
  const feed = (text: string, last: boolean) => {
    if (head !== null) {
      head += text;
      if (head.length < HEAD_CHARS && !last) return;
      text = head.replace(/^\uFEFF/, "");
      head = null;
      const declared = text.match(/^<\?xml[^>]*encoding=["']([^"']+)["']/)?.[1];
      if (declared && !/^utf-?8$/i.test(declared))
        throw new ImportFileError(`The file declares the encoding ${declared.slice(0, 40)}; send ODM as UTF-8.`, 415);
    }
    if (text) parse(() => parser.write(text));
  };
  return {
    write: (chunk) => feed(decode(chunk), false),
    end() {
      feed(decode(), true);
      parse(() => parser.close());
      if (!sawOdm) throw new ImportFileError("The file is not CDISC ODM: it has no ODM element.");
      if (!clinical) throw new ImportFileError("The ODM file has no ClinicalData.");
    },
  };
}

/** The file as slices of bytes, for a reader that has it whole. */
function* slicesOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) yield bytes.subarray(offset, offset + CHUNK_BYTES);
}

/** The whole file at once: every patient (a SubjectKey given twice is one patient). */
export function readOdmImport(bytes: Uint8Array): ImportBundle {
  const patients = new Map<string, ImportPatient>();
  const open = (key: string) => {
    const patient = patients.get(key) ?? emptyPatient(key);
    patients.set(key, patient);
    return patient;
  };
  const parser = createOdmParser(open, () => {});
  for (const slice of slicesOf(bytes)) parser.write(slice);
  parser.end();
  return { patients: [...patients.values()] };
}

/**
 * Pass 1 of a streamed import, fed as the file arrives: checks the whole file (any
 * ImportFileError is thrown before anything is written) and keeps only the subject keys, to
 * know which SubjectKeys the file gives twice.
 */
export function createOdmChecker(): OdmParser & { repeatedKeys(): ReadonlySet<string> } {
  const keys = new Set<string>();
  const repeated = new Set<string>();
  const parser = createOdmParser(
    (key) => {
      if (keys.has(key)) repeated.add(key);
      keys.add(key);
      return emptyPatient(key);
    },
    () => {},
  );
  return { write: parser.write, end: parser.end, repeatedKeys: () => repeated };
}

/**
 * Pass 2 of a streamed import: the checked file's subjects, each yielded as soon as its
 * SubjectData ends, while the source is read no further than the chunk that ended it (an async
 * generator reads on only when the importer asks for the next subject). A SubjectKey the file
 * gives twice (`repeatedKeys`, from pass 1) is merged and yielded at the end.
 */
export async function* streamOdmSubjects(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  repeatedKeys: ReadonlySet<string> = new Set(),
): AsyncGenerator<ImportPatient> {
  const ready: ImportPatient[] = [];
  const merged = new Map<string, ImportPatient>();
  const parser = createOdmParser(
    (key) => {
      if (!repeatedKeys.has(key)) return emptyPatient(key);
      const patient = merged.get(key) ?? emptyPatient(key);
      merged.set(key, patient);
      return patient;
    },
    (patient) => {
      if (!repeatedKeys.has(patient.subjectId)) ready.push(patient);
    },
  );
  for await (const chunk of chunks) {
    parser.write(chunk);
    yield* ready.splice(0);
  }
  parser.end();
  yield* ready.splice(0);
  yield* merged.values();
}

/** Both passes over a file held whole (tests and the reader bench): checked first, then a subject at a time. */
export function checkAndStreamOdm(bytes: Uint8Array): AsyncGenerator<ImportPatient> {
  const checker = createOdmChecker();
  for (const slice of slicesOf(bytes)) checker.write(slice);
  checker.end();
  return streamOdmSubjects(slicesOf(bytes), checker.repeatedKeys());
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
