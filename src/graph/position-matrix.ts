// The position matrix: actors as rows, issues and treaties as columns, and in each cell the row's
// stances on the column, the linkages it draws through it and the claims the document says it differs
// on there, with their findings. Pure: built on perspectives.ts (scan and pair analysis) and records.ts;
// runs in Node and in the browser.
//
// A cell's stances are the row actor's own supports/opposes claims on the column (a stance whose source
// is among its holders, so a joint stance is each holder's own). Its linkages are every other claim the
// actor holds with the column at one end (links-to, and stances reported of someone else). Its disputed
// claims are the document's claims with the column at one end whose disputedBy names the actor: the
// document says it differs there without saying which view it holds. A column's contestedness counts the
// disagreements, and the differences with sides not stated, between any two rows that touch it. Rows are
// the actors that hold a visible claim or are named in a visible claim's disputedBy. Only columns with
// at least one non-empty cell are listed.
import type { NodeKind } from "../model/vocabulary.ts";
import { findingIndex } from "./build.ts";
import {
  analysePair,
  isOwnStance,
  type PerspectiveOptions,
  recordOf,
  requireHolder,
  type ScannedClaim,
  scanClaims,
} from "./perspectives.ts";
import type { ClaimRecord, FindingSummary } from "./records.ts";
import type { LinkageGraph } from "./types.ts";

export type CellPosition = "supports" | "opposes" | "mixed" | "linkage" | "differ-unassigned" | "none";

export interface PositionCell {
  holder: string;
  column: string;
  /**
   * supports / opposes / both ("mixed"); "linkage" when the row only ties the column to something;
   * "differ-unassigned" when the document only says the row differs there, sides not stated.
   */
  position: CellPosition;
  stances: ClaimRecord[];
  linkages: ClaimRecord[];
  /** The document's claims touching the column whose disputedBy names the row actor. */
  disputed: ClaimRecord[];
  /** Whether any claim of the cell is hedged or an open question. */
  hedged: boolean;
  /** Qualified finding references cited by the cell's claims, in finding order. */
  findings: string[];
}

export interface PositionColumn {
  id: string;
  kind: NodeKind;
  label: string;
  /** Disagreements and differences with sides not stated, between any two rows, that touch this column. */
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
  /**
   * Row actors, in this order. Default: every actor that holds a visible claim or is named in a visible
   * claim's disputedBy, most claims held first.
   */
  holders?: readonly string[];
  /** Column order: the graph's node order (default) or most contested first. */
  sort?: "graph" | "contestedness";
}

interface FilledCell {
  stances: ScannedClaim[];
  linkages: ScannedClaim[];
  disputed: ScannedClaim[];
}

const isColumnKind = (kind: NodeKind) => kind !== "actor";
const isHedged = (claim: ScannedClaim) =>
  claim.attributes.modality === "hedged" || claim.attributes.modality === "question";

export function positionMatrix(graph: LinkageGraph, options: PositionMatrixOptions = {}): PositionMatrix {
  for (const holder of options.holders ?? []) requireHolder(graph, holder);
  const scan = scanClaims(graph, options.holders ?? null, options.filter);
  const claimsOf = (holder: string) => scan.byHolder.get(holder) ?? [];
  const holders = options.holders ?? defaultRows(graph, scan.byHolder, scan.disputed);

  // Per row: the claims that fill each column's cell.
  const isColumn = (id: string) => isColumnKind(graph.getNodeAttribute(id, "kind"));
  const filled = new Map<string, Map<string, FilledCell>>();
  const used = new Set<string>();
  for (const holder of holders) {
    const cells = new Map<string, FilledCell>();
    const cell = (column: string) => {
      let found = cells.get(column);
      if (!found) {
        found = { stances: [], linkages: [], disputed: [] };
        cells.set(column, found);
        used.add(column);
      }
      return found;
    };
    const columnsOf = (claim: ScannedClaim) =>
      [claim.source, claim.target].filter((end, i) => (i === 0 || end !== claim.source) && isColumn(end));
    for (const claim of claimsOf(holder)) {
      if (isOwnStance(claim)) {
        if (isColumn(claim.target)) cell(claim.target).stances.push(claim);
        continue;
      }
      for (const column of columnsOf(claim)) cell(column).linkages.push(claim);
    }
    for (const claim of scan.disputed.get(holder) ?? [])
      for (const column of columnsOf(claim)) cell(column).disputed.push(claim);
    filled.set(holder, cells);
  }

  const contestedness = new Map<string, number>();
  const count = (nodes: Iterable<string>) => {
    for (const node of new Set(nodes)) contestedness.set(node, (contestedness.get(node) ?? 0) + 1);
  };
  for (let i = 0; i < holders.length; i++) {
    for (let j = i + 1; j < holders.length; j++) {
      const analysis = analysePair(graph, scan, holders[i] as string, holders[j] as string);
      for (const d of analysis.disagreements)
        count([d.subject, d.a.source, d.a.target, d.b.source, d.b.target]);
      for (const claim of analysis.sidesNotStated) count([claim.source, claim.target]);
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
  const empty: FilledCell = { stances: [], linkages: [], disputed: [] };
  const rows: PositionRow[] = holders.map((holder) => {
    const cells = filled.get(holder) ?? new Map<string, FilledCell>();
    return {
      holder,
      label: graph.getNodeAttribute(holder, "label"),
      claims: claimsOf(holder).length,
      cells: columns.map((column) => {
        const { stances, linkages, disputed } = cells.get(column.id) ?? empty;
        const all = [...stances, ...linkages, ...disputed];
        const findings = [...new Set(all.flatMap((c) => c.findings))].sort((x, y) => rank(x) - rank(y));
        return {
          holder,
          column: column.id,
          position: positionOf(stances, linkages, disputed),
          stances: stances.map(recordOf),
          linkages: linkages.map(recordOf),
          disputed: disputed.map(recordOf),
          hedged: all.some(isHedged),
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

/** Every actor that holds a visible claim or is named in one's disputedBy, most claims held first. */
function defaultRows(
  graph: LinkageGraph,
  byHolder: Map<string, ScannedClaim[]>,
  disputed: Map<string, ScannedClaim[]>,
): string[] {
  const order = new Map(graph.mapNodes((id) => id).map((id, i) => [id, i] as const));
  const held = (id: string) => byHolder.get(id)?.length ?? 0;
  return [...new Set([...byHolder.keys(), ...disputed.keys()])]
    .filter((id) => graph.hasNode(id) && graph.getNodeAttribute(id, "kind") === "actor")
    .sort((x, y) => held(y) - held(x) || (order.get(x) ?? 0) - (order.get(y) ?? 0));
}

function positionOf(
  stances: readonly ScannedClaim[],
  linkages: readonly ScannedClaim[],
  disputed: readonly ScannedClaim[],
): CellPosition {
  const supports = stances.some((c) => c.relation === "supports");
  const opposes = stances.some((c) => c.relation === "opposes");
  if (supports && opposes) return "mixed";
  if (supports) return "supports";
  if (opposes) return "opposes";
  if (linkages.length) return "linkage";
  return disputed.length ? "differ-unassigned" : "none";
}
