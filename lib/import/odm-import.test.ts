import { describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import { ImportFileError } from "./import-bundle";
import { readOdmImport, streamOdmSubjects } from "./odm-import";

const odm = (clinical: string) =>
  strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2"><ClinicalData StudyOID="S" MetaDataVersionOID="M">${clinical}</ClinicalData></ODM>`,
  );

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
    expect(patient).toMatchObject({
      subjectId: "TW01-001",
      siteCode: "TW01",
      registered: true,
      screeningDate: "2026-01-05",
      externalId: "SCR-7",
    });
    expect(patient!.forms).toEqual([
      expect.objectContaining({
        formType: "tumour-assessment",
        visitKey: "week8",
        data: { assessmentDate: "2026-03-10", measurements: [{ diameterMm: 30 }, { diameterMm: 12 }] },
      }),
    ]);
  });

  it.each([
    ["a DOCTYPE", strToU8(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><ODM><ClinicalData/></ODM>`), 400],
    [
      "Latin-1 bytes",
      new Uint8Array([...strToU8("<ODM><ClinicalData>"), 0xe9, ...strToU8("</ClinicalData></ODM>")]),
      415,
    ],
    [
      "another declared encoding",
      strToU8(`<?xml version="1.0" encoding="windows-1252"?><ODM><ClinicalData/></ODM>`),
      415,
    ],
    ["unclosed elements", strToU8("<ODM><ClinicalData>"), 400],
    [
      "an unknown form OID",
      odm(
        `<SubjectData SubjectKey="X"><StudyEventData StudyEventOID="SE.X"><FormData FormOID="F.NOPE"/></StudyEventData></SubjectData>`,
      ),
      400,
    ],
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

describe("streamOdmSubjects", () => {
  const subject = (key: string, date: string) =>
    `<SubjectData SubjectKey="${key}"><SiteRef LocationOID="LOC.TW01"/><StudyEventData StudyEventOID="SE.SCREENING"><FormData FormOID="F.REGISTRATION"><ItemGroupData ItemGroupOID="IG.REGISTRATION"><ItemData ItemOID="IT.REGISTRATION.screeningDate" Value="${date}"/></ItemGroupData></FormData></StudyEventData>${"<!-- padding -->".repeat(9000)}</SubjectData>`;

  it("yields each subject as soon as its slice is parsed, after checking the whole file first", () => {
    // About 150 KB per subject: 20 subjects span several 1 MiB slices.
    const bytes = odm(
      Array.from({ length: 20 }, (_, i) => subject(`TW01-${String(i + 1).padStart(3, "0")}`, "2026-01-05")).join(""),
    );
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const iterator = streamOdmSubjects(bytes)[Symbol.iterator]();
    const first = iterator.next();
    expect(first.value).toMatchObject({ subjectId: "TW01-001", registered: true, screeningDate: "2026-01-05" });
    const rest = [...{ [Symbol.iterator]: () => iterator }];
    expect(rest.map((p) => p.subjectId)).toEqual(
      Array.from({ length: 19 }, (_, i) => `TW01-${String(i + 2).padStart(3, "0")}`),
    );
    expect(rest.map((p) => p).filter((p) => p.siteCode !== "TW01")).toEqual([]);
  });

  it("refuses a file broken at its end before yielding any subject; a repeated SubjectKey is merged as by readOdmImport", () => {
    const broken = strToU8(
      new TextDecoder()
        .decode(odm(Array.from({ length: 10 }, (_, i) => subject(`S${i}`, "2026-01-05")).join("")))
        .replace("</ODM>", "<ODM>"),
    );
    expect(() => streamOdmSubjects(broken)).toThrow(ImportFileError);
    const twice = odm(`${subject("S1", "2026-01-05")}${subject("S2", "2026-01-06")}${subject("S1", "2026-01-07")}`);
    expect([...streamOdmSubjects(twice)].map((p) => [p.subjectId, p.screeningDate])).toEqual([
      ["S1", "2026-01-07"],
      ["S2", "2026-01-06"],
    ]);
  });
});
