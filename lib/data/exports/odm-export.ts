import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { createTextStream } from "@/lib/export/byte-streams";
import { buildFormLayout } from "@/lib/export/form-layout";
import {
  indexAuditByField,
  writeSubjectData,
  type FormAuditEvent,
  type OdmFormInfo,
} from "@/lib/export/odm/odm-clinical";
import { writeStudyMetadata } from "@/lib/export/odm/odm-metadata";
import { REGISTRATION_FORM, registrationRecord } from "@/lib/export/odm/odm-registration";
import { locationOid, METADATA_VERSION_OID, STUDY_OID, userOid } from "@/lib/export/odm/odm-oids";
import { element, openTag, text } from "@/lib/export/odm/xml";
import { listFormDefinitions } from "@/lib/forms/registry";
import type { StreamedExport } from "./csv-export";
import { recordExportAudit } from "./export-audit";
import { listFormAuditUsers, readFormAuditEvents } from "./export-queries";
import { openExport, type ExportScope } from "./export-scope";
import { readPatientRecordBatches } from "./patient-batches";

const ODM_NAMESPACE = "http://www.cdisc.org/ns/odm/v1.3";

async function writeAdminData(scope: ExportScope): Promise<string> {
  const users = await listFormAuditUsers(scope);
  return element("AdminData", { StudyOID: STUDY_OID }, [
    ...users.map((user) =>
      element("User", { OID: userOid(user.id) }, [
        element("LoginName", {}, text(user.email)),
        user.name ? element("DisplayName", {}, text(user.name)) : "",
      ]),
    ),
    ...scope.sites.map((site) =>
      element(
        "Location",
        { OID: locationOid(site.code), Name: site.name, LocationType: "Site" },
        element("MetaDataVersionRef", {
          StudyOID: STUDY_OID,
          MetaDataVersionOID: METADATA_VERSION_OID,
          EffectiveDate: site.createdAt,
        }),
      ),
    ),
  ]);
}

/**
 * CDISC ODM 1.3.2 snapshot: the study metadata from the form definitions, AdminData (the
 * users of the audit trail, the sites), then ClinicalData streamed patient batch by batch,
 * every value with the AuditRecord of its last change.
 */
export async function exportOdm(actor: Actor, filters: unknown): Promise<StreamedExport> {
  const scope = await openExport(actor, "odm", filters);
  const definitions = listFormDefinitions();
  // Registration first: an import of this file registers each patient before entering the forms.
  const forms = [
    REGISTRATION_FORM,
    ...definitions.map((form): OdmFormInfo => ({ layout: buildFormLayout(form), placement: form.placement })),
  ];
  const byType = new Map(forms.map((f) => [f.layout.formType, f]));
  const created = new Date().toISOString();
  async function* chunks(): AsyncGenerator<string> {
    const counts = { SubjectData: 0, FormData: 0 };
    let completed = false;
    try {
      yield `<?xml version="1.0" encoding="UTF-8"?>\n`;
      yield openTag("ODM", {
        xmlns: ODM_NAMESPACE,
        ODMVersion: "1.3.2",
        FileType: "Snapshot",
        Granularity: "All",
        FileOID: `TRIALDESK.${scope.exportId}`,
        CreationDateTime: created,
        AsOfDateTime: created,
        Originator: "Trialdesk",
        SourceSystem: "Trialdesk",
        Description: `Trialdesk snapshot of sites ${scope.sites.map((s) => s.code).join(", ") || "(none)"}`,
      });
      yield writeStudyMetadata(forms);
      yield await writeAdminData(scope);
      yield openTag("ClinicalData", { StudyOID: STUDY_OID, MetaDataVersionOID: METADATA_VERSION_OID });
      for await (const batch of readPatientRecordBatches(scope, [...byType.keys()])) {
        const events = await readFormAuditEvents(
          scope,
          batch.map((b) => b.patient.id),
        );
        const audit = indexAuditByField(
          events.map((e): FormAuditEvent => ({
            id: e.id.toString(),
            entityId: e.entityId,
            actorId: e.actorId,
            occurredAt: e.occurredAt.toISOString(),
            changes: Array.isArray(e.changes) ? (e.changes as { field: string }[]) : [],
            reason: e.reason,
          })),
        );
        counts.SubjectData += batch.length;
        counts.FormData += batch.reduce((n, b) => n + b.records.length, 0);
        // One patient per piece: the stream holds one SubjectData at a time, not a batch of them.
        for (const { patient, records } of batch)
          yield writeSubjectData(patient, [registrationRecord(patient), ...records], byType, audit) + "\n";
      }
      yield "</ClinicalData></ODM>\n";
      completed = true;
    } finally {
      await recordExportAudit(scope, { rowCounts: counts, completed });
    }
  }
  return {
    scope,
    entryCount: null,
    fileName: scope.fileName("xml"),
    contentType: "application/xml; charset=utf-8",
    stream: createTextStream(chunks()),
  };
}
