// The GraphML reader (networkx, yEd, Cytoscape, our own writer): typed <key>s with their defaults,
// nodes and edges of the first <graph>. Our own files come back as the graph they were written from;
// others become an imported graph. yEd's graphics keys hold markup, not values: only a node's label
// text is taken from them.
import { parseJsonText } from "../model/json-text.ts";
import type { ForeignAttributes, ForeignValue } from "../model/schema.ts";
import { ImportError } from "./errors.ts";
import { type ForeignEdge, type ForeignGraph, type ForeignNode, foreignToSourceFile } from "./foreign.ts";
import { GRAPHML_EDGE_KEYS, GRAPHML_NODE_KEYS } from "./graphml-write.ts";
import { checkLabel } from "./limits.ts";
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
import type { ImportInput, ImportOptions, ImportOutcome } from "./types.ts";
import { type Notes, note, notesAsWarnings, setAttribute, typedValue } from "./values.ts";
import {
  childElements,
  elementIdReader,
  elementWhere,
  firstChild,
  parseXmlDocument,
  type XmlElementLike,
} from "./xml-dom.ts";

interface Key {
  id: string;
  for: string;
  name: string;
  type: string;
  default?: string;
  /** A yFiles graphics key: markup, not a value. */
  graphics: boolean;
}

function keysOf(root: XmlElementLike): Map<string, Key> {
  const keys = new Map<string, Key>();
  for (const element of childElements(root, "key")) {
    const id = element.getAttribute("id");
    if (id === null) continue;
    const yfiles = element.getAttribute("yfiles.type");
    const key: Key = {
      id,
      for: element.getAttribute("for") ?? "all",
      name: element.getAttribute("attr.name") ?? id,
      type: element.getAttribute("attr.type") ?? "string",
      graphics: yfiles !== null,
    };
    const fallback = firstChild(element, "default")?.textContent;
    if (fallback != null) key.default = fallback;
    keys.set(id, key);
  }
  return keys;
}

function dataOf(element: XmlElementLike): Map<string, XmlElementLike> {
  const data = new Map<string, XmlElementLike>();
  for (const child of childElements(element, "data")) {
    const key = child.getAttribute("key");
    if (key !== null && !data.has(key)) data.set(key, child);
  }
  return data;
}

function applies(key: Key, kind: "node" | "edge" | "graph"): boolean {
  return key.for === kind || key.for === "all";
}

