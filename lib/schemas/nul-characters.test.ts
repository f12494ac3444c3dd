import { describe, expect, test } from "vitest";
import { findNulCharacters, NUL_CHARACTER_MESSAGE } from "./nul-characters";

describe("findNulCharacters", () => {
  test("names every string holding U+0000 by its path, in objects and arrays", () => {
    expect(findNulCharacters({ ethnicity: "Han\u0000", lesions: [{ site: "ok" }, { site: "\u0000" }], n: 3 })).toEqual({
      ethnicity: [NUL_CHARACTER_MESSAGE],
      "lesions.1.site": [NUL_CHARACTER_MESSAGE],
    });
  });

  test("clean data and other control characters pass", () => {
    expect(findNulCharacters({ note: "line\nbreak\ttab", list: ["a"], none: null })).toEqual({});
  });
});
