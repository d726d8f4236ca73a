// The GEXF 1.3 writer, for Gephi: the model's fields as typed attributes declared in <attributes>,
// foreign attributes beside them, and viz colours and shapes (a node's or edge's own, else from the kind
// and relation tables), positions, sizes, thicknesses and edge weights. Viz elements are written in the GEXF namespace, as the official 1.3 XSD declares
// them, so the file validates with xmllint; Gephi and graphology-gexf read them by local name. Each
// node and edge is one line: indentation inside them would add a text node per line for readers.
import { originalId } from "../graph/build.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignValue } from "../model/schema.ts";
import { KIND_STYLES, RELATION_STYLES } from "../model/vocabulary.ts";
import { colorChannels, GEXF_SHAPES } from "./colors.ts";
import { type Column, ColumnSet } from "./columns.ts";
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
  const nodeColumns = new ColumnSet();
  const claimColumns = new ColumnSet();
  graph.forEachNode((_id, a) => nodeColumns.add(a.attributes));
  graph.forEachEdge((_id, a) => claimColumns.add(a.attributes));

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
  declare(out, "node", [...GEXF_NODE_FIELDS, ...LAYOUT], nodeColumns.columns());
  declare(out, "edge", CLAIM_FIELDS, claimColumns.columns());

  out.push(`    <nodes count="${graph.order}">\n`);
  graph.forEachNode((id, a) => {
    const where = () => `node "${originalId(id)}"`;
    out.push(
      `      <node id="${xmlAttribute(originalId(id), where)}" label="${xmlAttribute(a.label, where)}"><attvalues>`,
    );
    for (const [field, value] of nodeFieldValues(a)) {
      if (field.name === "label") continue;
      out.push(`<attvalue for="${field.name}" value="${xmlAttribute(fieldText(value), where)}"/>`);
    }
    for (const field of LAYOUT_FIELDS) {
      const value = a[field];
      if (value !== undefined) out.push(`<attvalue for="${field}" value="${xmlNumber(value)}"/>`);
    }
    if (a.attributes) {
      for (const name in a.attributes) {
        const value = a.attributes[name] as ForeignValue;
        const column = nodeColumns.columnFor(name, value);
        out.push(`<attvalue for="f${column.index}" value="${xmlAttribute(gexfValue(value), where)}"/>`);
      }
    }
    // The node's own colour and shape when it has them (an imported graph's), the kind's otherwise.
    const style = KIND_STYLES[a.kind];
    out.push(
      "</attvalues>",
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
    for (const [field, value] of claimFieldValues(a)) {
      out.push(`<attvalue for="${field.name}" value="${xmlAttribute(fieldText(value), where)}"/>`);
    }
    if (a.attributes) {
      for (const name in a.attributes) {
        const value = a.attributes[name] as ForeignValue;
        const column = claimColumns.columnFor(name, value);
        out.push(`<attvalue for="f${column.index}" value="${xmlAttribute(gexfValue(value), where)}"/>`);
      }
    }
    const style = RELATION_STYLES[a.relation];
    out.push(
      "</attvalues>",
      `<color ${rgb(a.color ?? style.color)}/>`,
      a.thickness === undefined ? "" : `<thickness value="${xmlNumber(a.thickness)}"/>`,
      `<shape value="${style.dash > 0 ? "dashed" : "solid"}"/>`,
      "</edge>\n",
    );
  });
  out.push("    </edges>\n  </graph>\n</gexf>\n");
  return [{ name: "graph.gexf", text: out.join(""), mime: GEXF_MIME }];
}
