// Streaming XML for the GEXF and GraphML readers: text goes in by chunks (a file stream in the CLI,
// file slices in the worker), elements come out one at a time, and only the small parts a reader
// keeps (a node's attvalues, a key's default) are built as trees. No DOM, no recursion, no Node
// built-in: the same code runs everywhere. Before any parser sees the text, the prolog is scanned
// and a DOCTYPE refused (no DTD, no entity, nothing fetched); nesting depth, forbidden characters
// and the size limit are checked as the text streams past.
import { ImportError, UnsafeXmlError } from "./errors.ts";
import { checkFileSize, idOf, MAX_IMPORT_BYTES, MAX_XML_DEPTH } from "./limits.ts";

/**
 * An element as the readers see it: its local name (namespaces do not matter to them), its
 * attributes and the line of its start tag. A kept element also has its child elements and its
 * text (that of its descendants included, as the DOM's textContent).
 */
export interface XmlElement {
  readonly name: string;
  /** Name, value, name, value…: a few attributes cost less so than in an object or a Map. */
  readonly attributes: readonly string[];
  readonly line: number;
  children: XmlElement[];
  text: string;
}

/** A syntax error from the tokenizer, where it found it. */
export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** What a tokenizer reports: start tags (with the line of their `<`), text and CDATA, end tags. */
export interface XmlSink {
  open(name: string, attributes: string[], line: number): void;
  text(text: string): void;
  close(): void;
  /** A DOCTYPE the prolog scan did not see (it would be out of place): refused all the same. */
  doctype(line: number): void;
}

export interface XmlTokenizer {
  write(chunk: string): void;
  close(): void;
  /** Line and column of the last character read. */
  position(): { line: number; column: number };
}

/** Makes a tokenizer that reports to `sink` and throws XmlSyntaxError. saxes, in xml-saxes.ts. */
export type XmlParser = (sink: XmlSink) => XmlTokenizer;

/**
 * What a reader does with an element whose parent it walks: `walk` it (its children are offered
 * one by one, nothing is built), `keep` it (built with all it holds, handed over when it ends) or
 * `skip` it and everything inside.
 */
export type XmlRoute = "walk" | "keep" | "skip";

export interface XmlHandler {
  /** Called for the root and for each child of a walked element. */
  open(element: XmlElement): XmlRoute;
  /** The end of a walked element, or a kept one with its children and text. */
  close(element: XmlElement): void;
}

export interface XmlStream {
  write(chunk: string): void;
  end(): void;
}

const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

// Characters XML 1.0 does not allow even as text: C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
// and lone surrogates (saxes lets a lone one in text through, or reads it with the next character).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

type PrologScan = { state: "more"; at: number } | { state: "done" } | { state: "doctype"; at: number };

const PROLOG_MARKUP = ["<?", "<!--", "<!DOCTYPE"];

/**
 * Reads the prolog from `at`: the XML declaration, comments, processing instructions and white
 * space. `done` at the root's `<` (or at anything else, for the parser to report), `doctype` at a
 * DOCTYPE in any case, `more` when the text ends before either can be told.
 */
