import { describe, expect, test } from "vitest";
import { labelOfField, listVerifiableFields } from "./verifiable-fields";

describe("listVerifiableFields", () => {
  test("every saved field with its label, value and current verification", () => {
    const rows = listVerifiableFields(
      { consentDate: "Informed consent date", "targetLesions.*.organ": "Organ" },
      { consentDate: "2026-03-01", note: null, targetLesions: [{ organ: "liver" }] },
      [{ fieldPath: "consentDate", verifierName: "Monitor", verifiedAt: "2026-03-02T10:00:00.000Z" }],
    );
    expect(rows).toEqual([
      {
        path: "consentDate",
        label: "Informed consent date",
        value: "2026-03-01",
        verified: { verifierName: "Monitor", verifiedAt: "2026-03-02T10:00:00.000Z" },
      },
      { path: "note", label: "note", value: "—", verified: null },
      { path: "targetLesions.0.organ", label: "Organ (#1)", value: "liver", verified: null },
    ]);
  });

  test("falls back to the path when the form declares no label", () => {
    expect(labelOfField({}, "answers.I1")).toBe("answers.I1");
  });
});
