// The GEXF reader, for versions 1.1draft, 1.2draft and 1.3 (Gephi, networkx, graphology): elements
// are matched by local name, so any of their namespaces (and viz in or out of its own) will do.
// Our own files come back as the graph they were written from; others become an imported graph whose
// nodes and edges have the look the file gave them (viz colour, size, position, shape; edge weight,
// colour and thickness) as their own fields.
import type { ForeignAttributes } from "../model/schema.ts";
import { colorChannels, hexColor, parseColor, parseShape } from "./colors.ts";
import { ImportError } from "./errors.ts";
import { checkAndBuildForeign, type ForeignGraph, type ForeignNode } from "./foreign.ts";
import { GEXF_NODE_FIELDS } from "./gexf-write.ts";
import { checkLabel } from "./limits.ts";
import { CLAIM_FIELDS, fieldsFromText, LAYOUT_FIELDS, type ModelField } from "./model-fields.ts";
import { CREATOR, type OwnMeta, ownClaimRecord, ownNodeRecord, readOwnMeta } from "./own-meta.ts";
import { type ClaimRecord, checkAndBuildOwn, type NodeRecord } from "./records.ts";
import type { ImportInput, ImportMapping, ImportOptions, ImportOutcome, ImportStream } from "./types.ts";
import { type Notes, note, setAttribute, splitGexfList, typedValue } from "./values.ts";
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
  childElements,
  drain,
  elementIdReader,
  elementWhere,
  firstChild,
  whereLater,
  type XmlElement,
  type XmlHandler,
} from "./xml-stream.ts";

interface Declared {
  title: string;
  type: string;
  default?: string;
}

const OWN_IDS: ReadonlySet<string> = new Set<string>([
  ...GEXF_NODE_FIELDS.map((field) => field.name),
  ...LAYOUT_FIELDS,
  ...CLAIM_FIELDS.map((field) => field.name),
]);

function declarations(blocks: readonly XmlElement[], kind: "node" | "edge"): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  for (const block of blocks) {
    if ((attribute(block, "class") ?? "node") !== kind) continue;
    for (const declaration of childElements(block, "attribute")) {
      const id = attribute(declaration, "id");
      if (id === undefined) continue;
      const entry: Declared = {
        title: attribute(declaration, "title") ?? id,
        type: attribute(declaration, "type") ?? "string",
      };
      const fallback = firstChild(declaration, "default")?.text;
      if (fallback !== undefined) entry.default = fallback;
      declared.set(id, entry);
    }
  }
  return declared;
}

/**
 * A <node> or <edge> as the reader holds it until the document ends (attribute declarations may
 * come after it): its start tag, the values of its first <attvalues> and its viz values, each read
 * from the first child of its name when that child ended.
 */
interface GexfEntry {
  /** The start tag, with the attributes the reader uses (TAG_ATTRIBUTES). */
  element: XmlElement;
  /** Which parts (PART_BITS) were read: only the first of each counts. */
  parts: number;
  /** `for` (or `id`), value, `for`, value… in the file's order. */
  values: string[] | undefined;
  x: number | undefined;
  y: number | undefined;
  z: number | undefined;
  size: number | undefined;
  color: string | undefined;
  shape: string | undefined;
  thickness: number | undefined;
}

/**
 * A viz:color as `#rrggbb` (`#rrggbbaa` when its alpha is below 1): from its r, g, b and a, or from
 * GEXF 1.3's hex. A hex that is not a colour is handed on as it was, for the reader to keep as text.
 */
function vizColor(element: XmlElement): string {
  const hex = attribute(element, "hex");
  const a = finiteAttribute(element, "a");
  if (hex) {
    const color = parseColor(hex);
    if (!color) return hex;
    if (a === undefined || color.length === 9) return color;
    const { r, g, b } = colorChannels(color);
    return hexColor(r, g, b, a);
  }
  const [r, g, b] = ["r", "g", "b"].map((c) => finiteAttribute(element, c) ?? 0) as [number, number, number];
  return hexColor(r, g, b, a ?? 1);
}

