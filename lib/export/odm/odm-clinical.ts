import type { ExportPatient, ExportRecord } from "../csv/csv-plan";
import { readGroupRows, readPath, type FormLayout, type ItemSpec } from "../form-layout";
import type { FormPlacement } from "@/lib/forms/form-definition";
import { UNSCHEDULED_VISIT, unscheduledRepeatKey } from "@/lib/forms/form-identity";
import { formOid, itemGroupOid, itemOid, locationOid, studyEventFor, userOid, STUDY_EVENTS } from "./odm-oids";
import { element, text } from "./xml";

/** One audit trail entry of a form (lib/audit), as the ODM export reads it. */
export interface FormAuditEvent {
  id: string;
  entityId: string;
  actorId: string | null;
  occurredAt: string;
  changes: { field: string }[];
  reason: string | null;
}

export interface OdmFormInfo {
  layout: FormLayout;
  placement: FormPlacement;
}

/** ItemData Value: ODM writes every value as text; lists of plain values joined with "; ". */
function odmValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.length ? value.map(String).join("; ") : null;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The latest audit event per field path of each record. Events are read oldest first, so
 * a later change of a field replaces the earlier one: the AuditRecord of an ItemData says
 * who last set the value it carries.
 */
export function indexAuditByField(events: readonly FormAuditEvent[]): Map<string, Map<string, FormAuditEvent>> {
  const index = new Map<string, Map<string, FormAuditEvent>>();
  for (const event of events) {
    const fields = index.get(event.entityId) ?? new Map<string, FormAuditEvent>();
    for (const change of event.changes) fields.set(change.field, event);
    index.set(event.entityId, fields);
  }
  return index;
}

/** The event that last changed a value: for a list item, the latest change of any of its entries. */
function lastChange(
  fields: Map<string, FormAuditEvent> | undefined,
  path: string,
  multiple: boolean,
): FormAuditEvent | null {
  if (!fields) return null;
  let latest = fields.get(path) ?? null;
  if (multiple) {
    for (const [field, event] of fields) {
      if (
        field.startsWith(`${path}.`) &&
        (!latest ||
          event.occurredAt > latest.occurredAt ||
          (event.occurredAt === latest.occurredAt && event.id > latest.id))
      )
        latest = event;
    }
  }
  return latest;
}

function auditRecord(event: FormAuditEvent, siteCode: string): string {
  return element("AuditRecord", {}, [
    element("UserRef", { UserOID: userOid(event.actorId ?? "unknown") }),
    element("LocationRef", { LocationOID: locationOid(siteCode) }),
    element("DateTimeStamp", {}, text(event.occurredAt)),
    event.reason ? element("ReasonForChange", {}, text(event.reason)) : "",
    element("SourceID", {}, text(`audit_events.id=${event.id}`)),
  ]);
}

function itemData(
  formType: string,
  item: ItemSpec,
  oidPath: string,
  value: unknown,
  event: FormAuditEvent | null,
  siteCode: string,
): string {
  const written = odmValue(value);
  if (written === null) return "";
  return element(
    "ItemData",
    { ItemOID: itemOid(formType, oidPath), Value: written },
    event ? auditRecord(event, siteCode) : "",
  );
}

function formData(
  info: OdmFormInfo,
  record: ExportRecord,
  repeatKey: number | null,
  audit: Map<string, FormAuditEvent> | undefined,
  siteCode: string,
): string {
  const { layout } = info;
  const main = element(
    "ItemGroupData",
    { ItemGroupOID: itemGroupOid(layout.formType) },
    layout.items.map((item) =>
      itemData(
        layout.formType,
        item,
        item.path,
        readPath(record.data, item.path),
        lastChange(audit, item.path, item.multiple),
        siteCode,
      ),
    ),
  );
  const groups = layout.groups.flatMap((group) =>
    readGroupRows(record.data, group).map((row, index) =>
      element(
        "ItemGroupData",
        { ItemGroupOID: itemGroupOid(layout.formType, group.path), ItemGroupRepeatKey: index + 1 },
        group.items.map((item) =>
          itemData(
            layout.formType,
            item,
            `${group.path}.${item.path}`,
            readPath(row, item.path),
            lastChange(audit, `${group.path}.${index}.${item.path}`, item.multiple),
            siteCode,
          ),
        ),
      ),
    ),
  );
  return element("FormData", { FormOID: formOid(layout.formType), FormRepeatKey: repeatKey ?? undefined }, [
    main,
    ...groups,
  ]);
}

/**
 * One patient's SubjectData: the site, then one StudyEventData per study event (one per
 * scheduled visit), each with its forms; every ItemData carries the AuditRecord of the
 * change that set its value.
 */
export function writeSubjectData(
  patient: ExportPatient,
  records: readonly ExportRecord[],
  forms: ReadonlyMap<string, OdmFormInfo>,
  audit: ReadonlyMap<string, Map<string, FormAuditEvent>>,
): string {
  const events = new Map<string, { oid: string; repeatKey: string | null; order: number; forms: string[] }>();
  const repeatCounts = new Map<string, number>();
  let unscheduled = 0;
  for (const record of records) {
    const info = forms.get(record.formType);
    if (!info) continue;
    const event = studyEventFor(info.placement);
    const ownVisit = record.visitKey === UNSCHEDULED_VISIT ? unscheduledRepeatKey(++unscheduled) : record.visitKey;
    const repeatKey = event.repeating === "Yes" ? (ownVisit ?? "unscheduled") : null;
    const key = `${event.oid}|${repeatKey ?? ""}`;
    const entry = events.get(key) ?? { oid: event.oid, repeatKey, order: STUDY_EVENTS.indexOf(event), forms: [] };
    let formRepeatKey: number | null = null;
    if (info.layout.repeating) {
      formRepeatKey = (repeatCounts.get(`${key}|${record.formType}`) ?? 0) + 1;
      repeatCounts.set(`${key}|${record.formType}`, formRepeatKey);
    }
    entry.forms.push(formData(info, record, formRepeatKey, audit.get(record.id), patient.siteCode));
    events.set(key, entry);
  }
  // Protocol order of the events; visits in the order their first form was saved (records come oldest first).
  const ordered = [...events.values()].map((e, i) => ({ ...e, i })).sort((a, b) => a.order - b.order || a.i - b.i);
  return element("SubjectData", { SubjectKey: patient.subjectId }, [
    element("SiteRef", { LocationOID: locationOid(patient.siteCode) }),
    ...ordered.map((e) =>
      element("StudyEventData", { StudyEventOID: e.oid, StudyEventRepeatKey: e.repeatKey ?? undefined }, e.forms),
    ),
  ]);
}
