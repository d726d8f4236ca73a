// The GraphML reader (networkx, yEd, Cytoscape, our own writer): typed <key>s with their defaults,
// nodes and edges of the first <graph>. Our own files come back as the graph they were written from;
// others become an imported graph. yEd's graphics keys hold markup, not values: only a node's label
// text is taken from them.
import { parseJsonText } from "../model/json-text.ts";
import type { ForeignAttributes, ForeignValue } from "../model/schema.ts";
import { ImportError } from "./errors.ts";
import { type ForeignEdge, type ForeignGraph, type ForeignNode, foreignToSourceFile } from "./foreign.ts";
import { GRAPHML_EDGE_KEYS, GRAPHML_NODE_KEYS } from "./graphml-write.ts";
import { checkElementCount, checkLabel } from "./limits.ts";
import {
  CLAIM_FIELDS,
  type ModelField,
  type ModelValue,
  NODE_FIELDS,
  nodeFromFields,
  scalarFromText,
} from "./model-fields.ts";
import { META_KEY, type OwnMeta, ownClaimRecord, readOwnMeta, setLayoutFromText } from "./own-meta.ts";
import { type ClaimRecord, checkAndBuild, type NodeRecord, recordsToFiles } from "./records.ts";
import type { ImportInput, ImportOptions, ImportOutcome, ImportStream } from "./types.ts";
import { type Notes, note, notesAsWarnings, setAttribute, typedValue } from "./values.ts";
import { saxesXmlParser } from "./xml-saxes.ts";
import {
  attribute,
  drain,
  elementIdReader,
  elementWhere,
  firstChild,
  heldTag,
  streamXml,
  whereLater,
  type XmlElement,
  type XmlHandler,
  type XmlRoute,
} from "./xml-stream.ts";

interface Key {
  id: string;
  for: string;
  name: string;
  type: string;
  default?: string;
  /** A yFiles graphics key: markup, not a value. */
  graphics: boolean;
}

function keysOf(elements: readonly XmlElement[]): Map<string, Key> {
  const keys = new Map<string, Key>();
  for (const element of elements) {
    const id = attribute(element, "id");
    if (id === undefined) continue;
    const key: Key = {
      id,
      for: attribute(element, "for") ?? "all",
      name: attribute(element, "attr.name") ?? id,
      type: attribute(element, "attr.type") ?? "string",
      graphics: attribute(element, "yfiles.type") !== undefined,
    };
    const fallback = firstChild(element, "default")?.text;
    if (fallback !== undefined) key.default = fallback;
    keys.set(id, key);
  }
  return keys;
}

/** The text of an element's <data> children by key, the first of each key, in the file's order. */
type DataTexts = Map<string, string>;

function addData(data: string[], element: XmlElement, intern: (key: string) => string): void {
  const key = attribute(element, "key");
  if (key === undefined) return;
  for (let i = 0; i < data.length; i += 2) if (data[i] === key) return;
  data.push(intern(key), element.text);
}

const dataTexts = (data: readonly string[]): DataTexts => {
  const map: DataTexts = new Map();
  for (let i = 0; i < data.length; i += 2) map.set(data[i] as string, data[i + 1] as string);
  return map;
};

/** A <node> or <edge> until the document ends (keys may come after it): start tag and data. */
interface GraphmlEntry {
  /** The start tag, with the attributes the reader uses (TAG_ATTRIBUTES). */
  element: XmlElement;
  /** key, text, key, text…: the first <data> of each key. */
  data: string[];
  /** A node holds a nested <graph>, which is skipped. */
  nested?: boolean;
}

interface GraphmlDocument {
  root?: XmlElement;
  keys: XmlElement[];
  graph?: XmlElement;
  graphData: string[];
  nodes: GraphmlEntry[];
  edges: GraphmlEntry[];
  hyperedges: boolean;
}

const TAG_ATTRIBUTES = { node: ["id"], edge: ["id", "source", "target", "directed"] } as const;

type Place = "document" | "graphml" | "graph" | "node" | "edge";
interface Frame {
  place: Place;
  element?: XmlElement;
  entry?: GraphmlEntry;
}