/** How each kept child of a node or edge is read into its entry. */
const PARTS: Record<string, (entry: GexfEntry, element: XmlElement) => void> = {
  attvalues(entry, element) {
    const values: string[] = [];
    for (const attvalue of childElements(element, "attvalue")) {
      const id = attribute(attvalue, "for") ?? attribute(attvalue, "id");
      const value = attribute(attvalue, "value");
      if (id !== undefined && value !== undefined) values.push(id, value);
    }
    entry.values = values.slice();
  },
  position(entry, element) {
    entry.x = finiteAttribute(element, "x");
    entry.y = finiteAttribute(element, "y");
    entry.z = finiteAttribute(element, "z");
  },
  size(entry, element) {
    entry.size = finiteAttribute(element, "value");
  },
  color(entry, element) {
    entry.color = vizColor(element);
  },
  shape(entry, element) {
    entry.shape = attribute(element, "value");
  },
  thickness(entry, element) {
    entry.thickness = finiteAttribute(element, "value");
  },
};
const PART_BITS: Record<string, number> = Object.fromEntries(
  Object.keys(PARTS).map((name, index) => [name, 1 << index]),
);
const NODE_PARTS = new Set(["attvalues", "position", "size", "color", "shape"]);
const TAG_ATTRIBUTES = {
  node: ["id", "label", "pid"],
  edge: ["id", "source", "target", "weight", "label", "type", "kind"],
} as const;
const EDGE_PARTS = new Set(["attvalues", "color", "thickness", "shape"]);

/** What the reader takes from the document: the first <meta> and <graph>, and what they hold. */
interface GexfDocument {
  root?: XmlElement;
  meta?: XmlElement;
  graph?: XmlElement;
  attributeBlocks: XmlElement[];
  nodes: GexfEntry[];
  edges: GexfEntry[];
}

/** Where the walk is: the elements it walks, and the entry of the node or edge it is inside. */
type Place = "gexf" | "graph" | "nodes" | "edges" | "node" | "edge";
type Frame = WalkFrame<Place, GexfEntry>;
type GexfRoute = PlaceRoute<Place, GexfEntry>;

/**
 * Collects a GEXF document as it streams: every <node> and <edge>, hierarchies flattened (nodes
 * may nest nodes and edges), nodes in the order their start tags come (a parent before its children).
 */
function gexfCollector(file: string): { handler: XmlHandler; document: GexfDocument } {
  const document: GexfDocument = { attributeBlocks: [], nodes: [], edges: [] };
  const entryOf = (element: XmlElement, list: GexfEntry[], place: "node" | "edge"): GexfRoute => {
    const held = document.nodes.length + document.edges.length;
    // Every field set from the start: one shape for all entries, their fields in the object itself.
    const entry: GexfEntry = {
      element: heldEntryTag(file, element, place, TAG_ATTRIBUTES[place], held),
      parts: 0,
      values: undefined,
      x: undefined,
      y: undefined,
      z: undefined,
      size: undefined,
      color: undefined,
      shape: undefined,
      thickness: undefined,
    };
    list.push(entry);
    return { place, element, entry };
  };
  const part = (frame: Frame, element: XmlElement, allowed: ReadonlySet<string>): GexfRoute => {
    const bit = PART_BITS[element.name];
    const entry = frame.entry as GexfEntry;
    if (bit === undefined || !allowed.has(element.name) || entry.parts & bit) return "skip";
    entry.parts |= bit;
    return "keep";
  };
  const opens: Record<Place, (element: XmlElement, frame: Frame) => GexfRoute> = {
    gexf: (element) => (element.name === "meta" && !document.meta ? "keep" : firstGraph(document, element)),
    graph(element) {
      if (element.name === "attributes") return "keep";
      return element.name === "nodes" || element.name === "edges" ? element.name : "skip";
    },
    nodes: (element) => (element.name === "node" ? entryOf(element, document.nodes, "node") : "skip"),
    edges: (element) => (element.name === "edge" ? entryOf(element, document.edges, "edge") : "skip"),
    node(element, frame) {
      if (element.name === "nodes" || element.name === "edges") return element.name;
      return part(frame, element, NODE_PARTS);
    },
    edge: (element, frame) => part(frame, element, EDGE_PARTS),
  };
  const handler = placeWalker<Place, GexfEntry>({
    file,
    root: "gexf",
    document,
    opens,
    kept(frame, element) {
      if (frame.place === "gexf") document.meta ??= element;
      else if (frame.place === "graph") document.attributeBlocks.push(element);
      else if (frame.entry) PARTS[element.name]?.(frame.entry, element);
    },
  });
  return { handler, document };
}

