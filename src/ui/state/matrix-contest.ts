// Which claims of the position matrix are contested, and how many differences touch each column, for
// the two sides Compare opens on (the default comparison): the column's count is a button that opens
// Compare's Differences narrowed to that column (compareOn), so it counts what that list shows, and a
// cell says how many of its own claims are contested. Pure; over graph/perspectives.ts's compare.
import { compare, PATTERN_TEXT } from "../../graph/perspectives.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { Visibility } from "./filters.ts";
import { holdersOf } from "./holders.ts";
import { defaultCompare } from "./perspective.ts";
import { visibilityFilter } from "./perspective-layer.ts";

export interface MatrixContest {
  holders: [string, string];
  /** Differences between the two that touch each node (stated, unassigned and inferred, as Compare lists them). */
  byColumn: ReadonlyMap<string, number>;
  /** Each contested claim's disagreement patterns, by title ("Opposite stances"), each once. */
  byClaim: ReadonlyMap<string, readonly string[]>;
}

export function matrixContest(graph: LinkageGraph, visibility: Visibility): MatrixContest | null {
  const pair = defaultCompare(holdersOf(graph));
  if (pair?.mode !== "compare") return null;
  const comparison = compare(graph, pair.a, pair.b, { filter: visibilityFilter(visibility) });
  const byColumn = new Map<string, number>();
  const byClaim = new Map<string, string[]>();
  const touch = (nodes: readonly string[]) => {
    for (const node of new Set(nodes)) byColumn.set(node, (byColumn.get(node) ?? 0) + 1);
  };
  for (const d of [...comparison.disagreements, ...comparison.inferred.disagreements]) {
    touch([d.subject, d.claimA.source, d.claimA.target, d.claimB.source, d.claimB.target]);
    for (const claim of [d.claimA, d.claimB]) {
      const patterns = byClaim.get(claim.id) ?? [];
      const title = PATTERN_TEXT[d.pattern].title;
      if (!patterns.includes(title)) patterns.push(title);
      byClaim.set(claim.id, patterns);
    }
  }
  for (const item of comparison.sidesNotStated) touch([item.claim.source, item.claim.target]);
  return { holders: [pair.a, pair.b], byColumn, byClaim };
}
