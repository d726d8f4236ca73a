// The position matrix as CSV (RFC 4180, via csv-text.ts): one row per filled cell, in the matrix's
// row and column order, so a spreadsheet can pivot it either way. Lists inside a field are joined
// the way the other CSV exports join them; every cell goes through the one formula guard, and ids
// are written as the files had them (build.ts: originalId). Pure. A file to save is
// positionMatrixCsvFile: with the byte-order mark every CSV the project writes starts with.
import { originalId } from "../graph/build.ts";
import type { PositionMatrix } from "../graph/position-matrix.ts";
import { CSV_BOM, joinList, spreadsheetRow } from "./csv-text.ts";

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
  "disputed_claims",
  "hedged",
  "findings",
] as const;

/** Cells with nothing in them are left out: an empty cell is the absence of a row. */
export function positionMatrixCsv(matrix: PositionMatrix): string {
  let text = spreadsheetRow(POSITION_MATRIX_CSV_HEADER);
  for (const row of matrix.rows) {
    row.cells.forEach((cell, i) => {
      const column = matrix.columns[i];
      if (!column || cell.position === "none") return;
      text += spreadsheetRow([
        originalId(row.holder),
        row.label,
        originalId(column.id),
        column.label,
        column.kind,
        String(column.contestedness),
        cell.position,
        joinList(cell.stances.map((claim) => originalId(claim.id))),
        joinList(cell.linkages.map((claim) => originalId(claim.id))),
        // Differences the document leaves unassigned: the same claims appear in both actors' rows.
        joinList(cell.disputed.map((claim) => originalId(claim.id))),
        cell.hedged ? "true" : "false",
        joinList(cell.findings),
      ]);
    });
  }
  return text;
}

/** The position matrix as a CSV file to save: the rows of positionMatrixCsv after the byte-order mark. */
export function positionMatrixCsvFile(matrix: PositionMatrix): string {
  return `${CSV_BOM}${positionMatrixCsv(matrix)}`;
}