function scanProlog(text: string, from: number): PrologScan {
  let at = from;
  for (;;) {
    while (at < text.length && /[\s\ufeff]/.test(text[at] as string)) at++;
    if (at >= text.length) return { state: "more", at };
    if (text[at] !== "<") return { state: "done" };
    const head = text.slice(at, at + 9).toUpperCase();
    if (head.length < 9 && PROLOG_MARKUP.some((markup) => markup.startsWith(head) && markup !== head)) {
      return { state: "more", at };
    }
    if (head.startsWith("<!DOCTYPE")) return { state: "doctype", at };
    const open = head.startsWith("<?") ? "<?" : head.startsWith("<!--") ? "<!--" : undefined;
    if (open === undefined) return { state: "done" };
    const close = open === "<?" ? "?>" : "-->";
    const end = text.indexOf(close, at + open.length);
    if (end === -1) return { state: "more", at };
    at = end + close.length;
  }
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

const DOCTYPE_REFUSED =
  "the file declares a DOCTYPE; DTDs and entities are refused so that no entity is expanded and nothing external is fetched";

interface Frame {
  element: XmlElement;
  kept: boolean;
}

/**
 * Streams XML text through `handler`. Every problem is an ImportError naming `file` and the line:
 * malformed XML, a DOCTYPE (UnsafeXmlError), nesting deeper than MAX_XML_DEPTH, a character XML 1.0
 * forbids, more text than the import limit (FileTooLargeError). After one, the stream takes no more.
 */
export function streamXml(file: string, handler: XmlHandler, parser: XmlParser): XmlStream {
  // Elements from the root to the current one; skipped ones only counted, for the depth.
  const frames: Frame[] = [];
  let skipping = 0;
  const depth = () => frames.length + skipping;

  const sink: XmlSink = {
    open(name, attributes, line) {
      if (depth() >= MAX_XML_DEPTH) {
        throw new ImportError({
          file,
          line,
          element: `<${name}>`,
          message: `elements are nested more than ${MAX_XML_DEPTH} deep`,
        });
      }
      if (skipping) {
        skipping++;
        return;
      }
      const parent = frames[frames.length - 1];
      if (parent?.kept) {
        const element: XmlElement = { name, attributes, line, children: [], text: "" };
        parent.element.children.push(element);
        frames.push({ element, kept: true });
        return;
      }
      const element: XmlElement = { name, attributes, line, children: NO_CHILDREN, text: "" };
      const route = handler.open(element);
      if (route === "skip") skipping = 1;
      else if (route === "walk") frames.push({ element, kept: false });
      else {
        element.children = [];
        frames.push({ element, kept: true });
      }
    },
    text(text) {
      if (skipping) return;
      // A kept element's text holds its descendants' text: give it to every kept ancestor.
      for (let i = frames.length - 1; i >= 0; i--) {
        const frame = frames[i] as Frame;
        if (!frame.kept) break;
        frame.element.text += text;
      }
    },
    close() {
      if (skipping) {
        skipping--;
        return;
      }
      const frame = frames.pop();
      if (!frame) return;
      const parent = frames[frames.length - 1];
      // A kept element inside a kept one is part of its parent's tree, not handed over alone.
      if (!(frame.kept && parent?.kept)) handler.close(frame.element);
    },
    doctype(line) {
      throw new UnsafeXmlError({ file, line, message: DOCTYPE_REFUSED });
    },
  };

  let tokenizer: XmlTokenizer | undefined;
  // The prolog, held until it is known to have no DOCTYPE; undefined once the tokenizer has it.
  let prolog: string | undefined = "";
  let prologScanned = 0;
  // A high surrogate at the end of a chunk, waiting for its other half.
  let carried = "";
  let received = 0;
  let failure: unknown;

  const fail = (error: unknown): never => {
    failure =
      error instanceof XmlSyntaxError
        ? new ImportError({
            file,
            line: error.line,
            column: error.column,
            message: `malformed XML: ${error.message}`,
          })
        : error;
    throw failure;
  };

  /** Hands text to the tokenizer, stopping at the first character XML 1.0 forbids. */
  const feed = (text: string) => {
    const active = tokenizer ?? parser(sink);
    tokenizer = active;
    const bad = NOT_XML.exec(text);
    if (!bad) {
      active.write(text);
      return;
    }
    active.write(text.slice(0, bad.index));
    const { line, column } = active.position();
    throw new ImportError({
      file,
      line,
      column: column + 1,
      message: `malformed XML: ${codePoint(bad[0])} is a character XML 1.0 does not allow`,
    });
  };

  /** Passes the prolog on once it is known to hold no DOCTYPE; throws when it holds one. */
  const release = (final: boolean) => {
    if (prolog === undefined) return;
    const scan = scanProlog(prolog, prologScanned);
    if (scan.state === "doctype") {
      throw new UnsafeXmlError({ file, line: lineOf(prolog, scan.at), message: DOCTYPE_REFUSED });
    }
    if (scan.state === "more" && !final) {
      prologScanned = scan.at;
      return;
    }
    const text = prolog;
    prolog = undefined;
    feed(text);
  };

  const write = (chunk: string) => {
    received += chunk.length;
    // A decoded text has at most as many UTF-16 units as its UTF-8 file had bytes.
    if (received > MAX_IMPORT_BYTES) checkFileSize(file, received);
    let text = carried + chunk;
    carried = "";
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carried = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (prolog !== undefined) {
      prolog += text;
      release(false);
    } else feed(text);
  };

  return {
    write(chunk) {
      if (failure !== undefined) throw failure;
      try {
        write(chunk);
      } catch (error) {
        fail(error);
      }
    },
    end() {
      if (failure !== undefined) throw failure;
      try {
        if (prolog !== undefined) release(true);
        if (carried) feed(carried);
        (tokenizer ?? parser(sink)).close();
      } catch (error) {
        fail(error);
      }
    },
  };
}

/** The value of an attribute by its qualified name, as getAttribute would give it. */
export function attribute(element: XmlElement, name: string): string | undefined {
  const list = element.attributes;
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

/**
 * A start tag to hold on to, with only the attributes named: a reader keeps thousands of these, and
 * the names and the tag are then the reader's own strings, not a copy each from the parser.
 */
export function heldTag(element: XmlElement, name: string, names: readonly string[]): XmlElement {
  const found: string[] = [];
  for (const wanted of names) {
    const value = attribute(element, wanted);
    if (value !== undefined) found.push(wanted, value);
  }
  // slice() gives an array of the exact length; one grown by push() keeps room for more.
  return { name, attributes: found.slice(), line: element.line, children: NO_CHILDREN, text: "" };
}

/** Maps a long list, letting each entry go as soon as it is mapped, and empties the list. */
export function drain<T, U>(list: T[], map: (entry: T) => U): U[] {
  const out: U[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    out[i] = map(list[i] as T);
    (list as (T | undefined)[])[i] = undefined;
  }
  list.length = 0;
  return out;
}

export function childElements(parent: XmlElement, name?: string): XmlElement[] {
  return name === undefined ? parent.children : parent.children.filter((child) => child.name === name);
}

export function firstChild(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.name === name);
}

/** Where an element is, for messages: the line of its start tag and a short tag. */
export function elementWhere(
  file: string,
  element: Pick<XmlElement, "name" | "attributes" | "line">,
  names: readonly string[] = ["id"],
): { file: string; line?: number; element: string } {
  let shown = "";
  for (const name of names) {
    const value = attribute(element as XmlElement, name);
    if (value !== undefined) shown += ` ${name}="${value.slice(0, 60)}"`;
  }
  return {
    file,
    ...(element.line > 0 ? { line: element.line } : {}),
    element: `<${element.name}${shown}>`,
  };
}

/**
 * elementWhere, made only if an error needs it. A reader keeps one for every node and edge, so it
 * holds only the line and the strings it shows (which the node or edge holds anyway), not the tag.
 * The arrow is returned, not named: tsx (esbuild's keepNames) gives a named arrow, and anything
 * bound from a named function, a `name` property and a property store of its own, some 300 bytes a
 * node on a heap that must hold hundreds of thousands of them.
 */
export function whereLater(
  file: string,
  element: XmlElement,
  names: "id" | "id and ends" = "id",
): () => ReturnType<typeof elementWhere> {
  const { name, line } = element;
  const id = attribute(element, "id");
  if (names === "id") return () => elementWhere(file, { name, line, attributes: shownPairs(["id", id]) });
  const source = attribute(element, "source");
  const target = attribute(element, "target");
  return () =>
    elementWhere(
      file,
      { name, line, attributes: shownPairs(["id", id], ["source", source], ["target", target]) },
      ID_AND_ENDS,
    );
}

const ID_AND_ENDS = ["id", "source", "target"] as const;

function shownPairs(...pairs: [string, string | undefined][]): string[] {
  return pairs.flatMap(([name, value]) => (value === undefined ? [] : [name, value]));
}

/**
 * Reads an element's id (or its `source` or `target`) as a node or claim id, for one file: an
 * ImportError naming the element when the attribute is missing or not a valid id.
 */
export function elementIdReader(file: string): (element: XmlElement, name?: string) => string {
  return (element, name = "id") => {
    const where = () => elementWhere(file, element, ["id", "source", "target"]);
    const raw = attribute(element, name);
    if (raw === undefined)
      throw new ImportError({ ...where(), message: `the ${element.name} has no ${name}` });
    return idOf(raw, where, name);
  };
}
