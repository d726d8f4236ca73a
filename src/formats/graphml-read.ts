// The GraphML reader (networkx, yEd, Cytoscape, our own writer): typed <key>s with their defaults,
// nodes and edges of the first <graph>. Our own files come back as the graph they were written from;
// others become an imported graph, with the look their tool gave them: yEd's graphics markup (a node's
// geometry, fill, shape and label; an edge's line colour and width), and the plain keys networkx,
// Cytoscape and Gephi write (x, y, size, color or r/g/b; an edge's weight and color).
import { parseJsonText } from "../model/json-text.ts";
import type { ForeignAttributes, ForeignValue } from "../model/schema.ts";
import { hexColor, parseColor, parseShape } from "./colors.ts";
import { ImportError } from "./errors.ts";
import {
  checkAndBuildForeign,
  EDGE_LOOK,
  type ForeignGraph,
  type ForeignNode,
  liftLook,
  NODE_LOOK,
} from "./foreign.ts";
import { GRAPHML_EDGE_KEYS, GRAPHML_NODE_KEYS } from "./graphml-write.ts";
import { checkLabel } from "./limits.ts";
import { CLAIM_FIELDS, fieldsFromText, type ModelField, NODE_FIELDS } from "./model-fields.ts";
import { META_KEY, type OwnMeta, ownClaimRecord, ownNodeRecord, readOwnMeta } from "./own-meta.ts";
import { type ClaimRecord, checkAndBuildOwn, type NodeRecord } from "./records.ts";
import type { ImportInput, ImportMapping, ImportOptions, ImportOutcome, ImportStream } from "./types.ts";
import { type Notes, note, setAttribute, typedValue } from "./values.ts";
import {
  collectingStream,
  finiteAttribute,
  firstGraph,
  foreignEdgeOf,
  heldEntryTag,
  type PlaceRoute,
  placeWalker,
  readWhole,
  type WalkFrame,
} from "./xml-reader.ts";
import {
  attribute,
  drain,
  elementIdReader,
  elementWhere,
  firstChild,
  whereLater,
  type XmlElement,
  type XmlHandler,
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
  /** What the first yEd graphics <data> of the node or edge draws. */
  yed?: YedLook;
}

/** What yEd's graphics markup (y:ShapeNode, y:GenericNode, y:PolyLineEdge, …) says of a node or edge. */
interface YedLook {
  /** y:Geometry: the top-left corner and the size, in yEd's coordinates (y grows downwards). */
  geometry?: { x: number; y: number; width: number; height: number };
  /** y:Fill's colour, unless it is transparent. */
  fill?: string;
  /** y:Shape's type. */
  shape?: string;
  /** y:NodeLabel's text. */
  label?: string;
  /** y:LineStyle's colour and width (an edge's). */
  line?: { color?: string; width?: number };
}

/** The elements under `root`, depth first, without recursion (yEd's markup is a few levels deep). */
function* descendants(root: XmlElement): Generator<XmlElement> {
  const stack = [...root.children].reverse();
  while (stack.length) {
    const element = stack.pop() as XmlElement;
    yield element;
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i] as XmlElement);
  }
}

/** How each yEd element the reader knows adds to the look; the first of each name counts. */
const YED_PARTS: Record<string, (look: YedLook, element: XmlElement) => void> = {
  Geometry(look, element) {
    const [x, y, width, height] = ["x", "y", "width", "height"].map((n) => finiteAttribute(element, n));
    if (x !== undefined && y !== undefined && width !== undefined && height !== undefined) {
      look.geometry ??= { x, y, width, height };
    }
  },
  Fill(look, element) {
    const color = attribute(element, "color");
    if (look.fill === undefined && color && attribute(element, "transparent") !== "true") look.fill = color;
  },
  Shape(look, element) {
    look.shape ??= attribute(element, "type");
  },
  NodeLabel(look, element) {
    const text = element.text.replace(/\s+/g, " ").trim();
    if (look.label === undefined && text) look.label = text;
  },
  LineStyle(look, element) {
    if (look.line) return;
    const color = attribute(element, "color");
    const width = finiteAttribute(element, "width");
    look.line = {};
    if (color) look.line.color = color;
    if (width !== undefined) look.line.width = width;
  },
};

