import { describe, expect, test } from "vitest";
import { exportFileName } from "./export-file-name";

const at = new Date("2026-12-05T23:10:00Z");

describe("exportFileName", () => {
  test("study, format, site filter and day", () => {
    expect(
      exportFileName({ protocolCode: "THAL-UFT-HCC", format: "csv", siteCodes: [], exportedAt: at, extension: "zip" }),
    ).toBe("THAL-UFT-HCC_csv_2026-12-05.zip");
    expect(
      exportFileName({
        protocolCode: "THAL-UFT-HCC",
        format: "sdtm",
        siteCodes: ["TW01", "TW02"],
        exportedAt: at,
        extension: "zip",
      }),
    ).toBe("THAL-UFT-HCC_sdtm_TW01_TW02_2026-12-05.zip");
  });

  test("characters unsafe in a header or a file name are replaced; an empty code falls back", () => {
    expect(
      exportFileName({ protocolCode: 'HCC "02"/2026', format: "odm", siteCodes: [], exportedAt: at, extension: "xml" }),
    ).toBe("HCC-02-2026_odm_2026-12-05.xml");
    expect(exportFileName({ protocolCode: "  ", format: "odm", siteCodes: [], exportedAt: at, extension: "xml" })).toBe(
      "trialdesk_odm_2026-12-05.xml",
    );
  });
});
