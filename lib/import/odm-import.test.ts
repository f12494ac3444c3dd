import { describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import { ImportFileError } from "./import-bundle";
import { checkAndStreamOdm, createOdmChecker, readOdmImport, streamOdmSubjects } from "./odm-import";

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

  /** The file in chunks of `size` bytes, counting how many the reader has pulled. */
  const counted = (bytes: Uint8Array, size: number) => {
    const source = { pulled: 0, total: Math.ceil(bytes.length / size) };
    const chunks = (function* () {
      for (let offset = 0; offset < bytes.length; offset += size) {
        source.pulled += 1;
        yield bytes.subarray(offset, offset + size);
      }
    })();
    return { source, chunks };
  };
  const collect = async <T>(subjects: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const subject of subjects) out.push(subject);
    return out;
  };

  it("yields each subject as soon as its SubjectData ends, reading the source no further than that", async () => {
    // About 150 KB per subject: 20 subjects span about 50 chunks of 64 KB.
    const bytes = odm(
      Array.from({ length: 20 }, (_, i) => subject(`TW01-${String(i + 1).padStart(3, "0")}`, "2026-01-05")).join(""),
    );
    const { source, chunks } = counted(bytes, 64 * 1024);
    const iterator = streamOdmSubjects(chunks);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ subjectId: "TW01-001", registered: true, screeningDate: "2026-01-05" });
    // One subject's worth of the file has been read, not the file.
    expect(source.pulled).toBeLessThanOrEqual(4);
    expect(source.total).toBeGreaterThan(40);
    const rest = await collect({ [Symbol.asyncIterator]: () => iterator });
    expect(rest.map((p) => p.subjectId)).toEqual(
      Array.from({ length: 19 }, (_, i) => `TW01-${String(i + 2).padStart(3, "0")}`),
    );
    expect(source.pulled).toBe(source.total);
  });

  it("checks a file fed a few bytes at a time (UTF-8 split across chunks) as it checks it whole", async () => {
    const bytes = odm(subject("TW01-é01", "2026-01-05"));
    const checker = createOdmChecker();
    for (let offset = 0; offset < bytes.length; offset += 3) checker.write(bytes.subarray(offset, offset + 3));
    checker.end();
    const [patient] = await collect(streamOdmSubjects(counted(bytes, 5).chunks));
    expect(patient).toMatchObject({ subjectId: "TW01-é01", screeningDate: "2026-01-05" });
    const latin1 = strToU8(`<?xml version="1.0" encoding="ISO-8859-1"?>${"<!-- x -->".repeat(10)}<ODM/>`);
    const fed = createOdmChecker();
    expect(() => {
      for (let offset = 0; offset < latin1.length; offset += 7) fed.write(latin1.subarray(offset, offset + 7));
      fed.end();
    }).toThrow(/declares the encoding ISO-8859-1/);
  });

  it("refuses a file broken at its end in the checking pass; a repeated SubjectKey is merged and comes last", async () => {
    const broken = strToU8(
      new TextDecoder()
        .decode(odm(Array.from({ length: 10 }, (_, i) => subject(`S${i}`, "2026-01-05")).join("")))
        .replace("</ODM>", "<ODM>"),
    );
    expect(() => checkAndStreamOdm(broken)).toThrow(ImportFileError);
    const twice = odm(`${subject("S1", "2026-01-05")}${subject("S2", "2026-01-06")}${subject("S1", "2026-01-07")}`);
    expect((await collect(checkAndStreamOdm(twice))).map((p) => [p.subjectId, p.screeningDate])).toEqual([
      ["S2", "2026-01-06"],
      ["S1", "2026-01-07"],
    ]);
  });
});
