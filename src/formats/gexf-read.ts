// The GEXF reader, for versions 1.1draft, 1.2draft and 1.3 (Gephi, networkx, graphology): elements
// are matched by local name, so any of their namespaces (and viz in or out of its own) will do.
// Our own files come back as the graph they were written from; others become an imported graph.
import type { ForeignAttributes } from "../model/schema.ts";
import { ImportError } from "./errors.ts";
import { type ForeignEdge, type ForeignGraph, type ForeignNode, foreignToSourceFile } from "./foreign.ts";
import { GEXF_NODE_FIELDS } from "./gexf-write.ts";
import { checkLabel } from "./limits.ts";
import {
  CLAIM_FIELDS,
  LAYOUT_FIELDS,
  type ModelField,
  type ModelValue,
  nodeFromFields,
  scalarFromText,
} from "./model-fields.ts";
import { CREATOR, type OwnMeta, ownClaimRecord, readOwnMeta, setLayoutFromText } from "./own-meta.ts";
import { type ClaimRecord, checkAndBuild, type NodeRecord, recordsToFiles } from "./records.ts";
import type { ImportInput, ImportOptions, ImportOutcome } from "./types.ts";
import { type Notes, note, notesAsWarnings, setAttribute, splitGexfList, typedValue } from "./values.ts";
import {
  childElements,
  elementIdReader,
  elementWhere,
  firstChild,
  parseXmlDocument,
  type XmlElementLike,
} from "./xml-dom.ts";

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

function declarations(graph: XmlElementLike, kind: "node" | "edge"): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  for (const block of childElements(graph, "attributes")) {
    if ((block.getAttribute("class") ?? "node") !== kind) continue;
    for (const attribute of childElements(block, "attribute")) {
      const id = attribute.getAttribute("id");
      if (id === null) continue;
      const entry: Declared = {
        title: attribute.getAttribute("title") ?? id,
        type: attribute.getAttribute("type") ?? "string",
      };
      const fallback = firstChild(attribute, "default")?.textContent;
      if (fallback != null) entry.default = fallback;
      declared.set(id, entry);
    }
  }
  return declared;
}

/** Every <node> and <edge>, hierarchies flattened: nodes may nest nodes and edges. */
function collect(container: XmlElementLike, nodes: XmlElementLike[], edges: XmlElementLike[]): void {
  for (const block of childElements(container)) {
    if (block.localName === "nodes") {
      for (const node of childElements(block, "node")) {
        nodes.push(node);
        collect(node, nodes, edges);
      }
    } else if (block.localName === "edges") {
      for (const edge of childElements(block, "edge")) edges.push(edge);
    }
  }
}

interface ReadValues {
  /** Values by declared attribute id; lists of our own fields already split. */
  byId: Map<string, string>;
}

