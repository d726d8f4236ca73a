// The position matrix's CSV carries what model 2 adds to a cell: the differences the document leaves
// unassigned (in both actors' rows) and whether the cell rests on hedged or questioned claims.
import { describe, expect, it } from "vitest";
import { POSITION_MATRIX_CSV_HEADER, positionMatrixCsv } from "../src/formats/position-matrix-csv.ts";
import { positionMatrix } from "../src/graph/position-matrix.ts";
import { loadGraphData } from "./support/graph-data.ts";

describe("the position matrix CSV of graph-data", () => {
  const lines = positionMatrixCsv(positionMatrix(loadGraphData())).split("\r\n");
  const line = (actor: string, label: string, column: string) =>
    lines.find((text) => text.startsWith(`${actor},${label},${column},`)) ?? "";

  it("has a column for unassigned differences and one for hedging", () => {
    expect(POSITION_MATRIX_CSV_HEADER).toContain("disputed_claims");
    expect(POSITION_MATRIX_CSV_HEADER).toContain("hedged");
    expect(lines[0]).toBe(POSITION_MATRIX_CSV_HEADER.join(","));
  });

  it("lists F10's unassigned differences on NMD in both the US and the Chinese row", () => {
    expect(line("actor:us", "United States", "issue:nmd")).toContain("f10-nmd-aimed-at-china-disputed");
    expect(line("actor:china", "China", "issue:nmd")).toContain("f10-nmd-aimed-at-china-disputed");
  });

  it("marks China's hedged interest in CSBMs, and not the US's ABM Treaty argument", () => {
    expect(line("actor:china", "China", "issue:csbms")).toMatch(/,true,[^,]*$/);
    expect(line("actor:us", "United States", "treaty:abm")).toMatch(/,false,[^,]*$/);
  });
});
