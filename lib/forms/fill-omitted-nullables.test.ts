import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getFormDefinition } from "./registry";
import { fillOmittedNullables } from "./fill-omitted-nullables";

describe("fillOmittedNullables", () => {
  const schema = z
    .object({
      name: z.string(),
      note: z.string().nullable(),
      items: z.array(z.object({ size: z.number(), comment: z.string().nullable() })),
    })
    .refine(() => true);

  it("sets omitted nullable fields to null, at any depth, and leaves required ones missing", () => {
    expect(fillOmittedNullables(schema, { items: [{ size: 3 }] })).toEqual({
      note: null,
      items: [{ size: 3, comment: null }],
    });
  });

  it("keeps values that were sent, including an explicit undefined key", () => {
    expect(fillOmittedNullables(schema, { name: "a", note: "b", items: [] })).toEqual({
      name: "a",
      note: "b",
      items: [],
    });
  });

  it("lets a baseline form without ethnicity pass the form's own schema", () => {
    const baseline = getFormDefinition("baseline")!.schema;
    const data = { assessmentDate: "2026-01-12", sex: "female", ageYears: 61, heightCm: 158, weightKg: 52, ecogPs: 1 };
    const direct = baseline.safeParse(data);
    const filled = baseline.safeParse(fillOmittedNullables(baseline, data));
    const paths = (r: typeof direct) => (r.success ? [] : r.error.issues.map((i) => i.path.join(".")));
    expect(paths(direct)).toContain("ethnicity");
    expect(paths(filled)).not.toContain("ethnicity");
  });
});
