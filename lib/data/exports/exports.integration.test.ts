import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { registerPatient } from "@/lib/data/patients";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedExportPatients } from "@/test/integration/export-fixtures";
import { validateOdm } from "@/test/integration/odm-schema";
import { parseCsv } from "@/test/integration/parse-csv";
import { exportCsv } from "./csv-export";
import { PATIENT_BATCH_SIZE } from "./patient-batches";
import { exportOdm } from "./odm-export";
import { exportSdtm } from "./sdtm-export";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();
let piOfTw02: Actor;

beforeAll(async () => {
  await seedExportPatients(actors, sites);
  piOfTw02 = { ...actors.pi, assignments: [{ role: "PRINCIPAL_INVESTIGATOR", siteId: sites.TW02 }] };
}, 60_000);

const unzip = async (stream: ReadableStream<Uint8Array>) => {
  const files = unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
};
const lastExportAudit = () =>
  db.prisma.auditEvent.findFirstOrThrow({ where: { action: "EXPORT" }, orderBy: { id: "desc" } });
const changeOf = (changes: unknown, field: string) =>
  (changes as { field: string; to: unknown }[]).find((c) => c.field === field)?.to;

describe("the CSV export", () => {
  test("one file per form, long files for repeating groups, patients and a generated dictionary; guarded cells; audited", async () => {
    const csv = await exportCsv(actors.pi, { site: [] });
    // Named after the study, the format and the day, not a random id.
    expect(csv.fileName).toBe(`HCC-THAL-UFT-II_csv_${new Date().toISOString().slice(0, 10)}.zip`);
    const files = await unzip(csv.stream);
    expect(Object.keys(files)).toEqual([
      "patients.csv",
      "eligibility.csv",
      "baseline.csv",
      "cytokines.csv",
      "cytokines.analytes.csv",
      "tumour-baseline.csv",
      "tumour-baseline.targetLesions.csv",
      "tumour-baseline.nonTargetLesions.csv",
      "dosing.csv",
      "labs.csv",
      "tumour-assessment.csv",
      "tumour-assessment.measurements.csv",
      "adverse-event.csv",
      "pregnancy-test.csv",
      "end-of-study.csv",
      "dictionary.csv",
      "read_trialdesk.R",
      "read_trialdesk.sas",
      "read_trialdesk.do",
    ]);
    expect(parseCsv(files["patients.csv"]!).map((p) => [p.subject_id, p.site_code, p.status])).toEqual([
      ["TW01-001", "TW01", "OFF_TREATMENT"],
      ["TW02-001", "TW02", "ON_TREATMENT"],
    ]);
    const [baseline] = parseCsv(files["baseline.csv"]!);
    expect(baseline).toMatchObject({
      subject_id: "TW01-001",
      heightCm: "170",
      "bilirubin.unit": "mg/dL",
      extrahepaticSites: "lung; bone",
      ethnicity: "'=1+2",
    });
    expect(Number(baseline!["computed.bsaM2"])).toBeCloseTo(Math.sqrt((170 * 70) / 3600), 6);
    expect(baseline!["computed.childPughClass"]).toBe("A");
    const lesions = parseCsv(files["tumour-baseline.targetLesions.csv"]!);
    expect(lesions.map((l) => [l.row_number, l.lesionId, l.site, l.longestDiameterMm])).toEqual([
      ["1", "T1", 'Segment VIII, "dome"', "60"],
      ["2", "T2", "Right lower lobe", "40"],
    ]);
    expect(parseCsv(files["cytokines.analytes.csv"]!).map((a) => [a.analyte, a.value, a.belowLloq])).toEqual([
      ["IL-6", "12.5", "false"],
      ["IL-8", "", "true"],
    ]);
    const labs = parseCsv(files["labs.csv"]!);
    expect(
      labs.map((l) => [
        l.visit_key,
        l.version,
        l["results.neutrophils.value"],
        l["computed.results.neutrophils.grade"],
      ]),
    ).toEqual([
      ["day1", "1", "3.2", "0"],
      ["week4", "2", "0.8", "3"],
    ]);
    expect(
      parseCsv(files["adverse-event.csv"]!).map((ae) => [ae.subject_id, ae.term, ae.grade, ae["computed.soc"]]),
    ).toEqual([
      ["TW01-001", "Neutrophil count decreased", "3", "Investigations"],
      ["TW02-001", "Fatigue", "2", "General disorders and administration site conditions"],
    ]);

    const dictionary = parseCsv(files["dictionary.csv"]!);
    const entry = (file: string, column: string) => dictionary.find((d) => d.file === file && d.column === column);
    expect(entry("baseline.csv", "heightCm")).toMatchObject({
      label: "Height (cm)",
      type: "float",
      unit: "cm",
      derived: "no",
    });
    expect(entry("baseline.csv", "sex")).toMatchObject({ allowed_values: "female; male" });
    expect(entry("baseline.csv", "computed.bsaM2")).toMatchObject({ type: "float", derived: "yes" });
    expect(entry("tumour-baseline.targetLesions.csv", "longestDiameterMm")).toMatchObject({
      unit: "mm",
      type: "float",
    });
    // Every column of every file is in the dictionary, and nothing else.
    for (const [name, content] of Object.entries(files)) {
      if (name === "dictionary.csv" || !name.endsWith(".csv")) continue;
      const header = content.split("\r\n")[0]!.split(",");
      expect(dictionary.filter((d) => d.file === name).map((d) => d.column)).toEqual(header);
    }

    const audit = await lastExportAudit();
    expect(audit).toMatchObject({ actorId: actors.pi.userId, entityType: "export", reason: null });
    expect(changeOf(audit.changes, "format")).toBe("csv");
    expect(changeOf(audit.changes, "completed")).toBe(true);
    expect(changeOf(audit.changes, "sites")).toEqual(["TW01", "TW02", "TW03"]);
    expect(changeOf(audit.changes, "rowCounts")).toMatchObject({
      "patients.csv": 2,
      "labs.csv": 2,
      "adverse-event.csv": 2,
      "cytokines.analytes.csv": 2,
    });
  });
});

