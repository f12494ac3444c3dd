import { describe, expect, test } from "vitest";
import { element, escapeXmlAttribute, escapeXmlText, text } from "./xml";

describe("the XML writer", () => {
  test("escapes markup characters in text and attributes", () => {
    expect(escapeXmlText(`a < b & c > d "q" 'a'`)).toBe(`a &lt; b &amp; c &gt; d "q" 'a'`);
    expect(escapeXmlAttribute(`x="1" & y<'2'>`)).toBe("x=&quot;1&quot; &amp; y&lt;&apos;2&apos;&gt;");
  });

  test("keeps line breaks in attributes as character references and drops characters XML forbids", () => {
    expect(escapeXmlAttribute("line 1\nline 2\tend\r")).toBe("line 1&#10;line 2&#9;end&#13;");
    expect(escapeXmlText("bell\u0007 null\u0000 ok\u00e9 \ud83d\ude00")).toBe("bell null ok\u00e9 \ud83d\ude00");
    expect(escapeXmlText("lone \ud800 surrogate")).toBe("lone  surrogate");
  });

  test("writes elements with attributes, skipping missing ones, and self-closes empty ones", () => {
    expect(element("ItemData", { ItemOID: "IT.A", Value: "<5", IsNull: undefined })).toBe(
      '<ItemData ItemOID="IT.A" Value="&lt;5"/>',
    );
    expect(element("Decode", {}, element("TranslatedText", { "xml:lang": "en" }, text("A & B")))).toBe(
      '<Decode><TranslatedText xml:lang="en">A &amp; B</TranslatedText></Decode>',
    );
  });
});
