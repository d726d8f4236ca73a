// The GEXF 1.3 writer, for Gephi: the model's fields as typed attributes declared in <attributes>,
// foreign attributes beside them, and viz colours and shapes (a node's or edge's own, else from the kind
// and relation tables), positions, sizes, thicknesses and edge weights. Viz elements are written in the GEXF namespace, as the official 1.3 XSD declares
// them, so the file validates with xmllint; Gephi and graphology-gexf read them by local name. Each
// node and edge is one line: indentation inside them would add a text node per line for readers.
import { originalId } from "../graph/build.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignAttributes, ForeignValue } from "../model/schema.ts";
import { KIND_STYLES, RELATION_STYLES } from "../model/vocabulary.ts";
import { colorChannels, GEXF_SHAPES } from "./colors.ts";
import { attributeColumns, type Column, type ColumnSet } from "./columns.ts";
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
import { CREATOR, ownMetaText } from "./own-meta.ts";
import { placement } from "./positions.ts";
import type { ExportFile, ExportOptions } from "./types.ts";
import { xmlAttribute, xmlNumber, xmlText } from "./xml-text.ts";

export const GEXF_MIME = "application/gexf+xml";

/** The node's label is the <node>'s own attribute; the other fields are attvalues. */
export const GEXF_NODE_FIELDS: readonly ModelField[] = NODE_FIELDS.filter((field) => field.name !== "label");
/** The node's own layout, as attributes: viz always has a position, these only when the graph did. */
const LAYOUT: readonly ModelField[] = LAYOUT_FIELDS.map((name) => ({ name, kind: "number" }));

const GEXF_TYPE_OF: Record<FieldKind, string> = {
  text: "string",
  list: "liststring",
  flag: "boolean",
  number: "double",
};

/** A list value as GEXF 1.3 writes it: `["a", "b"]`, strings double-quoted with \ escapes. */
export function gexfList(items: readonly (string | number | boolean)[]): string {
  return `[${items
    .map((item) => (typeof item === "string" ? `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"` : String(item)))
    .join(", ")}]`;
}

function gexfValue(value: ForeignValue): string {
  return Array.isArray(value) ? gexfList(value) : String(value);
}

function fieldText(value: ModelValue): string {
  if (Array.isArray(value)) return gexfList(value);
  return typeof value === "number" ? xmlNumber(value) : String(value);
}

/** One value of a node's or edge's <attvalues>; `where` names the node or claim for an error. */
function attvalue(id: string, text: string, where: () => string): string {
  return `<attvalue for="${id}" value="${xmlAttribute(text, where)}"/>`;
}

/** The <attvalue>s of a node's or edge's foreign attributes, each under its column's id. */
function foreignAttvalues(
  columns: ColumnSet,
  attributes: ForeignAttributes | undefined,
  where: () => string,
): string {
  return columns
    .valuesOf(attributes)
    .map(([column, value]) => attvalue(`f${column.index}`, gexfValue(value), where))
    .join("");
}

/** A viz:color's attributes: r, g and b, and a when the colour is not opaque. */
function rgb(color: string): string {
  const { r, g, b, a } = colorChannels(color);
  return `r="${r}" g="${g}" b="${b}"${a < 1 ? ` a="${a}"` : ""}`;
}

function declare(
  out: string[],
  kind: "node" | "edge",
  fields: readonly ModelField[],
  columns: Column[],
): void {
  out.push(`    <attributes class="${kind}" mode="static">\n`);
  for (const field of fields) {
    out.push(
      `      <attribute id="${field.name}" title="${field.name}" type="${GEXF_TYPE_OF[field.kind]}"/>\n`,
    );
  }
  for (const column of columns) {
    out.push(
      `      <attribute id="f${column.index}" title="${xmlAttribute(column.name, () => `${kind} attribute "${column.name}"`)}" type="${column.type}"/>\n`,
    );
  }
  out.push("    </attributes>\n");
}

export function writeGexf(graph: LinkageGraph, options: ExportOptions = {}): ExportFile[] {
  const place = placement(graph, options);
  const columns = attributeColumns(graph);

  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n',
    `  <meta${options.date ? ` lastmodifieddate="${xmlAttribute(options.date, () => "date")}"` : ""}>\n`,
    `    <creator>${CREATOR}</creator>\n`,
    `    <description>${xmlText(ownMetaText({ sources: graph.getAttribute("sources"), derived: place.derived }), () => "the graph's sources")}</description>\n`,
    "  </meta>\n",
    '  <graph mode="static" defaultedgetype="directed">\n',
  );
  declare(out, "node", [...GEXF_NODE_FIELDS, ...LAYOUT], columns.nodes.columns());
  declare(out, "edge", CLAIM_FIELDS, columns.claims.columns());

  out.push(`    <nodes count="${graph.order}">\n`);
  graph.forEachNode((id, a) => {
    const where = () => `node "${originalId(id)}"`;
    out.push(
      `      <node id="${xmlAttribute(originalId(id), where)}" label="${xmlAttribute(a.label, where)}"><attvalues>`,
    );
    for (const [field, value] of nodeFieldValues(a)) {
      if (field.name !== "label") out.push(attvalue(field.name, fieldText(value), where));
    }
    for (const field of LAYOUT_FIELDS) {
      const value = a[field];
      if (value !== undefined) out.push(attvalue(field, xmlNumber(value), where));
    }
    out.push(foreignAttvalues(columns.nodes, a.attributes, where), "</attvalues>");
    // The node's own colour and shape when it has them (an imported graph's), the kind's otherwise.
    const style = KIND_STYLES[a.kind];
    out.push(
      `<color ${rgb(a.color ?? style.color)}/>`,
      `<position x="${xmlNumber(place.x(id))}" y="${xmlNumber(place.y(id))}" z="0"/>`,
      `<size value="${xmlNumber(place.size(id))}"/>`,
      `<shape value="${GEXF_SHAPES[a.shape ?? style.shape]}"/>`,
      "</node>\n",
    );
  });
  out.push("    </nodes>\n", `    <edges count="${graph.size}">\n`);
  graph.forEachEdge((id, a, source, target) => {
    const where = () => `claim "${originalId(id)}"`;
    out.push(
      `      <edge id="${xmlAttribute(originalId(id), where)}" source="${xmlAttribute(originalId(source), where)}" target="${xmlAttribute(originalId(target), where)}" kind="${a.relation}"${a.weight === undefined ? "" : ` weight="${xmlNumber(a.weight)}"`}><attvalues>`,
    );
    for (const [field, value] of claimFieldValues(a)) out.push(attvalue(field.name, fieldText(value), where));
    out.push(foreignAttvalues(columns.claims, a.attributes, where), "</attvalues>");
    const style = RELATION_STYLES[a.relation];
    out.push(
      `<color ${rgb(a.color ?? style.color)}/>`,
      a.thickness === undefined ? "" : `<thickness value="${xmlNumber(a.thickness)}"/>`,
      `<shape value="${style.dash > 0 ? "dashed" : "solid"}"/>`,
      "</edge>\n",
    );
  });
  out.push("    </edges>\n  </graph>\n</gexf>\n");
  return [{ name: "graph.gexf", text: out.join(""), mime: GEXF_MIME }];
}