/** Collects a GraphML document as it streams: the keys, and the nodes and edges of the first graph. */
function graphmlCollector(file: string): { handler: XmlHandler; document: GraphmlDocument } {
  const document: GraphmlDocument = { keys: [], graphData: [], nodes: [], edges: [], hyperedges: false };
  const frames: Frame[] = [{ place: "document" }];
  const walk = (place: Place, element: XmlElement, entry?: GraphmlEntry): XmlRoute => {
    frames.push(entry ? { place, element, entry } : { place, element });
    return "walk";
  };
  // Every node repeats the same few keys: hold one string for each, not one per <data>.
  const keyNames = new Map<string, string>();
  const intern = (key: string) => {
    const known = keyNames.get(key);
    if (known !== undefined) return known;
    keyNames.set(key, key);
    return key;
  };
  const entryOf = (element: XmlElement, list: GraphmlEntry[], place: "node" | "edge"): XmlRoute => {
    checkElementCount(document.nodes.length + document.edges.length + 1, () =>
      elementWhere(file, element, TAG_ATTRIBUTES[place]),
    );
    const entry: GraphmlEntry = { element: heldTag(element, place, TAG_ATTRIBUTES[place]), data: [] };
    list.push(entry);
    return walk(place, element, entry);
  };
  const opens: Record<Place, (element: XmlElement, frame: Frame) => XmlRoute> = {
    document(element) {
      if (element.name !== "graphml") {
        throw new ImportError({
          ...elementWhere(file, element, []),
          message: "expected a <graphml> root element",
        });
      }
      document.root = element;
      return walk("graphml", element);
    },
    graphml(element) {
      if (element.name === "key") return "keep";
      if (element.name === "graph" && !document.graph) {
        document.graph = element;
        return walk("graph", element);
      }
      return "skip";
    },
    graph(element) {
      if (element.name === "data") return "keep";
      if (element.name === "node") return entryOf(element, document.nodes, "node");
      if (element.name === "edge") return entryOf(element, document.edges, "edge");
      if (element.name === "hyperedge") document.hyperedges = true;
      return "skip";
    },
    node(element, frame) {
      if (element.name === "graph") (frame.entry as GraphmlEntry).nested = true;
      return element.name === "data" ? "keep" : "skip";
    },
    edge: (element) => (element.name === "data" ? "keep" : "skip"),
  };
  const handler: XmlHandler = {
    open(element) {
      const frame = frames[frames.length - 1] as Frame;
      return opens[frame.place](element, frame);
    },
    close(element) {
      const frame = frames[frames.length - 1] as Frame;
      if (frame.element === element) {
        frames.pop();
        // An array grown by push() keeps room for more; held till the end, it is cut to size.
        if (frame.entry) frame.entry.data = frame.entry.data.slice();
        return;
      }
      // A kept child of the frame's element: a <key>, or a <data> of the graph, a node or an edge.
      if (frame.place === "graphml") document.keys.push(element);
      else if (frame.place === "graph") addData(document.graphData, element, intern);
      else if (frame.entry) addData(frame.entry.data, element, intern);
    },
  };
  return { handler, document };
}

function applies(key: Key, kind: "node" | "edge" | "graph"): boolean {
  return key.for === kind || key.for === "all";
}

/** The GraphML reader fed by chunks: the graph is built when the document has ended. */
export function graphmlStream(file: string, options: ImportOptions): ImportStream {
  const { handler, document } = graphmlCollector(file);
  const xml = streamXml(file, handler, options.xml ?? saxesXmlParser);
  return {
    write: (text) => xml.write(text),
    end() {
      xml.end();
      return graphmlOutcome(file, document, options);
    },
  };
}

export function readGraphml(input: ImportInput, options: ImportOptions): ImportOutcome {
  const stream = graphmlStream(input.name, options);
  stream.write(input.text);
  return stream.end();
}

type AttributesOf = (
  data: DataTexts,
  kind: "node" | "edge" | "graph",
  skip?: ReadonlySet<string>,
) => ForeignAttributes;

function graphmlOutcome(file: string, document: GraphmlDocument, options: ImportOptions): ImportOutcome {
  const { graph } = document;
  if (!graph)
    throw new ImportError({ file, element: "<graphml>", message: "the file has no <graph> element" });
  const keys = keysOf(document.keys);
  const notes: Notes = new Map();
  const graphData = dataTexts(document.graphData);
  const metaKey = [...keys.values()].find((key) => key.name === META_KEY && applies(key, "graph"));
  const own = metaKey ? readOwnMeta(graphData.get(metaKey.id)) : undefined;

  if (document.hyperedges) note(notes, "hyperedges were skipped");
  for (const node of document.nodes) {
    if (node.nested) note(notes, "a nested graph inside a node was skipped");
  }

  const attributesOf: AttributesOf = (data, kind, skip) => {
    const attributes: ForeignAttributes = {};
    for (const key of keys.values()) {
      if (!applies(key, kind) || key.graphics || skip?.has(key.id) || key.name === META_KEY) continue;
      const text = data.get(key.id) ?? key.default;
      if (text === undefined) continue;
      setAttribute(attributes, key.name, listOrValue(key, text, notes, kind), notes);
    }
    for (const id of data.keys()) {
      if (!keys.has(id)) note(notes, `a value for undeclared key "${id}" was skipped`);
    }
    return attributes;
  };

  if (own) return readOwnGraphml(file, own, keys, document, attributesOf, notes);

  const foreign: ForeignGraph = { attributes: {}, nodes: [], edges: [], warnings: [] };
  const source = foreignSource(file, document, foreign, keys, attributesOf, options);
  // Only the source file is held from here: the entries and the foreign graph are garbage.
  return checkAndBuild(file, "graphml", [source], [...foreign.warnings, ...notesAsWarnings(notes)]);
}

