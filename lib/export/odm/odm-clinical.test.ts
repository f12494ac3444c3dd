import { describe, expect, test } from "vitest";
import { getFormDefinition } from "@/lib/forms/registry";
import { buildFormLayout } from "../form-layout";
import { exportRecord } from "@/test/fixtures/export-record";
import { indexAuditByField, writeSubjectData, type FormAuditEvent } from "./odm-clinical";

const event = (id: string, occurredAt: string, fields: string[], reason: string | null = null): FormAuditEvent => ({
  id,
  entityId: "r1",
  actorId: "u1",
  occurredAt,
  changes: fields.map((field) => ({ field })),
  reason,
});

describe("ODM clinical data", () => {
  test("each value carries the audit record of its latest change; lists take their latest entry change", () => {
    const audit = indexAuditByField([
      event("1", "2026-01-10T10:00:00.000Z", ["sampleDate", "analytes.0.value", "analytes.1.analyte"]),
      event("2", "2026-01-11T09:00:00.000Z", ["analytes.0.value"], "Re-assayed & corrected"),
    ]);
    const form = getFormDefinition("cytokines")!;
    const xml = writeSubjectData(
      {
        id: "p",
        subjectId: "TW01-001",
        siteCode: "TW01",
        siteName: "",
        status: "ON_TREATMENT",
        screeningDate: "",
        enrollmentDate: null,
        screenFailureReason: null,
        lockedAt: null,
      },
      [
        exportRecord({
          formType: "cytokines",
          visitKey: "baseline",
          version: 2,
          data: {
            sampleDate: "2026-01-08",
            analytes: [
              { analyte: "IL-6", value: 4, unit: "pg/mL", lloq: 0.7, belowLloq: false },
              { analyte: "IL-8", value: null, unit: "pg/mL", lloq: 1.5, belowLloq: true },
            ],
          },
        }),
      ],
      new Map([["cytokines", { layout: buildFormLayout(form), placement: form.placement }]]),
      audit,
    );
    expect(xml).toContain(
      '<SubjectData SubjectKey="TW01-001"><SiteRef LocationOID="LOC.TW01"/><StudyEventData StudyEventOID="SE.BASELINE"><FormData FormOID="F.CYTOKINES">',
    );
    expect(xml).toContain(
      '<ItemData ItemOID="IT.CYTOKINES.analytes.value" Value="4"><AuditRecord><UserRef UserOID="USR.u1"/><LocationRef LocationOID="LOC.TW01"/><DateTimeStamp>2026-01-11T09:00:00.000Z</DateTimeStamp><ReasonForChange>Re-assayed &amp; corrected</ReasonForChange><SourceID>audit_events.id=2</SourceID></AuditRecord></ItemData>',
    );
    // A missing value (below LLOQ) has no ItemData; a value never audited has no AuditRecord.
    expect(xml).toContain(
      '<ItemGroupData ItemGroupOID="IG.CYTOKINES.analytes" ItemGroupRepeatKey="2"><ItemData ItemOID="IT.CYTOKINES.analytes.analyte" Value="IL-8"><AuditRecord>',
    );
    expect(xml).toContain('<ItemData ItemOID="IT.CYTOKINES.analytes.unit" Value="pg/mL"/>');
    expect(xml).not.toContain('IT.CYTOKINES.analytes.value" Value=""');
  });
});
