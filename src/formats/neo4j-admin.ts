// CSV files in neo4j-admin import's header format (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`,
// `:TYPE`, typed and array columns such as `aliases:string[]`), UTF-8 after a byte-order mark (which
// neo4j-admin reads as UTF-8 and skips), plus the import command. The array
// delimiter is ";" (neo4j-admin's default) unless an item contains one; then the first of
// | ^ ~ that none contains, and import.sh passes it with --array-delimiter.
//
// Formulas: these files are for neo4j-admin, but people open CSV files in spreadsheets, and quoting
// a cell does not stop a spreadsheet from running `=cmd|…`. neo4j-admin has no way to take a mark
// off a value, so text cells and headers go through the reversible form of the one formula guard
// (csv-text.ts: a leading ' on a cell that would start a formula or starts with ' already), and when
// any cell needed it, restore-guarded.cypher takes the mark off again once the database has started.
// Numbers, flags, labels and types are written as they are: they cannot start a formula.
import { originalId } from "../graph/build.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignValue } from "../model/schema.ts";
import { attributeColumns, type Column } from "./columns.ts";
import { CSV_BOM, csvRow, FORMULA_GUARD, reversiblySafe } from "./csv-text.ts";
import {
  cypherKey,
  cypherString,
  NEO4J_LABELS,
  NEO4J_TYPES,
  RESERVED_CLAIM_PROPERTIES,
  RESERVED_NODE_PROPERTIES,
} from "./cypher.ts";
import { ExportError } from "./errors.ts";
import {
  CLAIM_FIELDS,
  type FieldKind,
  fieldColumnValues,
  LAYOUT_FIELDS,
  type ModelField,
  NODE_FIELDS,
  withOriginalIds,
} from "./model-fields.ts";
import { type Placement, placement } from "./positions.ts";
import type { ExportFile, ExportOptions } from "./types.ts";

export const ARRAY_DELIMITERS = [";", "|", "^", "~"] as const;
export const RESTORE_SCRIPT = "restore-guarded.cypher";

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

/** How a column's cells are guarded: text and lists of text reversibly; anything else as it is. */
type CellKind = "text" | "list" | "plain";

const CELL_KIND_OF_FIELD: Record<FieldKind, CellKind> = {
  text: "text",
  list: "list",
  flag: "plain",
  number: "plain",
};
const CELL_KIND_OF_COLUMN: Partial<Record<Column["type"], CellKind>> = { string: "text", liststring: "list" };

/** neo4j-admin's header type of each kind of model field; text needs none. */
const NEO4J_FIELD_TYPE: Record<FieldKind, string> = {
  text: "",
  list: ":string[]",
  flag: ":boolean",
  number: ":double",
};

/** A column: the property neo4j-admin stores it as (none for :LABEL and the like), its type, its cells. */
interface AdminColumn {
  property?: string;
  /** What follows the property in the header: `:ID`, `:string[]`, or all of it for `:LABEL`. */
  type: string;
  cells: CellKind;
}

const fieldColumns = (fields: readonly ModelField[]): AdminColumn[] =>
  fields.map((field) => ({
    property: field.name,
    type: NEO4J_FIELD_TYPE[field.kind],
    cells: CELL_KIND_OF_FIELD[field.kind],
  }));

function chooseDelimiter(graph: LinkageGraph): string {
  const used = new Set<string>();
  const scan = (items: readonly unknown[]) => {
    for (const item of items) for (const d of ARRAY_DELIMITERS) if (String(item).includes(d)) used.add(d);
  };
  const scanLists = (attributes: object) => {
    for (const value of Object.values(attributes)) if (Array.isArray(value)) scan(value.map(String));
  };
  graph.forEachNode((_id, a) => {
    scanLists(withOriginalIds("node", a));
    scanLists(a.attributes ?? {});
  });
  graph.forEachEdge((_id, a) => {
    scanLists(withOriginalIds("claim", a));
    scanLists(a.attributes ?? {});
  });
  // A guarded list's first item gains a ', which holds no delimiter; nothing else changes.
  const free = ARRAY_DELIMITERS.find((d) => !used.has(d));
  if (!free)
    throw new ExportError(
      `list items contain every array delimiter neo4j-admin could use (${ARRAY_DELIMITERS.join(" ")})`,
    );
  return free;
}