/** The nodes, edges and graph attributes of a file of another tool's, as an imported source. */
function foreignSource(
  file: string,
  document: GraphmlDocument,
  foreign: ForeignGraph,
  keys: Map<string, Key>,
  attributesOf: AttributesOf,
  options: ImportOptions,
) {
  const readId = elementIdReader(file);
  const graphicsLabel = (data: DataTexts): string | undefined => {
    for (const [id, text] of data) {
      if (!keys.get(id)?.graphics) continue;
      const label = text.replace(/\s+/g, " ").trim();
      if (label) return label;
    }
    return undefined;
  };
  foreign.nodes = drain(document.nodes, (entry) => {
    const { element } = entry;
    const where = whereLater(file, element);
    const data = dataTexts(entry.data);
    const attributes = attributesOf(data, "node");
    const node: ForeignNode = { id: readId(element), attributes, where };
    const label = attributes.label ?? attributes.name ?? graphicsLabel(data);
    if (label !== undefined) node.label = checkLabel(String(label), where);
    return node;
  });
  foreign.edges = drain(document.edges, (entry) => {
    const { element } = entry;
    const where = whereLater(file, element, "id and ends");
    const edge: ForeignEdge = {
      source: readId(element, "source"),
      target: readId(element, "target"),
      attributes: attributesOf(dataTexts(entry.data), "edge"),
      where,
    };
    if (attribute(element, "id") !== undefined) edge.id = readId(element);
    const directed = attribute(element, "directed");
    if (directed !== undefined) edge.attributes.directed = directed === "true";
    return edge;
  });
  foreign.attributes = attributesOf(dataTexts(document.graphData), "graph");
  const edgeDefault = attribute(document.graph as XmlElement, "edgedefault");
  if (edgeDefault) foreign.attributes.edgedefault = edgeDefault;
  const name = foreign.attributes.name;
  if (typeof name === "string" && name.trim()) foreign.title = name;
  const source = foreignToSourceFile(foreign, file, "graphml", options.mapping);
  foreign.nodes = [];
  foreign.edges = [];
  return source;
}

function listOrValue(key: Key, text: string, notes: Notes, kind: string): ForeignValue {
  // Our own writer marks list-valued foreign keys `node-list-N`; their text is a JSON array.
  if (/^(node|edge)-list-\d+$/.test(key.id)) {
    const parsed = parseJsonText(text);
    if (parsed.ok && Array.isArray(parsed.value)) {
      const items = parsed.value as unknown[];
      const first = typeof items[0];
      if (
        items.every(
          (item) =>
            typeof item === first && (first === "string" || first === "number" || first === "boolean"),
        )
      ) {
        return items as ForeignValue;
      }
    }
  }
  return typedValue(text, key.type, notes, `${kind} attribute "${key.name}"`);
}

function readOwnGraphml(
  file: string,
  own: OwnMeta,
  keys: Map<string, Key>,
  document: GraphmlDocument,
  attributesOf: AttributesOf,
  notes: Notes,
): ImportOutcome {
  const readId = elementIdReader(file);
  const nodeKeys = new Set(Object.keys(GRAPHML_NODE_KEYS));
  const edgeKeys = new Set(Object.keys(GRAPHML_EDGE_KEYS));
  const fieldsOf = (element: XmlElement, data: DataTexts, fields: readonly ModelField[]) => {
    const found = new Map<string, ModelValue>();
    for (const field of fields) {
      const text = keys.has(field.name) ? data.get(field.name) : undefined;
      if (text === undefined) continue;
      if (field.kind === "list") {
        const parsed = parseJsonText(text);
        const list = parsed.ok && Array.isArray(parsed.value) ? parsed.value : undefined;
        if (!list?.every((item) => typeof item === "string")) {
          throw new ImportError({
            ...elementWhere(file, element),
            message: `the value of "${field.name}" is not a JSON list of strings`,
          });
        }
        found.set(field.name, list as string[]);
      } else found.set(field.name, scalarFromText(field, text));
    }
    return found;
  };
  const nodes: NodeRecord[] = drain(document.nodes, (entry) => {
    const { element } = entry;
    const where = () => elementWhere(file, element);
    const id = readId(element);
    const data = dataTexts(entry.data);
    const attributes = nodeFromFields(fieldsOf(element, data, NODE_FIELDS));
    checkLabel(attributes.label, where);
    setLayoutFromText(attributes, (field) => (keys.has(field) ? data.get(field) : undefined));
    const foreign = attributesOf(data, "node", nodeKeys);
    if (Object.keys(foreign).length) attributes.attributes = foreign;
    return { id, attributes };
  });
  const claims: ClaimRecord[] = drain(document.edges, (entry) => {
    const data = dataTexts(entry.data);
    const fields = fieldsOf(entry.element, data, CLAIM_FIELDS);
    const foreign = attributesOf(data, "edge", edgeKeys);
    return ownClaimRecord(fields, foreign, (name) => readId(entry.element, name));
  });
  const files = recordsToFiles(file, { sources: own.sources, nodes, claims });
  return checkAndBuild(file, "graphml", files, notesAsWarnings(notes), nodes);
}