/** yEd's look from a <data> that holds graphics markup, or undefined when it holds none. */
function yedLook(data: XmlElement): YedLook | undefined {
  if (data.children.length === 0) return undefined;
  const look: YedLook = {};
  for (const element of descendants(data)) {
    if (Object.hasOwn(YED_PARTS, element.name))
      (YED_PARTS[element.name] as (typeof YED_PARTS)[string])(look, element);
  }
  return Object.keys(look).length ? look : undefined;
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

type Place = "graphml" | "graph" | "node" | "edge";
type Frame = WalkFrame<Place, GraphmlEntry>;
type GraphmlRoute = PlaceRoute<Place, GraphmlEntry>;

/** Collects a GraphML document as it streams: the keys, and the nodes and edges of the first graph. */
function graphmlCollector(file: string): { handler: XmlHandler; document: GraphmlDocument } {
  const document: GraphmlDocument = { keys: [], graphData: [], nodes: [], edges: [], hyperedges: false };
  // Every node repeats the same few keys: hold one string for each, not one per <data>.
  const keyNames = new Map<string, string>();
  const intern = (key: string) => {
    const known = keyNames.get(key);
    if (known !== undefined) return known;
    keyNames.set(key, key);
    return key;
  };
  const entryOf = (element: XmlElement, list: GraphmlEntry[], place: "node" | "edge"): GraphmlRoute => {
    const held = document.nodes.length + document.edges.length;
    const entry: GraphmlEntry = {
      element: heldEntryTag(file, element, place, TAG_ATTRIBUTES[place], held),
      data: [],
    };
    list.push(entry);
    return { place, element, entry };
  };
  const opens: Record<Place, (element: XmlElement, frame: Frame) => GraphmlRoute> = {
    graphml: (element) => (element.name === "key" ? "keep" : firstGraph(document, element)),
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
  const handler = placeWalker<Place, GraphmlEntry>({
    file,
    root: "graphml",
    document,
    opens,
    // A kept child of the frame's element: a <key>, or a <data> of the graph, a node or an edge.
    kept(frame, element) {
      if (frame.place === "graphml") document.keys.push(element);
      else if (frame.place === "graph") addData(document.graphData, element, intern);
      else if (frame.entry) {
        addData(frame.entry.data, element, intern);
        // yEd's graphics are markup inside a <data>: what it draws is read now, the tree let go.
        frame.entry.yed ??= yedLook(element);
      }
    },
    left(frame) {
      // An array grown by push() keeps room for more; held till the end, it is cut to size.
      if (frame.entry) frame.entry.data = frame.entry.data.slice();
    },
  });
  return { handler, document };
}

function applies(key: Key, kind: "node" | "edge" | "graph"): boolean {
  return key.for === kind || key.for === "all";
}

/** The GraphML reader fed by chunks: the graph is built when the document has ended. */
export function graphmlStream(file: string, options: ImportOptions): ImportStream {
  return collectingStream(file, options, graphmlCollector, graphmlOutcome);
}

export function readGraphml(input: ImportInput, options: ImportOptions): ImportOutcome {
  return readWhole(graphmlStream, input, options);
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
  return foreignOutcome(file, document, foreign, keys, attributesOf, notes, options.mapping);
}

/**
 * A file of another tool's: its nodes, edges and graph attributes read into `foreign` (the entries let
 * go), then built.
 */
function foreignOutcome(
  file: string,
  document: GraphmlDocument,
  foreign: ForeignGraph,
  keys: Map<string, Key>,
  attributesOf: AttributesOf,
  notes: Notes,
  mapping: ImportMapping | undefined,
): ImportOutcome {
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
    const label = attributes.label ?? attributes.name ?? entry.yed?.label ?? graphicsLabel(data);
    if (label !== undefined) node.label = checkLabel(String(label), where);
    if (entry.yed) applyYedNode(node, entry.yed);
    // networkx's and Cytoscape's plain keys (x, y, size, color), and Gephi's r, g, b.
    liftLook(node, NODE_LOOK);
    liftChannels(node);
    return node;
  });
  foreign.edges = drain(document.edges, (entry) => {
    const { element } = entry;
    const edge = foreignEdgeOf(file, readId, element, attributesOf(dataTexts(entry.data), "edge"));
    const directed = attribute(element, "directed");
    if (directed !== undefined) edge.attributes.directed = directed === "true";
    const line = entry.yed?.line;
    const lineColor = line?.color === undefined ? undefined : parseColor(line.color);
    if (lineColor) edge.color = lineColor;
    if (line?.width !== undefined && line.width >= 0) edge.thickness = line.width;
    liftLook(edge, EDGE_LOOK);
    return edge;
  });
  foreign.attributes = attributesOf(dataTexts(document.graphData), "graph");
  const edgeDefault = attribute(document.graph as XmlElement, "edgedefault");
  if (edgeDefault) foreign.attributes.edgedefault = edgeDefault;
  const name = foreign.attributes.name;
  if (typeof name === "string" && name.trim()) foreign.title = name;
  return checkAndBuildForeign(file, "graphml", foreign, notes, mapping);
}

