// The GraphML writer (graphology-graphml has none): typed <key>s for the model's fields and for every
// foreign attribute, lists as JSON text in string keys, and the graph's sources in a graph-level key.
// networkx's read_graphml reads it back with the same nodes, edges and values.
import { originalId } from "../graph/build.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignValue } from "../model/schema.ts";
import { attributeColumns, type Column } from "./columns.ts";
import {
  CLAIM_FIELDS,
  claimFieldValues,
  type FieldKind,
  LAYOUT_FIELDS,
  type ModelField,
  type ModelValue,
  NODE_FIELDS,
  nodeFieldValues,
} from "./model-fields.ts";
import { META_KEY, ownMetaText } from "./own-meta.ts";
import type { ExportFile } from "./types.ts";
import { xmlAttribute, xmlNumber, xmlText } from "./xml-text.ts";

export const GRAPHML_MIME = "application/graphml+xml";

type GraphmlType = "string" | "long" | "double" | "boolean";

/** GraphML has no list type: lists are JSON text in string keys. */
const GRAPHML_TYPE_OF: Record<FieldKind, GraphmlType> = {
  text: "string",
  list: "string",
  flag: "boolean",
  number: "double",
};

function keysOf(fields: readonly ModelField[]): Record<string, GraphmlType> {
  return Object.fromEntries(fields.map((field) => [field.name, GRAPHML_TYPE_OF[field.kind]]));
}

/** Key ids of the model's fields; foreign attributes get `node-attr-N` or `node-list-N` (and edge-…). */
export const GRAPHML_NODE_KEYS: Record<string, GraphmlType> = keysOf([
  ...NODE_FIELDS,
  ...LAYOUT_FIELDS.map((name): ModelField => ({ name, kind: "number" })),
]);
export const GRAPHML_EDGE_KEYS: Record<string, GraphmlType> = keysOf(CLAIM_FIELDS);

/**
 * Fields that nodes and claims both have (color): key ids are unique in a document, so such a field is
 * one key `for="all"`, which networkx and our reader apply to both.
 */
const SHARED_KEYS: ReadonlySet<string> = new Set(
  Object.keys(GRAPHML_NODE_KEYS).filter((id) => {
    if (!Object.hasOwn(GRAPHML_EDGE_KEYS, id)) return false;
    if (GRAPHML_EDGE_KEYS[id] !== GRAPHML_NODE_KEYS[id]) {
      throw new Error(
        `GraphML: node and claim field "${id}" have different types; give one a key of its own`,
      );
    }
    return true;
  }),
);

export function foreignKeyId(kind: "node" | "edge", column: Column): string {
  return `${kind}-${column.family.startsWith("list") ? "list" : "attr"}-${column.index}`;
}

function graphmlType(column: Column): GraphmlType {
  return column.type === "long" || column.type === "double" || column.type === "boolean"
    ? column.type
    : "string";
}

function valueText(value: ForeignValue | ModelValue): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  return typeof value === "number" ? xmlNumber(value) : String(value);
}

/** One <data> line of a node or edge; `where` names the node or claim for an error. */
function dataLine(key: string, text: string, where: () => string): string {
  return `      <data key="${key}">${xmlText(text, where)}</data>\n`;
}

export function writeGraphml(graph: LinkageGraph): ExportFile[] {
  const columns = attributeColumns(graph);
  let hasPosition = false;
  let hasSize = false;
  graph.forEachNode((_id, a) => {
    if (a.x !== undefined || a.y !== undefined) hasPosition = true;
    if (a.size !== undefined) hasSize = true;
  });

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
    `  <key id="${META_KEY}" for="graph" attr.name="${META_KEY}" attr.type="string"/>\n`,
  ];
  for (const [id, type] of Object.entries(GRAPHML_NODE_KEYS)) {
    if ((id === "x" || id === "y") && !hasPosition) continue;
    if (id === "size" && !hasSize) continue;
    out.push(
      `  <key id="${id}" for="${SHARED_KEYS.has(id) ? "all" : "node"}" attr.name="${id}" attr.type="${type}"/>\n`,
    );
  }
  for (const [id, type] of Object.entries(GRAPHML_EDGE_KEYS)) {
    if (SHARED_KEYS.has(id)) continue;
    out.push(`  <key id="${id}" for="edge" attr.name="${id}" attr.type="${type}"/>\n`);
  }
  for (const [kind, set] of [
    ["node", columns.nodes],
    ["edge", columns.claims],
  ] as const) {
    for (const column of set.columns()) {
      out.push(
        `  <key id="${foreignKeyId(kind, column)}" for="${kind}" attr.name="${xmlAttribute(column.name, () => `${kind} attribute "${column.name}"`)}" attr.type="${graphmlType(column)}"/>\n`,
      );
    }
  }
  out.push(
    '  <graph id="G" edgedefault="directed">\n',
    `    <data key="${META_KEY}">${xmlText(ownMetaText({ sources: graph.getAttribute("sources"), derived: [] }), () => "the graph's sources")}</data>\n`,
  );
  graph.forEachNode((id, a) => {
    const where = () => `node "${originalId(id)}"`;
    out.push(`    <node id="${xmlAttribute(originalId(id), where)}">\n`);
    for (const [field, value] of nodeFieldValues(a)) out.push(dataLine(field.name, valueText(value), where));
    for (const field of LAYOUT_FIELDS) {
      const value = a[field];
      if (value !== undefined) out.push(dataLine(field, xmlNumber(value), where));
    }
    for (const [column, value] of columns.nodes.valuesOf(a.attributes)) {
      out.push(dataLine(foreignKeyId("node", column), valueText(value), where));
    }
    out.push("    </node>\n");
  });
  graph.forEachEdge((id, a, source, target) => {
    const where = () => `claim "${originalId(id)}"`;
    out.push(
      `    <edge id="${xmlAttribute(originalId(id), where)}" source="${xmlAttribute(originalId(source), where)}" target="${xmlAttribute(originalId(target), where)}">\n`,
    );
    for (const [field, value] of claimFieldValues(a)) out.push(dataLine(field.name, valueText(value), where));
    for (const [column, value] of columns.claims.valuesOf(a.attributes)) {
      out.push(dataLine(foreignKeyId("edge", column), valueText(value), where));
    }
    out.push("    </edge>\n");
  });
  out.push("  </graph>\n</graphml>\n");
  return [{ name: "graph.graphml", text: out.join(""), mime: GRAPHML_MIME }];
}