describe("the ODM export", () => {
  test("is valid ODM 1.3.2 with metadata from the forms and the audit trail on every value", async () => {
    const xml = await new Response((await exportOdm(actors.pi, {})).stream).text();
    const result = await validateOdm(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);

    expect(xml).toMatch(/<ODM xmlns="http:\/\/www.cdisc.org\/ns\/odm\/v1.3" ODMVersion="1.3.2" FileType="Snapshot"/);
    expect(xml).toContain(
      '<ItemDef OID="IT.BASELINE.heightCm" Name="heightCm" DataType="float"><Question><TranslatedText xml:lang="en">Height (cm)</TranslatedText></Question><MeasurementUnitRef MeasurementUnitOID="MU.cm"/></ItemDef>',
    );
    expect(xml).toContain('<CodeList OID="CL.BASELINE.sex" Name="baseline sex" DataType="text">');
    expect(xml).toContain('<MeasurementUnit OID="MU.mm" Name="mm">');
    expect(xml).toMatch(/<SubjectData SubjectKey="TW01-001"><SiteRef LocationOID="LOC.TW01"\/>/);
    expect(xml).toContain('<StudyEventData StudyEventOID="SE.VISIT" StudyEventRepeatKey="week4">');
    // The corrected value carries who changed it, where, when and why.
    expect(xml).toMatch(
      new RegExp(
        `<ItemData ItemOID="IT.LABS.results.neutrophils.value" Value="0.8"><AuditRecord><UserRef UserOID="USR.${actors.investigator1.userId}"/><LocationRef LocationOID="LOC.TW01"/><DateTimeStamp>[^<]+</DateTimeStamp><ReasonForChange>Lab report corrected</ReasonForChange>`,
      ),
    );
    expect(xml).toContain('<ItemGroupData ItemGroupOID="IG.TUMOUR_BASELINE.targetLesions" ItemGroupRepeatKey="1">');
    expect(xml).toContain("Segment VIII, &quot;dome&quot;");

    // The schema has no key references: check that every reference resolves.
    const defined = (element: string) =>
      new Set([...xml.matchAll(new RegExp(`<${element} OID="([^"]+)"`, "g"))].map((m) => m[1]));
    const referenced = (attribute: string) =>
      new Set([...xml.matchAll(new RegExp(`${attribute}="([^"]+)"`, "g"))].map((m) => m[1]));
    for (const [element, attribute] of [
      ["ItemDef", "ItemOID"],
      ["ItemGroupDef", "ItemGroupOID"],
      ["FormDef", "FormOID"],
      ["StudyEventDef", "StudyEventOID"],
      ["CodeList", "CodeListOID"],
      ["MeasurementUnit", "MeasurementUnitOID"],
      ["User", "UserOID"],
      ["Location", "LocationOID"],
    ]) {
      const missing = [...referenced(attribute!)].filter((oid) => !defined(element!).has(oid));
      expect(missing, `${attribute} without ${element}`).toEqual([]);
    }
    const audit = await lastExportAudit();
    expect(changeOf(audit.changes, "format")).toBe("odm");
    expect(changeOf(audit.changes, "rowCounts")).toEqual({ SubjectData: 2, FormData: 13 });
  });

  test("the schema check can fail: a document breaking ODM 1.3.2 is rejected", async () => {
    const xml = await new Response((await exportOdm(actors.pi, {})).stream).text();
    const broken = xml.replace('FileType="Snapshot"', 'FileType="Everything"').replace("<SiteRef ", "<Site ");
    const result = await validateOdm(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(/FileType[\s\S]*Site/);
  });
});

describe("the SDTM export", () => {
  test("maps the forms to DM, EX, AE, LB, TU, TR, RS and DS with controlled terms", async () => {
    const files = await unzip((await exportSdtm(actors.pi, {})).stream);
    expect(Object.keys(files)).toEqual([
      "dm.csv",
      "ex.csv",
      "ae.csv",
      "lb.csv",
      "tu.csv",
      "tr.csv",
      "rs.csv",
      "ds.csv",
      "dv.csv",
    ]);
    const read = (name: string) => parseCsv(files[name]!);
    expect(read("dm.csv")).toEqual([
      expect.objectContaining({
        STUDYID: "THAL-UFT-HCC",
        DOMAIN: "DM",
        USUBJID: "THAL-UFT-HCC-TW01-001",
        RFSTDTC: "2026-01-12",
        RFICDTC: "2026-01-05",
        SEX: "M",
        AGE: "58",
        AGEU: "YEARS",
        ARMCD: "THAL+UFT",
        ACTARMCD: "THAL+UFT",
        COUNTRY: "TWN",
        RFXENDTC: "2026-03-20",
      }),
      expect.objectContaining({ USUBJID: "THAL-UFT-HCC-TW02-001", SEX: "U", ACTARMCD: "NOTTRT", SITEID: "TW02" }),
    ]);
    expect(read("ex.csv").map((r) => [r.EXTRT, r.EXDOSE, r.EXDOSU, r.EXDOSFRQ, r.EXROUTE, r.EXSTDTC])).toEqual([
      ["THALIDOMIDE", "100", "mg", "BID", "ORAL", "2026-01-12"],
      ["TEGAFUR/URACIL", "200", "mg", "BID", "ORAL", "2026-01-12"],
    ]);
    expect(
      read("ae.csv").map((r) => [
        r.USUBJID!.slice(-8),
        r.AESEQ,
        r.AEDECOD,
        r.AETOXGR,
        r.AESER,
        r.AEACN,
        r.AEREL,
        r.AEOUT,
        r.AESTDTC,
      ]),
    ).toEqual([
      [
        "TW01-001",
        "1",
        "Neutrophil count decreased",
        "3",
        "N",
        "MULTIPLE",
        "PROBABLY RELATED",
        "RECOVERED/RESOLVED",
        "2026-02-09",
      ],
      [
        "TW02-001",
        "1",
        "Fatigue",
        "2",
        "N",
        "MULTIPLE",
        "PROBABLY RELATED",
        "NOT RECOVERED/NOT RESOLVED",
        "2026-01-20",
      ],
    ]);
    const lb = read("lb.csv");
    expect(lb.find((r) => r.LBTESTCD === "NEUT" && r.VISIT === "WEEK 4")).toMatchObject({
      LBORRES: "0.8",
      LBORRESU: "x10^9/L",
      LBORNRLO: "1.8",
      LBTOXGR: "3",
      LBTOX: "Neutrophil count decreased",
      LBDTC: "2026-02-09",
      LBDY: "29",
    });
    expect(lb.find((r) => r.LBTESTCD === "IL8")).toMatchObject({
      LBCAT: "CYTOKINES",
      LBORRES: "<1.5",
      LBSTRESN: "",
      LBLLOQ: "1.5",
    });
    expect(read("tu.csv").map((r) => [r.TULNKID, r.TUORRES, r.TULOC, r.TUMETHOD])).toEqual([
      ["T1", "TARGET", "LIVER", "CT SCAN"],
      ["T2", "TARGET", "LUNG", "SPIRAL CT SCAN"],
      ["N1", "NON-TARGET", "BONE", "CT SCAN"],
    ]);
    expect(
      read("tr.csv")
        .filter((r) => r.TRTESTCD === "SUMDIAM")
        .map((r) => [r.VISIT, r.TRSTRESN]),
    ).toEqual([
      ["BASELINE", "100"],
      ["WEEK 8", "65"],
    ]);
    expect(read("rs.csv").map((r) => [r.RSTESTCD, r.RSORRES, r.RSCAT])).toEqual([
      ["TRGRESP", "PR", "RECIST 1.0"],
      ["NTRGRESP", "NON-CR/NON-PD", "RECIST 1.0"],
      ["NEWLIND", "N", "RECIST 1.0"],
      ["OVRLRESP", "PR", "RECIST 1.0"],
    ]);
    expect(
      read("ds.csv")
        .filter((r) => r.USUBJID!.endsWith("TW01-001"))
        .map((r) => [r.DSSEQ, r.DSDECOD, r.DSCAT, r.EPOCH, r.DSSTDTC]),
    ).toEqual([
      ["1", "INFORMED CONSENT OBTAINED", "PROTOCOL MILESTONE", "SCREENING", "2026-01-05"],
      ["2", "ADVERSE EVENT", "DISPOSITION EVENT", "TREATMENT", "2026-03-20"],
    ]);
    expect(changeOf((await lastExportAudit()).changes, "rowCounts")).toMatchObject({
      "dm.csv": 2,
      "ae.csv": 2,
      "ds.csv": 3,
    });
  });
});

describe("who may export what", () => {
  test.each(["investigator1", "coordinator", "monitor", "admin"] as const)(
    "%s may not export (403), and nothing is audited",
    async (name) => {
      const before = await db.prisma.auditEvent.count({ where: { action: "EXPORT" } });
      for (const run of [exportCsv, exportOdm, exportSdtm])
        await expect(run(actors[name], {})).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.prisma.auditEvent.count({ where: { action: "EXPORT" } })).toBe(before);
    },
  );

  test("a PI of one site exports that site only; another site is not found; bad filters are field errors", async () => {
    const files = await unzip((await exportSdtm(piOfTw02, {})).stream);
    expect(parseCsv(files["dm.csv"]!).map((r) => r.SITEID)).toEqual(["TW02"]);
    expect(parseCsv(files["ae.csv"]!).map((r) => r.AETERM)).toEqual(["Fatigue"]);
    const xml = await new Response((await exportOdm(piOfTw02, {})).stream).text();
    expect(xml).not.toContain("TW01");
    await expect(exportCsv(piOfTw02, { site: ["TW01"] })).rejects.toBeInstanceOf(NotFoundError);
    const invalid = await exportCsv(actors.pi, { site: ["<script>"] }).catch((e: unknown) => e);
    expect((invalid as ValidationError).fieldErrors).toHaveProperty("site.0");
    const filtered = await unzip((await exportCsv(actors.pi, { site: ["tw02"] })).stream);
    expect(parseCsv(filtered["patients.csv"]!).map((p) => p.subject_id)).toEqual(["TW02-001"]);
    expect(changeOf((await lastExportAudit()).changes, "filters")).toEqual({ site: ["TW02"] });
  });

  test("a download cancelled part-way is audited as incomplete", async () => {
    const reader = (await exportCsv(actors.pi, {})).stream.getReader();
    await reader.read();
    await reader.cancel();
    const audit = await lastExportAudit();
    expect(changeOf(audit.changes, "completed")).toBe(false);
    expect(audit.reason).toMatch(/stopped before the end/);
  });
});

describe("batches", () => {
  test("patients are read a batch at a time with a cursor: every patient once, in order, across batches", async () => {
    for (let i = 0; i < PATIENT_BATCH_SIZE + 3; i++)
      await registerPatient(actors.investigator3, { siteId: sites.TW03, screeningDate: "2026-01-20" });
    const files = await unzip((await exportCsv(actors.pi, {})).stream);
    const ids = parseCsv(files["patients.csv"]!).map((p) => p.subject_id);
    expect(ids).toHaveLength(PATIENT_BATCH_SIZE + 5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  }, 60_000);
});
