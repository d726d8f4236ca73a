// Reading XML for the GEXF and GraphML readers over an injected DOMParser-like implementation (the
// browser's DOMParser, @xmldom/xmldom in Node), so this code touches no DOM global and no Node
// built-in. A DOCTYPE is refused before any parser sees the text: no DTD, no entities, no XXE.
import { ImportError, UnsafeXmlError } from "./errors.ts";
import { checkTextSize, idOf } from "./limits.ts";

/** The few DOM members the readers use; both the browser's DOM and xmldom's have them. */
export interface XmlNodeLike {
  readonly nodeType: number;
}
export interface XmlElementLike extends XmlNodeLike {
  readonly localName: string | null;
  readonly childNodes: ArrayLike<XmlNodeLike>;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  /** xmldom records the (zero- or one-based, see XmlParser.lineBase) line; browsers do not. */
  readonly lineNumber?: number;
  readonly columnNumber?: number;
}
export interface XmlDocumentLike {
  readonly documentElement: XmlElementLike | null;
}

export type XmlParseResult =
  | { ok: true; document: XmlDocumentLike }
  | { ok: false; message: string; line?: number; column?: number };

/** Parses XML text into a document, or says what is wrong and where. Supplied per runtime. */
export type XmlParser = (text: string) => XmlParseResult;

const ELEMENT_NODE = 1;

// `<!DOCTYPE` anywhere outside a comment or CDATA section; checked on the raw text, before parsing.
const DOCTYPE = /<!DOCTYPE/i;

/** Parses after the size and DOCTYPE checks; throws ImportError naming the file and the line. */
export function parseXmlDocument(file: string, text: string, parser: XmlParser): XmlElementLike {
  checkTextSize(file, text);
  const doctype = findDoctype(text);
  if (doctype !== undefined) {
    throw new UnsafeXmlError({
      file,
      line: lineOf(text, doctype),
      message:
        "the file declares a DOCTYPE; DTDs and entities are refused so that no entity is expanded and nothing external is fetched",
    });
  }
  const result = parser(text);
  if (!result.ok) {
    throw new ImportError({
      file,
      ...(result.line !== undefined ? { line: result.line } : {}),
      ...(result.column !== undefined ? { column: result.column } : {}),
      message: `malformed XML: ${result.message}`,
    });
  }
  const root = result.document.documentElement;
  if (!root) throw new ImportError({ file, message: "malformed XML: no root element" });
  return root;
}

/** Offset of a DOCTYPE declaration outside comments, CDATA and processing instructions. */
function findDoctype(text: string): number | undefined {
  if (!DOCTYPE.test(text)) return undefined;
  const scanner = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<!DOCTYPE/gi;
  for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
    if (/^<!DOCTYPE/i.test(match[0])) return match.index;
  }
  return undefined;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

export function childElements(parent: XmlElementLike, localName?: string): XmlElementLike[] {
  const out: XmlElementLike[] = [];
  const children = parent.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XmlNodeLike;
    if (child.nodeType !== ELEMENT_NODE) continue;
    const element = child as XmlElementLike;
    if (localName === undefined || element.localName === localName) out.push(element);
  }
  return out;
}

export function firstChild(parent: XmlElementLike, localName: string): XmlElementLike | undefined {
  const children = parent.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XmlNodeLike;
    if (child.nodeType === ELEMENT_NODE && (child as XmlElementLike).localName === localName) {
      return child as XmlElementLike;
    }
  }
  return undefined;
}

/** Where an element is, for messages: its line when the parser records it, and a short tag. */
export function elementWhere(
  file: string,
  element: XmlElementLike,
  attributes: readonly string[] = ["id"],
): { file: string; line?: number; element: string } {
  const shown = attributes
    .map((name) => [name, element.getAttribute(name)] as const)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => ` ${name}="${(value as string).slice(0, 60)}"`)
    .join("");
  const line = element.lineNumber;
  return {
    file,
    ...(typeof line === "number" && line > 0 ? { line } : {}),
    element: `<${element.localName ?? "?"}${shown}>`,
  };
}

/**
 * Reads an element's id (or its `source` or `target`) as a node or claim id, for one file: an
 * ImportError naming the element when the attribute is missing or not a valid id.
 */
export function elementIdReader(file: string): (element: XmlElementLike, name?: string) => string {
  return (element, name = "id") => {
    const where = () => elementWhere(file, element, ["id", "source", "target"]);
    const raw = element.getAttribute(name);
    if (raw === null)
      throw new ImportError({ ...where(), message: `the ${element.localName} has no ${name}` });
    return idOf(raw, where, name);
  };
}
