import { describe, expect, test } from "vitest";
import { findUnstorableText, LONE_SURROGATE_MESSAGE, NUL_CHARACTER_MESSAGE } from "./unstorable-text";

describe("findUnstorableText", () => {
  test("names every string holding U+0000, by its path", () => {
    expect(findUnstorableText({ ethnicity: "Han\u0000", lesions: [{ site: "ok" }, { site: "\u0000" }], n: 3 })).toEqual(
      {
        ethnicity: [NUL_CHARACTER_MESSAGE],
        "lesions.1.site": [NUL_CHARACTER_MESSAGE],
      },
    );
  });

  test("names lone surrogates, high or low, but keeps paired ones (emoji, CJK extension B)", () => {
    expect(findUnstorableText({ a: "x\ud800", b: "\udc00y", c: "\ud800\ud800\udc00", ok: "😀 𠀀 Ü" })).toEqual({
      a: [LONE_SURROGATE_MESSAGE],
      b: [LONE_SURROGATE_MESSAGE],
      c: [LONE_SURROGATE_MESSAGE],
    });
  });

  test("an object key that cannot be stored is the parent's error", () => {
    expect(findUnstorableText({ answers: { "E\u0000": true } })).toEqual({ answers: [NUL_CHARACTER_MESSAGE] });
  });

  test("other control characters, numbers, null and nesting are fine", () => {
    expect(findUnstorableText({ note: "line\nbreak\ttab", list: ["a"], none: null, deep: [[{ x: 1 }]] })).toEqual({});
    expect(findUnstorableText("\u0000")).toEqual({ value: [NUL_CHARACTER_MESSAGE] });
  });
});