interface ReadValues {
  /** Values by declared attribute id; the first of several. */
  byId: Map<string, string>;
}

function attvalues(entry: GexfEntry, notes: Notes): ReadValues {
  const byId = new Map<string, string>();
  const values = entry.values ?? [];
  for (let i = 0; i < values.length; i += 2) {
    const id = values[i] as string;
    if (byId.has(id)) {
      note(notes, "an attribute with several (dynamic) values kept its first one");
      continue;
    }
    byId.set(id, values[i + 1] as string);
  }
  return { byId };
}

function foreignAttributes(
  values: ReadValues,
  declared: Map<string, Declared>,
  skip: ReadonlySet<string> | undefined,
  notes: Notes,
  what: string,
): ForeignAttributes {
  const attributes: ForeignAttributes = {};
  for (const [id, entry] of declared) {
    if (skip?.has(id)) continue;
    const raw = values.byId.get(id) ?? entry.default;
    if (raw === undefined) continue;
    setAttribute(
      attributes,
      entry.title,
      typedValue(raw, entry.type, notes, `${what} attribute "${entry.title}"`),
      notes,
    );
  }
  for (const id of values.byId.keys()) {
    if (!declared.has(id) && !skip?.has(id))
      note(notes, `a value for undeclared attribute "${id}" was skipped`);
  }
  return attributes;
}

/** The GEXF reader fed by chunks: the graph is built when the document has ended. */
export function gexfStream(file: string, options: ImportOptions): ImportStream {
  return collectingStream(file, options, gexfCollector, gexfOutcome);
}

export function readGexf(input: ImportInput, options: ImportOptions): ImportOutcome {
  return readWhole(gexfStream, input, options);
}

function gexfOutcome(file: string, document: GexfDocument, options: ImportOptions): ImportOutcome {
  const { root, meta, graph } = document;
  if (!root || !graph) {
    throw new ImportError({ file, element: "<gexf>", message: "the file has no <graph> element" });
  }
  const creator = meta && firstChild(meta, "creator")?.text.trim();
  const description = meta ? firstChild(meta, "description")?.text : undefined;
  const own = creator === CREATOR ? readOwnMeta(description) : undefined;
  const declared = {
    node: declarations(document.attributeBlocks, "node"),
    edge: declarations(document.attributeBlocks, "edge"),
  };
  if (own) return readOwnGexf(file, own, document, declared);

  const graphAttributes: ForeignAttributes = {};
  const edgeType = attribute(graph, "defaultedgetype");
  if (edgeType) graphAttributes.defaultedgetype = edgeType;
  const version = attribute(root, "version");
  if (version) graphAttributes["gexf:version"] = version;
  if (description?.trim()) graphAttributes.description = description.trim();
  const keywords = meta ? firstChild(meta, "keywords")?.text.trim() : undefined;
  if (keywords) graphAttributes.keywords = keywords;
  const foreign: ForeignGraph = { attributes: graphAttributes, nodes: [], edges: [], warnings: [] };
  const name = attribute(graph, "name")?.trim();
  if (name) foreign.title = name;
  else if (description?.trim()) foreign.title = description.trim().slice(0, 300);
  if (creator) foreign.publisher = creator;
  const date = meta ? attribute(meta, "lastmodifieddate") : undefined;
  if (date) foreign.date = date;
  return foreignOutcome(file, document, foreign, declared, options.mapping);
}