/** Header names: `:` would start a type, so a foreign name's colons become underscores. */
function foreignColumns(columns: Column[], reserved: ReadonlySet<string>): AdminColumn[] {
  const seen = new Set<string>();
  return columns.map((column) => {
    let name = column.name.replace(/:/g, "_");
    if (reserved.has(name)) name = `attr_${name}`;
    while (seen.has(name)) name = `${name}_${column.type}`;
    seen.add(name);
    return {
      property: name,
      type: `:${NEO4J_TYPE_OF[column.type]}`,
      cells: CELL_KIND_OF_COLUMN[column.type] ?? "plain",
    };
  });
}

/** What the guard changed in one file: properties with a guarded value, and guarded header names. */
class GuardLog {
  readonly values = new Map<string, CellKind>();
  readonly renamed = new Map<string, string>();

  header(columns: readonly AdminColumn[]): string {
    return csvRow(
      columns.map(({ property, type }) => {
        if (property === undefined) return type;
        const safe = reversiblySafe(property);
        if (safe !== property) this.renamed.set(safe, property);
        return `${safe}${type}`;
      }),
    );
  }

  row(columns: readonly AdminColumn[], cells: readonly string[]): string {
    return csvRow(
      cells.map((cell, i) => {
        const column = columns[i] as AdminColumn;
        if (column.cells === "plain") return cell;
        const safe = reversiblySafe(cell);
        if (safe !== cell && column.property !== undefined) {
          this.values.set(reversiblySafe(column.property), column.cells);
        }
        return safe;
      }),
    );
  }

  /** Cypher that takes the guard off every value and header name it was put on, for `variable`. */
  restore(match: string, variable: string): string[] {
    const mark = cypherString(FORMULA_GUARD);
    const statements: string[] = [];
    for (const [property, cells] of this.values) {
      const p = `${variable}.${cypherKey(property)}`;
      statements.push(
        cells === "list"
          ? `${match} WHERE ${p}[0] STARTS WITH ${mark} SET ${p} = [substring(${p}[0], 1)] + ${p}[1..];`
          : `${match} WHERE ${p} STARTS WITH ${mark} SET ${p} = substring(${p}, 1);`,
      );
    }
    for (const [guarded, property] of this.renamed) {
      const from = `${variable}.${cypherKey(guarded)}`;
      statements.push(
        `${match} WHERE ${from} IS NOT NULL SET ${variable}.${cypherKey(property)} = ${from} REMOVE ${from};`,
      );
    }
    return statements;
  }
}

function valueText(value: ForeignValue | undefined, delimiter: string): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.map(String).join(delimiter) : String(value);
}

/**
 * Where each node is drawn, for the x, y and size columns: the node's own, else the caller's layout
 * (the explorer's, the CLI's) with sizes from degree. Without a layout, a graph whose nodes have no
 * position of their own leaves those cells empty rather than make positions up.
 */
function drawnAt(graph: LinkageGraph, options: ExportOptions): Placement | undefined {
  return options.layout || graph.everyNode((_key, a) => a.x !== undefined && a.y !== undefined)
    ? placement(graph, options)
    : undefined;
}