function attvalues(element: XmlElementLike, notes: Notes): ReadValues {
  const byId = new Map<string, string>();
  const block = firstChild(element, "attvalues");
  if (!block) return { byId };
  for (const attvalue of childElements(block, "attvalue")) {
    const id = attvalue.getAttribute("for") ?? attvalue.getAttribute("id");
    const value = attvalue.getAttribute("value");
    if (id === null || value === null) continue;
    if (byId.has(id)) {
      note(notes, "an attribute with several (dynamic) values kept its first one");
      continue;
    }
    byId.set(id, value);
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

function numberAttribute(element: XmlElementLike | undefined, name: string): number | undefined {
  const raw = element?.getAttribute(name);
  if (raw == null || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function vizColor(element: XmlElementLike | undefined): string | undefined {
  if (!element) return undefined;
  const hex = element.getAttribute("hex");
  if (hex) return hex;
  const [r, g, b] = ["r", "g", "b"].map((c) => numberAttribute(element, c) ?? 0);
  const a = numberAttribute(element, "a");
  return a === undefined || a === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a})`;
}

export function readGexf(input: ImportInput, options: ImportOptions): ImportOutcome {
  const file = input.name;
  const root = parseXmlDocument(file, input.text, options.xml);
  if (root.localName !== "gexf") {
    throw new ImportError({ ...elementWhere(file, root, []), message: "expected a <gexf> root element" });
  }
  const graph = firstChild(root, "graph");
  if (!graph) throw new ImportError({ file, element: "<gexf>", message: "the file has no <graph> element" });
  const meta = firstChild(root, "meta");
  const creator = meta && firstChild(meta, "creator")?.textContent?.trim();
  const description = meta ? (firstChild(meta, "description")?.textContent ?? undefined) : undefined;
  const own = creator === CREATOR ? readOwnMeta(description) : undefined;

  const nodeDeclared = declarations(graph, "node");
  const edgeDeclared = declarations(graph, "edge");
  const nodeElements: XmlElementLike[] = [];
  const edgeElements: XmlElementLike[] = [];
  collect(graph, nodeElements, edgeElements);
  const notes: Notes = new Map();

  const readId = elementIdReader(file);

  if (own)
    return readOwnGexf(file, own, nodeElements, edgeElements, nodeDeclared, edgeDeclared, readId, notes);

  const nodes: ForeignNode[] = nodeElements.map((element) => {
    const where = () => elementWhere(file, element);
    const id = readId(element);
    const attributes = foreignAttributes(attvalues(element, notes), nodeDeclared, undefined, notes, "node");
    const node: ForeignNode = { id, attributes, where };
    const label = element.getAttribute("label");
    if (label !== null) node.label = checkLabel(label, where);
    const pid = element.getAttribute("pid");
    if (pid !== null) attributes.pid = pid;
    const position = firstChild(element, "position");
    const x = numberAttribute(position, "x");
    const y = numberAttribute(position, "y");
    const z = numberAttribute(position, "z");
    if (x !== undefined && y !== undefined) {
      node.x = x;
      node.y = y;
    }
    if (z) attributes["viz:z"] = z;
    const size = numberAttribute(firstChild(element, "size"), "value");
    if (size !== undefined) node.size = size;
    const color = vizColor(firstChild(element, "color"));
    if (color) attributes["viz:color"] = color;
    const shape = firstChild(element, "shape")?.getAttribute("value");
    if (shape) attributes["viz:shape"] = shape;
    return node;
  });
  const edges: ForeignEdge[] = edgeElements.map((element) => {
    const where = () => elementWhere(file, element, ["id", "source", "target"]);
    const attributes = foreignAttributes(attvalues(element, notes), edgeDeclared, undefined, notes, "edge");
    const edge: ForeignEdge = {
      source: readId(element, "source"),
      target: readId(element, "target"),
      attributes,
      where,
    };
    if (element.getAttribute("id") !== null) edge.id = readId(element);
    const weight = numberAttribute(element, "weight");
    if (weight !== undefined) attributes.weight = weight;
    for (const name of ["label", "type", "kind"]) {
      const value = element.getAttribute(name);
      if (value !== null) attributes[name] = name === "label" ? checkLabel(value, where) : value;
    }
    const color = vizColor(firstChild(element, "color"));
    if (color) attributes["viz:color"] = color;
    const thickness = numberAttribute(firstChild(element, "thickness"), "value");
    if (thickness !== undefined) attributes["viz:thickness"] = thickness;
    const shape = firstChild(element, "shape")?.getAttribute("value");
    if (shape) attributes["viz:shape"] = shape;
    return edge;
  });

  const graphAttributes: ForeignAttributes = {};
  const edgeType = graph.getAttribute("defaultedgetype");
  if (edgeType) graphAttributes.defaultedgetype = edgeType;
  const version = root.getAttribute("version");
  if (version) graphAttributes["gexf:version"] = version;
  if (description?.trim()) graphAttributes.description = description.trim();
  const keywords = meta ? firstChild(meta, "keywords")?.textContent?.trim() : undefined;
  if (keywords) graphAttributes.keywords = keywords;
  const foreign: ForeignGraph = {
    attributes: graphAttributes,
    nodes,
    edges,
    warnings: [],
  };
  const name = graph.getAttribute("name")?.trim();
  if (name) foreign.title = name;
  else if (description?.trim()) foreign.title = description.trim().slice(0, 300);
  if (creator) foreign.publisher = creator;
  const date = meta?.getAttribute("lastmodifieddate");
  if (date) foreign.date = date;
  const source = foreignToSourceFile(foreign, file, "gexf", options.mapping);
  return checkAndBuild(file, "gexf", [source], [...foreign.warnings, ...notesAsWarnings(notes)]);
}

function readOwnGexf(
  file: string,
  own: OwnMeta,
  nodeElements: XmlElementLike[],
  edgeElements: XmlElementLike[],
  nodeDeclared: Map<string, Declared>,
  edgeDeclared: Map<string, Declared>,
  readId: (element: XmlElementLike, name?: string) => string,
  notes: Notes,
): ImportOutcome {
  const fieldsOf = (values: ReadValues, fields: readonly ModelField[]) => {
    const found = new Map<string, ModelValue>();
    for (const field of fields) {
      const raw = values.byId.get(field.name);
      if (raw === undefined) continue;
      found.set(
        field.name,
        field.kind === "list" ? (splitGexfList(raw) ?? [raw]) : scalarFromText(field, raw),
      );
    }
    return found;
  };
  const nodes: NodeRecord[] = nodeElements.map((element) => {
    const where = () => elementWhere(file, element);
    const id = readId(element);
    const values = attvalues(element, notes);
    const fields = fieldsOf(values, GEXF_NODE_FIELDS);
    fields.set("label", checkLabel(element.getAttribute("label") ?? id, where));
    const attributes = nodeFromFields(fields);
    // The node's own layout is in attvalues; viz also holds positions the writer made up.
    setLayoutFromText(attributes, (field) => values.byId.get(field));
    const foreign = foreignAttributes(values, nodeDeclared, OWN_IDS, notes, "node");
    if (Object.keys(foreign).length) attributes.attributes = foreign;
    return { id, attributes };
  });
  const claims: ClaimRecord[] = edgeElements.map((element) => {
    const values = attvalues(element, notes);
    const fields = fieldsOf(values, CLAIM_FIELDS);
    const foreign = foreignAttributes(values, edgeDeclared, OWN_IDS, notes, "edge");
    return ownClaimRecord(fields, foreign, (name) => readId(element, name));
  });
  const files = recordsToFiles(file, { sources: own.sources, nodes, claims });
  return checkAndBuild(file, "gexf", files, notesAsWarnings(notes), nodes);
}
