// What the GEXF and GraphML readers share on top of the XML stream (xml-stream.ts): the walk by places
// that collects a document's nodes and edges as it streams, the reader that builds the graph once the
// document has ended, and what both read the same way (the root, the first <graph>, a held node or edge
// tag, a number, a foreign edge's ends). Each reader keeps its own places, entries and outcome.
import type { ForeignAttributes } from "../model/schema.ts";
import { ImportError } from "./errors.ts";
import type { ForeignEdge } from "./foreign.ts";
import { checkElementCount } from "./limits.ts";
import type { ImportInput, ImportOptions, ImportOutcome, ImportStream } from "./types.ts";
import { saxesXmlParser } from "./xml-saxes.ts";
import {
  attribute,
  elementWhere,
  heldTag,
  streamXml,
  whereLater,
  type XmlElement,
  type XmlHandler,
  type XmlRoute,
} from "./xml-stream.ts";

/** Where a collector is: the place of the element it walks, that element, and the entry it fills. */
export interface WalkFrame<Place extends string, Entry> {
  place: Place;
  element?: XmlElement;
  /** The node or edge the walked element is, when it is one. */
  entry?: Entry;
}

/**
 * What a collector does with a child of the element it walks: keep it or skip it (XmlRoute), walk it
 * as the place named, or walk it as the frame given (a node or an edge, with its entry).
 */
export type PlaceRoute<Place extends string, Entry> =
  | Exclude<XmlRoute, "walk">
  | Place
  | Required<WalkFrame<Place, Entry>>;

export interface PlaceWalk<Place extends string, Entry> {
  /** The file, for the error a wrong root gives. */
  file: string;
  /** The name the root element must have; the root is walked as the place of that name. */
  root: Place;
  /** What the walk collects: the root element is set on it. */
  document: { root?: XmlElement };
  /** How each place routes the children of its element; no place is named "keep" or "skip". */
  opens: Record<Place, (element: XmlElement, frame: WalkFrame<Place, Entry>) => PlaceRoute<Place, Entry>>;
  /** A kept child of the element `frame` walks, with all it holds. */
  kept(frame: WalkFrame<Place, Entry>, element: XmlElement): void;
  /** The end of a walked element. */
  left?(frame: WalkFrame<Place, Entry>): void;
}

/** The XmlHandler that walks a document place by place, as `walk` routes each element. */
export function placeWalker<Place extends string, Entry>(walk: PlaceWalk<Place, Entry>): XmlHandler {
  const frames: WalkFrame<Place, Entry>[] = [];
  const top = () => frames[frames.length - 1] as WalkFrame<Place, Entry>;
  return {
    open(element) {
      if (frames.length === 0) {
        expectRoot(walk.file, element, walk.root);
        walk.document.root = element;
        frames.push({ place: walk.root, element });
        return "walk";
      }
      const frame = top();
      const route = walk.opens[frame.place](element, frame);
      if (route === "keep" || route === "skip") return route as XmlRoute;
      frames.push(typeof route === "string" ? { place: route as Place, element } : route);
      return "walk";
    },
    close(element) {
      const frame = top();
      if (frame.element !== element) return walk.kept(frame, element);
      frames.pop();
      walk.left?.(frame);
    },
  };
}

/** The first <graph> of the document is walked, and kept as its graph; anything else is skipped. */
export function firstGraph(document: { graph?: XmlElement }, element: XmlElement): "graph" | "skip" {
  if (element.name !== "graph" || document.graph) return "skip";
  document.graph = element;
  return "graph";
}

/** Throws unless the document's root is `<name>`: anything else is not the format's file. */
function expectRoot(file: string, element: XmlElement, name: string): void {
  if (element.name === name) return;
  throw new ImportError({ ...elementWhere(file, element, []), message: `expected a <${name}> root element` });
}

/**
 * A <node>'s or <edge>'s start tag to hold until the document ends, with the attributes `names` only;
 * `held` nodes and edges are held already, and one more must be within the import limit.
 */
export function heldEntryTag(
  file: string,
  element: XmlElement,
  place: "node" | "edge",
  names: readonly string[],
  held: number,
): XmlElement {
  checkElementCount(held + 1, () => elementWhere(file, element, names));
  return heldTag(element, place, names);
}

/** An attribute read as a finite number; undefined when it is absent, blank or not one. */
export function finiteAttribute(element: XmlElement, name: string): number | undefined {
  const raw = attribute(element, name);
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** Another tool's edge from its held start tag: its ends, and its id when it has one. */
export function foreignEdgeOf(
  file: string,
  readId: (element: XmlElement, name?: string) => string,
  element: XmlElement,
  attributes: ForeignAttributes,
): ForeignEdge {
  const edge: ForeignEdge = {
    source: readId(element, "source"),
    target: readId(element, "target"),
    attributes,
    where: whereLater(file, element, "id and ends"),
  };
  if (attribute(element, "id") !== undefined) edge.id = readId(element);
  return edge;
}

/** A reader fed by chunks: `collect` gathers the document as it streams, `outcome` builds the graph at its end. */
export function collectingStream<Document>(
  file: string,
  options: ImportOptions,
  collect: (file: string) => { handler: XmlHandler; document: Document },
  outcome: (file: string, document: Document, options: ImportOptions) => ImportOutcome,
): ImportStream {
  const { handler, document } = collect(file);
  const xml = streamXml(file, handler, options.xml ?? saxesXmlParser);
  return {
    write: (text) => xml.write(text),
    end() {
      xml.end();
      return outcome(file, document, options);
    },
  };
}

/** A whole text read through a reader fed by chunks, as one chunk. */
export function readWhole(
  stream: (file: string, options: ImportOptions) => ImportStream,
  input: ImportInput,
  options: ImportOptions,
): ImportOutcome {
  const reader = stream(input.name, options);
  reader.write(input.text);
  return reader.end();
}
