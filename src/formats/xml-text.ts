// Escaping for the XML writers (GEXF, GraphML): text and attribute values built as strings, with
// every character XML 1.0 cannot carry refused by name. No DOM: the writers run anywhere.
import { ExportError } from "./errors.ts";

// Characters XML 1.0 cannot hold at all, even as references; lone surrogates; U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r\u0085\u2028\u2029]/g;
const TEXT_SPECIAL = /[&<>\r\u0085\u2028\u2029]/g;
const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  // Attribute values are whitespace-normalised on reading unless tabs and line ends are references.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
  // XML 1.1 parsers (and xmldom, whatever the version) read NEL, LS and PS as line ends; a
  // character reference is kept as it is by every parser.
  "\u0085": "&#x85;",
  "\u2028": "&#x2028;",
  "\u2029": "&#x2029;",
};
const replaceEntity = (c: string) => ENTITY[c] as string;

function checkXmlChars(value: string, where: () => string): void {
  if (NOT_XML.test(value)) {
    const bad = NOT_XML.exec(value)?.[0] ?? "";
    const code = bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0");
    throw new ExportError(`${where()}: U+${code} cannot be written in XML 1.0`);
  }
}

/** A value for a double-quoted XML attribute. `where` names the element for the error message. */
export function xmlAttribute(value: string, where: () => string): string {
  checkXmlChars(value, where);
  ATTRIBUTE_SPECIAL.lastIndex = 0;
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_SPECIAL, replaceEntity) : value;
}

/** Element text content. */
export function xmlText(value: string, where: () => string): string {
  checkXmlChars(value, where);
  TEXT_SPECIAL.lastIndex = 0;
  return TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIAL, replaceEntity) : value;
}

/** A number as XML Schema's float and double accept it (no `Infinity`, no `NaN`). */
export function xmlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new ExportError(`${value} is not a finite number`);
  return String(value);
}
