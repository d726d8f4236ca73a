// CSV for spreadsheets: nodes.csv, claims.csv and findings.csv, RFC 4180, UTF-8 with a byte-order
// mark so spreadsheet programs open it as UTF-8. List fields are joined with " | " (csv-text.ts);
// foreign attributes become `attr:<name>` columns; no cell, header or value, can start a formula
// (every row goes through csv-text.ts's one guard). Ids are written as the files had them.
import { originalId } from "../graph/build.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignValue } from "../model/schema.ts";
import { attributeColumns, type Column } from "./columns.ts";
import { CSV_BOM, joinList, spreadsheetRow } from "./csv-text.ts";
import {
  CLAIM_FIELDS,
  FINDING_FIELDS,
  fieldColumnValues,
  LAYOUT_FIELDS,
  type ModelField,
  NODE_FIELDS,
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

const names = (fields: readonly ModelField[]) => fields.map((field) => field.name);

export function writeCsv(graph: LinkageGraph): ExportFile[] {
  const columns = attributeColumns(graph);
  const layout = graph.someNode((_id, a) => a.x !== undefined || a.y !== undefined || a.size !== undefined);
  const nodeColumns = columns.nodes.columns();
  const claimColumns = columns.claims.columns();
  const num = (n: number | undefined) => (n === undefined ? "" : String(n));

  const nodes: string[] = [
    CSV_BOM,
    spreadsheetRow(["id", ...names(NODE_FIELDS), ...(layout ? LAYOUT_FIELDS : []), ...headers(nodeColumns)]),
  ];
  graph.forEachNode((key, a) => {
    nodes.push(
      spreadsheetRow([
        originalId(key),
        ...fieldColumnValues("node", NODE_FIELDS, a).map(cell),
        ...(layout ? LAYOUT_FIELDS.map((field) => num(a[field])) : []),
        ...columns.nodes.cells(a.attributes, cell),
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
        ...fieldColumnValues("claim", CLAIM_FIELDS, a).map(cell),
        ...columns.claims.cells(a.attributes, cell),
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
