import { describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import { ImportFileError } from "./import-bundle";
import { readOdmImport } from "./odm-import";

const odm = (clinical: string) =>
  strToU8(`<?xml version="1.0" encoding="UTF-8"?><ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2"><ClinicalData StudyOID="S" MetaDataVersionOID="M">${clinical}</ClinicalData></ODM>`);

describe("readOdmImport", () => {
  it("reads registration, forms by OID, visit repeat keys and repeating groups in repeat-key order", () => {
    const bundle = readOdmImport(
      odm(`<SubjectData SubjectKey="TW01-001"><SiteRef LocationOID="LOC.TW01"/>
        <StudyEventData StudyEventOID="SE.SCREENING"><FormData FormOID="F.REGISTRATION"><ItemGroupData ItemGroupOID="IG.REGISTRATION">
          <ItemData ItemOID="IT.REGISTRATION.screeningDate" Value="2026-01-05"/><ItemData ItemOID="IT.REGISTRATION.externalId" Value="SCR-7"/>
        </ItemGroupData></FormData></StudyEventData>
        <StudyEventData StudyEventOID="SE.VISIT" StudyEventRepeatKey="week8"><FormData FormOID="F.TUMOUR_ASSESSMENT">
          <ItemGroupData ItemGroupOID="IG.TUMOUR_ASSESSMENT"><ItemData ItemOID="IT.TUMOUR_ASSESSMENT.assessmentDate" Value="2026-03-10"/></ItemGroupData>
          <ItemGroupData ItemGroupOID="IG.TUMOUR_ASSESSMENT.measurements" ItemGroupRepeatKey="2"><ItemData ItemOID="IT.TUMOUR_ASSESSMENT.measurements.diameterMm" Value="12"/></ItemGroupData>
          <ItemGroupData ItemGroupOID="IG.TUMOUR_ASSESSMENT.measurements" ItemGroupRepeatKey="1"><ItemData ItemOID="IT.TUMOUR_ASSESSMENT.measurements.diameterMm" Value="30"/></ItemGroupData>
        </FormData></StudyEventData></SubjectData>`),
    );
    expect(bundle.patients).toHaveLength(1);
    const [patient] = bundle.patients;
    expect(patient).toMatchObject({ subjectId: "TW01-001", siteCode: "TW01", registered: true, screeningDate: "2026-01-05", externalId: "SCR-7" });
    expect(patient!.forms).toEqual([
      expect.objectContaining({ formType: "tumour-assessment", visitKey: "week8", data: { assessmentDate: "2026-03-10", measurements: [{ diameterMm: 30 }, { diameterMm: 12 }] } }),
    ]);
  });

  it.each([
    ["a DOCTYPE", strToU8(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><ODM><ClinicalData/></ODM>`), 400],
    ["Latin-1 bytes", new Uint8Array([...strToU8("<ODM><ClinicalData>"), 0xe9, ...strToU8("</ClinicalData></ODM>")]), 415],
    ["another declared encoding", strToU8(`<?xml version="1.0" encoding="windows-1252"?><ODM><ClinicalData/></ODM>`), 415],
    ["unclosed elements", strToU8("<ODM><ClinicalData>"), 400],
    ["an unknown form OID", odm(`<SubjectData SubjectKey="X"><StudyEventData StudyEventOID="SE.X"><FormData FormOID="F.NOPE"/></StudyEventData></SubjectData>`), 400],
    ["no ClinicalData", strToU8("<ODM/>"), 400],
  ])("refuses %s with a clear %i", (_name, bytes, status) => {
    const error = (() => {
      try {
        readOdmImport(bytes);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).status).toBe(status);
  });
});
