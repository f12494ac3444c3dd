import { readFileSync } from "node:fs";
import path from "node:path";
import { validateXML, type XMLValidationResult } from "xmllint-wasm";

const DIR = path.join(process.cwd(), "test/fixtures/odm-1.3.2");
const file = (fileName: string) => ({ fileName, contents: readFileSync(path.join(DIR, fileName), "utf8") });

/** Validates a document against the CDISC ODM 1.3.2 schema shipped in test/fixtures/odm-1.3.2. */
export function validateOdm(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: [{ fileName: "export.xml", contents: xml }],
    schema: [file("ODM1-3-2.xsd")],
    preload: [file("ODM1-3-2-foundation.xsd"), file("xml.xsd"), file("xmldsig-core-schema.xsd")],
    maxMemoryPages: 16 * 1024,
  });
}
