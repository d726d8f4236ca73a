// CSV for spreadsheets: nodes.csv, claims.csv and findings.csv, RFC 4180, UTF-8 with a byte-order
// mark so spreadsheet programs open it as UTF-8. List fields are joined with " | " (csv-text.ts);
// foreign attributes become `attr:<name>` columns; no cell, header or value, can start a formula
// (every row goes through csv-text.ts's one guard). Ids are written as the files had them.
import { originalId } from "../graph/build.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignValue } from "../model/schema.ts";
import { type Column, ColumnSet } from "./columns.ts";
import { CSV_BOM, joinList, spreadsheetRow } from "./csv-text.ts";
import {
  CLAIM_FIELDS,
  FINDING_FIELDS,
  type FieldOwner,
  LAYOUT_FIELDS,
  type ModelField,
  NODE_FIELDS,
  withOriginalIds,
} from "./model-fields.ts";
import type { ExportFile } from "./types.ts";

export const CSV_MIME = "text/csv;charset=utf-8";

function headers(columns: Column[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const base = `attr:${column.name}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count ? `${base} (${column.type})` : base;
  });
}

function cell(value: ForeignValue | undefined): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? joinList(value) : String(value);
}

/** The model's fields of a node or claim, one cell each, in the order of their headers. */
function fieldCells(owner: FieldOwner, fields: readonly ModelField[], attributes: object): string[] {
  const values = withOriginalIds(owner, attributes) as Record<string, ForeignValue | undefined>;
  return fields.map((field) => cell(values[field.name]));
}

const names = (fields: readonly ModelField[]) => fields.map((field) => field.name);

function foreignCells(
  columns: Column[],
  set: ColumnSet,
  attributes: Record<string, ForeignValue> | undefined,
) {
  const cells = columns.map(() => "");
  if (attributes) {
    for (const name in attributes) {
      const value = attributes[name] as ForeignValue;
      cells[columns.indexOf(set.columnFor(name, value))] = cell(value);
    }
  }
  return cells;
}

export function writeCsv(graph: LinkageGraph): ExportFile[] {
  const nodeSet = new ColumnSet();
  const claimSet = new ColumnSet();
  let layout = false;
  graph.forEachNode((_id, a) => {
    nodeSet.add(a.attributes);
    if (a.x !== undefined || a.y !== undefined || a.size !== undefined) layout = true;
  });
  graph.forEachEdge((_id, a) => claimSet.add(a.attributes));
  const nodeColumns = nodeSet.columns();
  const claimColumns = claimSet.columns();
  const num = (n: number | undefined) => (n === undefined ? "" : String(n));

  const nodes: string[] = [
    CSV_BOM,
    spreadsheetRow(["id", ...names(NODE_FIELDS), ...(layout ? LAYOUT_FIELDS : []), ...headers(nodeColumns)]),
  ];
  graph.forEachNode((key, a) => {
    nodes.push(
      spreadsheetRow([
        originalId(key),
        ...fieldCells("node", NODE_FIELDS, a),
        ...(layout ? LAYOUT_FIELDS.map((field) => num(a[field])) : []),
        ...foreignCells(nodeColumns, nodeSet, a.attributes),
      ]),
    );
  });

  const claims: string[] = [
    CSV_BOM,
    spreadsheetRow(["id", "source", "target", ...names(CLAIM_FIELDS), ...headers(claimColumns)]),
  ];
  graph.forEachEdge((key, a, source, target) => {
    claims.push(
      spreadsheetRow([
        originalId(key),
        originalId(source),
        originalId(target),
        ...fieldCells("claim", CLAIM_FIELDS, a),
        ...foreignCells(claimColumns, claimSet, a.attributes),
      ]),
    );
  });

  const findings: string[] = [CSV_BOM, spreadsheetRow(["ref", "source", ...FINDING_FIELDS, "sourceTitle"])];
  for (const source of graph.getAttribute("sources")) {
    for (const finding of source.findings) {
      const values = finding as Record<string, string | undefined>;
      findings.push(
        spreadsheetRow([
          `${source.id}#${finding.id}`,
          source.id,
          ...FINDING_FIELDS.map((field) => values[field] ?? ""),
          source.title,
        ]),
      );
    }
  }
  return [
    { name: "nodes.csv", text: nodes.join(""), mime: CSV_MIME },
    { name: "claims.csv", text: claims.join(""), mime: CSV_MIME },
    { name: "findings.csv", text: findings.join(""), mime: CSV_MIME },
  ];
}
