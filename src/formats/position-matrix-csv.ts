// The position matrix as CSV (RFC 4180, via csv-text.ts): one row per filled cell, in the matrix's
// row and column order, so a spreadsheet can pivot it either way. Lists inside a field are joined
// the way the other CSV exports join them; text that a spreadsheet would run is made inert. Pure.
import type { PositionMatrix } from "../graph/position-matrix.ts";
import { csvRow, joinList, spreadsheetSafe } from "./csv-text.ts";

export const POSITION_MATRIX_CSV_HEADER = [
  "actor_id",
  "actor",
  "column_id",
  "column",
  "column_kind",
  "contestedness",
  "position",
  "stance_claims",
  "linkage_claims",
  "findings",
] as const;

/** Cells with nothing in them are left out: an empty cell is the absence of a row. */
export function positionMatrixCsv(matrix: PositionMatrix): string {
  let text = csvRow(POSITION_MATRIX_CSV_HEADER);
  for (const row of matrix.rows) {
    row.cells.forEach((cell, i) => {
      const column = matrix.columns[i];
      if (!column || cell.position === "none") return;
      text += csvRow([
        row.holder,
        spreadsheetSafe(row.label),
        column.id,
        spreadsheetSafe(column.label),
        column.kind,
        String(column.contestedness),
        cell.position,
        joinList(cell.stances.map((claim) => claim.id)),
        joinList(cell.linkages.map((claim) => claim.id)),
        joinList(cell.findings),
      ]);
    });
  }
  return text;
}