/**
 * A yEd node's look: its centre (yEd's y grows downwards, ours and Gephi's upwards, so it is turned
 * over), half its width as its size, its fill colour and its shape when it is one we draw.
 */
function applyYedNode(node: ForeignNode, look: YedLook): void {
  const { geometry } = look;
  if (geometry) {
    node.x = geometry.x + geometry.width / 2;
    // 0 - …: a node at yEd's y 0 is at 0, not -0.
    node.y = 0 - (geometry.y + geometry.height / 2);
    node.size = geometry.width / 2;
  }
  const fill = look.fill === undefined ? undefined : parseColor(look.fill);
  if (fill) node.color = fill;
  const shape = look.shape === undefined ? undefined : parseShape(look.shape);
  if (shape) node.shape = shape;
}

/** Gephi's GraphML writes a node's colour as three keys, r, g and b (0–255): one colour of ours. */
function liftChannels(node: ForeignNode): void {
  if (node.color !== undefined) return;
  const { r, g, b } = node.attributes;
  const channels = [r, g, b];
  if (!channels.every((c) => typeof c === "number" && Number.isFinite(c) && c >= 0 && c <= 255)) return;
  node.color = hexColor(r as number, g as number, b as number);
  for (const name of ["r", "g", "b"]) delete node.attributes[name];
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
  /** A declared key's text, by its id. */
  const textIn = (data: DataTexts) => (id: string) => (keys.has(id) ? data.get(id) : undefined);
  const fieldsOf = (element: XmlElement, data: DataTexts, fields: readonly ModelField[]) =>
    fieldsFromText(fields, textIn(data), (text, field) => {
      const parsed = parseJsonText(text);
      const list = parsed.ok && Array.isArray(parsed.value) ? parsed.value : undefined;
      if (list?.every((item) => typeof item === "string")) return list as string[];
      throw new ImportError({
        ...elementWhere(file, element),
        message: `the value of "${field.name}" is not a JSON list of strings`,
      });
    });
  const nodes: NodeRecord[] = drain(document.nodes, (entry) => {
    const { element } = entry;
    const id = readId(element);
    const data = dataTexts(entry.data);
    const fields = fieldsOf(element, data, NODE_FIELDS);
    const node = ownNodeRecord(id, fields, textIn(data), attributesOf(data, "node", nodeKeys));
    checkLabel(node.attributes.label, () => elementWhere(file, element));
    return node;
  });
  const claims: ClaimRecord[] = drain(document.edges, (entry) => {
    const data = dataTexts(entry.data);
    const fields = fieldsOf(entry.element, data, CLAIM_FIELDS);
    const foreign = attributesOf(data, "edge", edgeKeys);
    return ownClaimRecord(fields, foreign, (name) => readId(entry.element, name));
  });
  return checkAndBuildOwn(file, "graphml", { sources: own.sources, nodes, claims }, notes);
}
