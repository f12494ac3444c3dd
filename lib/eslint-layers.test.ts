import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

// The layer rule (eslint-layers.mjs) through ESLint itself, with the project's own config:
// a wrong-way import in a file of each layer fails, the right way passes.
const eslint = new ESLint();
const RULE = "@typescript-eslint/no-restricted-imports";

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("imports run one way: app -> components -> lib/http, lib/actions -> lib/data -> lib/forms -> lib/schemas -> lib/domain", () => {
  test.each([
    ["lib/domain/dosing/new-rule.ts", 'import { getPrisma } from "@/lib/db/prisma";\nexport const x = getPrisma;\n'],
    [
      "lib/domain/dosing/new-rule.ts",
      'import { LabsSchema } from "@/lib/forms/labs/labs-schema";\nexport const x = LabsSchema;\n',
    ],
    [
      "lib/schemas/new-schema.ts",
      'import { listFormDefinitions } from "@/lib/forms/registry";\nexport const x = listFormDefinitions;\n',
    ],
    [
      "lib/forms/new-form.ts",
      'import { saveCrfRecord } from "@/lib/data/crf-records";\nexport const x = saveCrfRecord;\n',
    ],
    ["lib/auth/new-check.ts", 'import { listUsers } from "@/lib/data/admin";\nexport const x = listUsers;\n'],
    [
      "lib/data/new-data.ts",
      'import { API_ENDPOINT_LIST } from "@/lib/api/endpoints";\nexport const x = API_ENDPOINT_LIST;\n',
    ],
    ["components/new-widget.tsx", 'import { listUsers } from "@/lib/data/admin";\nexport const x = listUsers;\n'],
    ["components/new-widget.tsx", 'import Page from "@/app/page";\nexport const x = Page;\n'],
  ])("%s may not import that: lint fails", async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  test.each([
    ["lib/forms/new-form.ts", 'import { isoDate } from "@/lib/schemas/iso-date";\nexport const x = isoDate;\n'],
    [
      "lib/data/new-data.ts",
      'import { LabsSchema } from "@/lib/forms/labs/labs-schema";\nexport const x = LabsSchema;\n',
    ],
    [
      "components/new-widget.tsx",
      'import type { CrfRecordView } from "@/lib/data/crf-records";\nimport { saveCrfAction } from "@/app/patients/[id]/actions";\nexport const x: CrfRecordView | null = null;\nexport const y = saveCrfAction;\n',
    ],
  ])("%s may import downward (and view types, and server actions): lint passes", async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
