// CSV files in neo4j-admin import's header format (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`,
// `:TYPE`, typed and array columns such as `aliases:string[]`), plus the import command. The array
// delimiter is ";" (neo4j-admin's default) unless an item contains one; then the first of
// | ^ ~ that none contains, and import.sh passes it with --array-delimiter.
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignValue } from "../model/schema.ts";
import { type Column, ColumnSet } from "./columns.ts";
import { csvRow } from "./csv-text.ts";
import { NEO4J_LABELS, NEO4J_TYPES, RESERVED_CLAIM_PROPERTIES, RESERVED_NODE_PROPERTIES } from "./cypher.ts";
import { ExportError } from "./errors.ts";
import { CLAIM_FIELDS, type FieldKind, LAYOUT_FIELDS, type ModelField, NODE_FIELDS } from "./model-fields.ts";
import type { ExportFile } from "./types.ts";

export const ARRAY_DELIMITERS = [";", "|", "^", "~"] as const;

const NEO4J_TYPE_OF: Record<Column["type"], string> = {
  string: "string",
  long: "long",
  double: "double",
  boolean: "boolean",
  liststring: "string[]",
  listlong: "long[]",
  listdouble: "double[]",
  listboolean: "boolean[]",
};

/** neo4j-admin's header type of each kind of model field; text needs none. */
const NEO4J_FIELD_TYPE: Record<FieldKind, string> = {
  text: "",
  list: ":string[]",
  flag: ":boolean",
  number: ":double",
};

const fieldHeaders = (fields: readonly ModelField[]) =>
  fields.map((field) => `${field.name}${NEO4J_FIELD_TYPE[field.kind]}`);

function chooseDelimiter(graph: LinkageGraph): string {
  const used = new Set<string>();
  const scan = (items: readonly unknown[]) => {
    for (const item of items) for (const d of ARRAY_DELIMITERS) if (String(item).includes(d)) used.add(d);
  };
  const scanLists = (attributes: object) => {
    for (const value of Object.values(attributes)) if (Array.isArray(value)) scan(value);
  };
  graph.forEachNode((_id, a) => {
    scanLists(a);
    scanLists(a.attributes ?? {});
  });
  graph.forEachEdge((_id, a) => {
    scanLists(a);
    scanLists(a.attributes ?? {});
  });
  const free = ARRAY_DELIMITERS.find((d) => !used.has(d));
  if (!free)
    throw new ExportError(
      `list items contain every array delimiter neo4j-admin could use (${ARRAY_DELIMITERS.join(" ")})`,
    );
  return free;
}

/** Header names: `:` would start a type, so a foreign name's colons become underscores. */
function foreignHeaders(columns: Column[], reserved: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  return columns.map((column) => {
    let name = column.name.replace(/:/g, "_");
    if (reserved.has(name)) name = `attr_${name}`;
    while (seen.has(name)) name = `${name}_${column.type}`;
    seen.add(name);
    return `${name}:${NEO4J_TYPE_OF[column.type]}`;
  });
}

export function writeNeo4jAdmin(graph: LinkageGraph): ExportFile[] {
  const delimiter = chooseDelimiter(graph);
  const list = (items: readonly unknown[]) => items.map(String).join(delimiter);
  const value = (v: ForeignValue | undefined) =>
    v === undefined ? "" : Array.isArray(v) ? list(v) : String(v);
  const nodeSet = new ColumnSet();
  const claimSet = new ColumnSet();
  graph.forEachNode((_id, a) => nodeSet.add(a.attributes));
  graph.forEachEdge((_id, a) => claimSet.add(a.attributes));
  const nodeColumns = nodeSet.columns();
  const claimColumns = claimSet.columns();
  const foreign = (
    columns: Column[],
    set: ColumnSet,
    attributes: Record<string, ForeignValue> | undefined,
  ) => {
    const cells = columns.map(() => "");
    for (const name in attributes ?? {}) {
      const v = (attributes as Record<string, ForeignValue>)[name] as ForeignValue;
      cells[columns.indexOf(set.columnFor(name, v))] = value(v);
    }
    return cells;
  };
  const num = (n: number | undefined) => (n === undefined ? "" : String(n));
  const fields = (list: readonly ModelField[], attributes: object) => {
    const values = attributes as Record<string, ForeignValue | undefined>;
    return list.map((field) => value(values[field.name]));
  };

  const nodes = [
    csvRow([
      "id:ID",
      ":LABEL",
      ...fieldHeaders(NODE_FIELDS),
      ...LAYOUT_FIELDS.map((field) => `${field}:double`),
      ...foreignHeaders(nodeColumns, RESERVED_NODE_PROPERTIES),
    ]),
  ];
  graph.forEachNode((id, a) => {
    nodes.push(
      csvRow([
        id,
        `Entity${delimiter}${NEO4J_LABELS[a.kind]}`,
        ...fields(NODE_FIELDS, a),
        ...LAYOUT_FIELDS.map((field) => num(a[field])),
        ...foreign(nodeColumns, nodeSet, a.attributes),
      ]),
    );
  });
  const relationships = [
    csvRow([
      ":START_ID",
      ":END_ID",
      ":TYPE",
      "id",
      ...fieldHeaders(CLAIM_FIELDS),
      ...foreignHeaders(claimColumns, RESERVED_CLAIM_PROPERTIES),
    ]),
  ];
  graph.forEachEdge((id, a, source, target) => {
    relationships.push(
      csvRow([
        source,
        target,
        NEO4J_TYPES[a.relation],
        id,
        ...fields(CLAIM_FIELDS, a),
        ...foreign(claimColumns, claimSet, a.attributes),
      ]),
    );
  });
  const script = [
    "#!/bin/sh",
    "# Imports nodes.csv and relationships.csv into an empty Neo4j 5 database named neo4j (stop it first).",
    `# Array fields (aliases, heldBy, …) are joined with '${delimiter}'; quoted fields may span lines.`,
    `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --array-delimiter='${delimiter}' --multiline-fields=true --overwrite-destination neo4j`,
    "",
  ].join("\n");
  return [
    { name: "nodes.csv", text: nodes.join(""), mime: "text/csv;charset=utf-8" },
    { name: "relationships.csv", text: relationships.join(""), mime: "text/csv;charset=utf-8" },
    { name: "import.sh", text: script, mime: "text/x-shellscript" },
  ];
}
