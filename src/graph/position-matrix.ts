// The position matrix: actors that hold claims as rows, issues and treaties as columns, and in each cell
// the row's stances on the column and the linkages it draws through it, with their findings. Pure:
// built on perspectives.ts (scan and pair analysis) and records.ts; runs in Node and in the browser.
//
// A cell's stances are the row actor's own supports/opposes claims on the column. Its linkages are every
// other claim the actor holds with the column at one end (links-to, and stances reported of someone
// else). A column's contestedness counts the disagreements, between any two rows, whose claims or
// subject touch it. Only columns with at least one non-empty cell are listed.
import type { NodeKind } from "../model/vocabulary.ts";
import { findingIndex } from "./build.ts";
import {
  analysePair,
  type PerspectiveOptions,
  recordOf,
  requireHolder,
  type ScannedClaim,
  scanClaims,
} from "./perspectives.ts";
import type { ClaimRecord, FindingSummary } from "./records.ts";
import type { LinkageGraph } from "./types.ts";

export type CellPosition = "supports" | "opposes" | "mixed" | "linkage" | "none";

export interface PositionCell {
  holder: string;
  column: string;
  /** supports / opposes / both ("mixed"); "linkage" when the row only ties the column to something. */
  position: CellPosition;
  stances: ClaimRecord[];
  linkages: ClaimRecord[];
  /** Qualified finding references cited by the cell's claims, in finding order. */
  findings: string[];
}

export interface PositionColumn {
  id: string;
  kind: NodeKind;
  label: string;
  /** Disagreements between any two rows that touch this column; higher is more contested. */
  contestedness: number;
}

export interface PositionRow {
  holder: string;
  label: string;
  /** Visible claims the row actor holds. */
  claims: number;
  /** One cell per column, in column order. */
  cells: PositionCell[];
}

export interface PositionMatrix {
  rows: PositionRow[];
  columns: PositionColumn[];
  /** Every finding cited by a cell, once, in finding order. */
  findings: FindingSummary[];
}

export interface PositionMatrixOptions extends PerspectiveOptions {
  /** Row actors, in this order. Default: every actor that holds a visible claim, most claims first. */
  holders?: readonly string[];
  /** Column order: the graph's node order (default) or most contested first. */
  sort?: "graph" | "contestedness";
}

const isColumnKind = (kind: NodeKind) => kind !== "actor";

export function positionMatrix(graph: LinkageGraph, options: PositionMatrixOptions = {}): PositionMatrix {
  for (const holder of options.holders ?? []) requireHolder(graph, holder);
  const scan = scanClaims(graph, options.holders ?? null, options.filter);
  const claimsOf = (holder: string) => scan.byHolder.get(holder) ?? [];
  const holders =
    options.holders ??
    (() => {
      const order = new Map(graph.mapNodes((id, _a) => id).map((id, i) => [id, i] as const));
      return [...scan.byHolder.keys()]
        .filter((id) => graph.hasNode(id) && graph.getNodeAttribute(id, "kind") === "actor")
        .sort((x, y) => claimsOf(y).length - claimsOf(x).length || (order.get(x) ?? 0) - (order.get(y) ?? 0));
    })();

  // Per row: the claims that fill each column's cell.
  const isColumn = (id: string) => isColumnKind(graph.getNodeAttribute(id, "kind"));
  const filled = new Map<string, Map<string, { stances: ScannedClaim[]; linkages: ScannedClaim[] }>>();
  const used = new Set<string>();
  for (const holder of holders) {
    const cells = new Map<string, { stances: ScannedClaim[]; linkages: ScannedClaim[] }>();
    const cell = (column: string) => {
      let found = cells.get(column);
      if (!found) {
        found = { stances: [], linkages: [] };
        cells.set(column, found);
        used.add(column);
      }
      return found;
    };
    for (const claim of claimsOf(holder)) {
      if (claim.relation !== "links-to" && claim.source === holder) {
        if (isColumn(claim.target)) cell(claim.target).stances.push(claim);
        continue;
      }
      if (isColumn(claim.source)) cell(claim.source).linkages.push(claim);
      if (claim.target !== claim.source && isColumn(claim.target)) cell(claim.target).linkages.push(claim);
    }
    filled.set(holder, cells);
  }

  const contestedness = new Map<string, number>();
  for (let i = 0; i < holders.length; i++) {
    for (let j = i + 1; j < holders.length; j++) {
      const a = holders[i] as string;
      const b = holders[j] as string;
      for (const d of analysePair(graph, scan, a, b).disagreements) {
        const touched = new Set([d.subject, d.a.source, d.a.target, d.b.source, d.b.target]);
        for (const node of touched) contestedness.set(node, (contestedness.get(node) ?? 0) + 1);
      }
    }
  }

  let columns: PositionColumn[] = graph
    .filterNodes((id) => used.has(id))
    .map((id) => {
      const attributes = graph.getNodeAttributes(id);
      return {
        id,
        kind: attributes.kind,
        label: attributes.label,
        contestedness: contestedness.get(id) ?? 0,
      };
    });
  if (options.sort === "contestedness") {
    const order = new Map(columns.map((c, i) => [c.id, i] as const));
    columns = [...columns].sort(
      (x, y) => y.contestedness - x.contestedness || (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0),
    );
  }

  const rank = (ref: string) => scan.findingRank.get(ref) ?? Number.POSITIVE_INFINITY;
  const rows: PositionRow[] = holders.map((holder) => {
    const cells = filled.get(holder) ?? new Map();
    return {
      holder,
      label: graph.getNodeAttribute(holder, "label"),
      claims: claimsOf(holder).length,
      cells: columns.map((column) => {
        const found = cells.get(column.id);
        const stances: ScannedClaim[] = found?.stances ?? [];
        const linkages: ScannedClaim[] = found?.linkages ?? [];
        const findings = [...new Set([...stances, ...linkages].flatMap((c) => c.findings))].sort(
          (x, y) => rank(x) - rank(y),
        );
        return {
          holder,
          column: column.id,
          position: positionOf(stances, linkages),
          stances: stances.map(recordOf),
          linkages: linkages.map(recordOf),
          findings,
        };
      }),
    };
  });

  const cited = new Set(rows.flatMap((row) => row.cells.flatMap((cell) => cell.findings)));
  const findings: FindingSummary[] = [];
  for (const finding of findingIndex(graph).values()) {
    if (cited.has(finding.ref))
      findings.push({ id: finding.ref, source: finding.sourceId, summary: finding.summary });
  }
  return { rows, columns, findings };
}

function positionOf(stances: readonly ScannedClaim[], linkages: readonly ScannedClaim[]): CellPosition {
  const supports = stances.some((c) => c.relation === "supports");
  const opposes = stances.some((c) => c.relation === "opposes");
  if (supports && opposes) return "mixed";
  if (supports) return "supports";
  if (opposes) return "opposes";
  return linkages.length ? "linkage" : "none";
}