/** A file of another tool's: its nodes and edges read into `foreign` (the entries let go), then built. */
function foreignOutcome(
  file: string,
  document: GexfDocument,
  foreign: ForeignGraph,
  declared: { node: Map<string, Declared>; edge: Map<string, Declared> },
  mapping: ImportMapping | undefined,
): ImportOutcome {
  const notes: Notes = new Map();
  const readId = elementIdReader(file);
  foreign.nodes = drain(document.nodes, (entry) => {
    const { element } = entry;
    const where = whereLater(file, element);
    const id = readId(element);
    const attributes = foreignAttributes(attvalues(entry, notes), declared.node, undefined, notes, "node");
    const node: ForeignNode = { id, attributes, where };
    const label = attribute(element, "label");
    if (label !== undefined) node.label = checkLabel(label, where);
    const pid = attribute(element, "pid");
    if (pid !== undefined) attributes.pid = pid;
    if (entry.x !== undefined && entry.y !== undefined) {
      node.x = entry.x;
      node.y = entry.y;
    }
    if (entry.z) attributes["viz:z"] = entry.z;
    if (entry.size !== undefined) node.size = entry.size;
    // The file's look becomes the node's own; a colour or shape we cannot read or draw stays as written.
    const color = entry.color === undefined ? undefined : parseColor(entry.color);
    if (color) node.color = color;
    else if (entry.color) attributes["viz:color"] = entry.color;
    const shape = entry.shape === undefined ? undefined : parseShape(entry.shape);
    if (shape) node.shape = shape;
    else if (entry.shape) attributes["viz:shape"] = entry.shape;
    return node;
  });
  foreign.edges = drain(document.edges, (entry) => {
    const { element } = entry;
    const attributes = foreignAttributes(attvalues(entry, notes), declared.edge, undefined, notes, "edge");
    const edge = foreignEdgeOf(file, readId, element, attributes);
    const weight = finiteAttribute(element, "weight");
    if (weight !== undefined) edge.weight = weight;
    for (const name of ["label", "type", "kind"]) {
      const value = attribute(element, name);
      if (value !== undefined) attributes[name] = name === "label" ? checkLabel(value, edge.where) : value;
    }
    const color = entry.color === undefined ? undefined : parseColor(entry.color);
    if (color) edge.color = color;
    else if (entry.color) attributes["viz:color"] = entry.color;
    if (entry.thickness !== undefined && entry.thickness >= 0) edge.thickness = entry.thickness;
    else if (entry.thickness !== undefined) attributes["viz:thickness"] = entry.thickness;
    // An edge's shape (solid, dotted, dashed, double) has no field of ours: it stays as written.
    if (entry.shape) attributes["viz:shape"] = entry.shape;
    return edge;
  });
  return checkAndBuildForeign(file, "gexf", foreign, notes, mapping);
}

function readOwnGexf(
  file: string,
  own: OwnMeta,
  document: GexfDocument,
  declared: { node: Map<string, Declared>; edge: Map<string, Declared> },
): ImportOutcome {
  const notes: Notes = new Map();
  const readId = elementIdReader(file);
  const fieldsOf = (values: ReadValues, fields: readonly ModelField[]) =>
    fieldsFromText(
      fields,
      (name) => values.byId.get(name),
      (text) => splitGexfList(text) ?? [text],
    );
  const nodes: NodeRecord[] = drain(document.nodes, (entry) => {
    const { element } = entry;
    const id = readId(element);
    const values = attvalues(entry, notes);
    const fields = fieldsOf(values, GEXF_NODE_FIELDS);
    fields.set(
      "label",
      checkLabel(attribute(element, "label") ?? id, () => elementWhere(file, element)),
    );
    const foreign = foreignAttributes(values, declared.node, OWN_IDS, notes, "node");
    // The node's own layout is in attvalues; viz also holds positions the writer made up.
    return ownNodeRecord(id, fields, (field) => values.byId.get(field), foreign);
  });
  const claims: ClaimRecord[] = drain(document.edges, (entry) => {
    const values = attvalues(entry, notes);
    const foreign = foreignAttributes(values, declared.edge, OWN_IDS, notes, "edge");
    return ownClaimRecord(fieldsOf(values, CLAIM_FIELDS), foreign, (name) => readId(entry.element, name));
  });
  return checkAndBuildOwn(file, "gexf", { sources: own.sources, nodes, claims }, notes);
}
