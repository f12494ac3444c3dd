/**
 * A small XML writer: escaping and elements as strings, so the ODM export can be written
 * piece by piece while it streams. XML 1.0 (section 2.2) forbids most control characters
 * even escaped, so they are dropped; attribute values also escape tab, CR and LF, which
 * attribute-value normalization (section 3.3.3) would otherwise turn into spaces.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(value: string): string {
  return value.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

export type XmlAttributes = Record<string, string | number | null | undefined>;

function attributes(attrs: XmlAttributes): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join("");
}

/** An element; `children` are XML already written (use `text()` for character data). */
export function element(name: string, attrs: XmlAttributes = {}, children?: string | readonly string[]): string {
  const content = children === undefined ? undefined : typeof children === "string" ? children : children.join("");
  return content === undefined || content === ""
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

/** Character data. */
export function text(value: string): string {
  return escapeXmlText(value);
}

/** The opening tag of an element whose children are streamed later. */
export function openTag(name: string, attrs: XmlAttributes = {}): string {
  return `<${name}${attributes(attrs)}>`;
}