export function readGraphml(input: ImportInput, options: ImportOptions): ImportOutcome {
  const file = input.name;
  const root = parseXmlDocument(file, input.text, options.xml);
  if (root.localName !== "graphml") {
    throw new ImportError({ ...elementWhere(file, root, []), message: "expected a <graphml> root element" });
  }
  const graph = firstChild(root, "graph");
  if (!graph)
    throw new ImportError({ file, element: "<graphml>", message: "the file has no <graph> element" });
  const keys = keysOf(root);
  const notes: Notes = new Map();

  const readId = elementIdReader(file);

  const graphData = dataOf(graph);
  const metaKey = [...keys.values()].find((key) => key.name === META_KEY && applies(key, "graph"));
  const own = metaKey ? readOwnMeta(graphData.get(metaKey.id)?.textContent ?? undefined) : undefined;

  const nodeElements = childElements(graph, "node");
  const edgeElements = childElements(graph, "edge");
  if (childElements(graph, "hyperedge").length) note(notes, "hyperedges were skipped");
  for (const node of nodeElements) {
    if (firstChild(node, "graph")) note(notes, "a nested graph inside a node was skipped");
  }

  const attributesOf = (
    element: XmlElementLike,
    kind: "node" | "edge" | "graph",
    skip?: ReadonlySet<string>,
  ) => {
    const data = dataOf(element);
    const attributes: ForeignAttributes = {};
    for (const key of keys.values()) {
      if (!applies(key, kind) || key.graphics || skip?.has(key.id) || key.name === META_KEY) continue;
      const text = data.get(key.id)?.textContent ?? key.default;
      if (text == null) continue;
      setAttribute(attributes, key.name, listOrValue(key, text, notes, kind), notes);
    }
    for (const id of data.keys()) {
      if (!keys.has(id)) note(notes, `a value for undeclared key "${id}" was skipped`);
    }
    return attributes;
  };

  if (own) return readOwnGraphml(file, own, keys, nodeElements, edgeElements, readId, attributesOf, notes);

  const graphicsLabel = (element: XmlElementLike): string | undefined => {
    for (const [id, data] of dataOf(element)) {
      if (!keys.get(id)?.graphics) continue;
      const text = data.textContent?.replace(/\s+/g, " ").trim();
      if (text) return text;
    }
    return undefined;
  };
  const nodes: ForeignNode[] = nodeElements.map((element) => {
    const where = () => elementWhere(file, element);
    const attributes = attributesOf(element, "node");
    const node: ForeignNode = { id: readId(element), attributes, where };
    const label = attributes.label ?? attributes.name ?? graphicsLabel(element);
    if (label !== undefined) node.label = checkLabel(String(label), where);
    return node;
  });
  const edges: ForeignEdge[] = edgeElements.map((element) => {
    const where = () => elementWhere(file, element, ["id", "source", "target"]);
    const edge: ForeignEdge = {
      source: readId(element, "source"),
      target: readId(element, "target"),
      attributes: attributesOf(element, "edge"),
      where,
    };
    if (element.getAttribute("id") !== null) edge.id = readId(element);
    const directed = element.getAttribute("directed");
    if (directed !== null) edge.attributes.directed = directed === "true";
    return edge;
  });
  const graphAttributes = attributesOf(graph, "graph");
  const edgeDefault = graph.getAttribute("edgedefault");
  if (edgeDefault) graphAttributes.edgedefault = edgeDefault;
  const foreign: ForeignGraph = { attributes: graphAttributes, nodes, edges, warnings: [] };
  const name = graphAttributes.name;
  if (typeof name === "string" && name.trim()) foreign.title = name;
  const source = foreignToSourceFile(foreign, file, "graphml", options.mapping);
  return checkAndBuild(file, "graphml", [source], [...foreign.warnings, ...notesAsWarnings(notes)]);
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
  nodeElements: XmlElementLike[],
  edgeElements: XmlElementLike[],
  readId: (element: XmlElementLike, name?: string) => string,
  attributesOf: (
    element: XmlElementLike,
    kind: "node" | "edge",
    skip?: ReadonlySet<string>,
  ) => ForeignAttributes,
  notes: Notes,
): ImportOutcome {
  const nodeKeys = new Set(Object.keys(GRAPHML_NODE_KEYS));
  const edgeKeys = new Set(Object.keys(GRAPHML_EDGE_KEYS));
  const fieldsOf = (
    element: XmlElementLike,
    data: Map<string, XmlElementLike>,
    fields: readonly ModelField[],
  ) => {
    const found = new Map<string, ModelValue>();
    for (const field of fields) {
      const text = keys.has(field.name) ? data.get(field.name)?.textContent : undefined;
      if (text == null) continue;
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
  const nodes: NodeRecord[] = nodeElements.map((element) => {
    const where = () => elementWhere(file, element);
    const id = readId(element);
    const data = dataOf(element);
    const attributes = nodeFromFields(fieldsOf(element, data, NODE_FIELDS));
    checkLabel(attributes.label, where);
    setLayoutFromText(attributes, (field) =>
      keys.has(field) ? (data.get(field)?.textContent ?? undefined) : undefined,
    );
    const foreign = attributesOf(element, "node", nodeKeys);
    if (Object.keys(foreign).length) attributes.attributes = foreign;
    return { id, attributes };
  });
  const claims: ClaimRecord[] = edgeElements.map((element) => {
    const fields = fieldsOf(element, dataOf(element), CLAIM_FIELDS);
    const foreign = attributesOf(element, "edge", edgeKeys);
    return ownClaimRecord(fields, foreign, (name) => readId(element, name));
  });
  const files = recordsToFiles(file, { sources: own.sources, nodes, claims });
  return checkAndBuild(file, "graphml", files, notesAsWarnings(notes), nodes);
}