export function writeNeo4jAdmin(graph: LinkageGraph, options: ExportOptions = {}): ExportFile[] {
  const delimiter = chooseDelimiter(graph);
  const columns = attributeColumns(graph);
  const nodeForeign = columns.nodes.columns();
  const claimForeign = columns.claims.columns();
  const text = (value: ForeignValue | undefined) => valueText(value, delimiter);
  const num = (n: number | undefined) => (n === undefined ? "" : String(n));
  const place = drawnAt(graph, options);

  const nodeLog = new GuardLog();
  const nodeColumns: AdminColumn[] = [
    { property: "id", type: ":ID", cells: "text" },
    { type: ":LABEL", cells: "plain" },
    ...fieldColumns(NODE_FIELDS),
    ...LAYOUT_FIELDS.map((field): AdminColumn => ({ property: field, type: ":double", cells: "plain" })),
    ...foreignColumns(nodeForeign, RESERVED_NODE_PROPERTIES),
  ];
  const nodes = [nodeLog.header(nodeColumns)];
  graph.forEachNode((key, a) => {
    nodes.push(
      nodeLog.row(nodeColumns, [
        originalId(key),
        `Entity${delimiter}${NEO4J_LABELS[a.kind]}`,
        ...fieldColumnValues("node", NODE_FIELDS, a).map(text),
        ...LAYOUT_FIELDS.map((field) => num(a[field] ?? place?.[field](key))),
        ...columns.nodes.cells(a.attributes, text),
      ]),
    );
  });

  const claimLog = new GuardLog();
  const claimColumns: AdminColumn[] = [
    // The ends are guarded like the ids they name, so they still match.
    { type: ":START_ID", cells: "text" },
    { type: ":END_ID", cells: "text" },
    { type: ":TYPE", cells: "plain" },
    { property: "id", type: "", cells: "text" },
    ...fieldColumns(CLAIM_FIELDS),
    ...foreignColumns(claimForeign, RESERVED_CLAIM_PROPERTIES),
  ];
  const relationships = [claimLog.header(claimColumns)];
  graph.forEachEdge((key, a, source, target) => {
    relationships.push(
      claimLog.row(claimColumns, [
        originalId(source),
        originalId(target),
        NEO4J_TYPES[a.relation],
        originalId(key),
        ...fieldColumnValues("claim", CLAIM_FIELDS, a).map(text),
        ...columns.claims.cells(a.attributes, text),
      ]),
    );
  });

  const restore = [...nodeLog.restore("MATCH (n:Entity)", "n"), ...claimLog.restore("MATCH ()-[r]->()", "r")];
  const files: ExportFile[] = [
    { name: "nodes.csv", text: CSV_BOM + nodes.join(""), mime: "text/csv;charset=utf-8" },
    { name: "relationships.csv", text: CSV_BOM + relationships.join(""), mime: "text/csv;charset=utf-8" },
    { name: "import.sh", text: importScript(delimiter, restore.length > 0), mime: "text/x-shellscript" },
  ];
  if (restore.length) {
    files.push({
      name: RESTORE_SCRIPT,
      text: [
        `// Text that a spreadsheet would run as a formula was written to the CSV files with a leading ${FORMULA_GUARD}.`,
        "// Run this once, after neo4j-admin import, with the database started, to take it off again:",
        `// cypher-shell -d neo4j -f ${RESTORE_SCRIPT}`,
        ...restore,
        "",
      ].join("\n"),
      mime: "application/x-cypher-query",
    });
  }
  return files;
}

function importScript(delimiter: string, restore: boolean): string {
  return [
    "#!/bin/sh",
    "# Imports nodes.csv and relationships.csv into an empty Neo4j 5 database named neo4j (stop it first).",
    `# Array fields (aliases, heldBy, …) are joined with '${delimiter}'; quoted fields may span lines.`,
    `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --array-delimiter='${delimiter}' --multiline-fields=true --overwrite-destination neo4j`,
    ...(restore
      ? [
          `# Some text was written with a leading ${FORMULA_GUARD} so that a spreadsheet cannot run it as a formula.`,
          `echo "Then start the database and run: cypher-shell -d neo4j -f ${RESTORE_SCRIPT}"`,
        ]
      : []),
    "",
  ].join("\n");
}
