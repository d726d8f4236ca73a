// The display attributes the renderer binds to: node size from how connected a node is, and a
// claim's label and "held by both sides" flag. Pure helpers plus the one place they are written.

import type { MultiDirectedGraph } from "graphology";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../../graph/types.ts";
import { RELATION_STYLES } from "../../model/vocabulary.ts";
import { isHeldByBothSides } from "./holders.ts";

export interface ClaimDisplay {
  /** Shown on a selected or hovered claim: the qualifier, or the relation's verb. */
  label: string;
  heldByBothSides: boolean;
}

/** The same graph object, with the display attributes sigma binds to. */
export type ExplorerGraph = MultiDirectedGraph<
  NodeAttributes,
  ClaimAttributes & ClaimDisplay,
  GraphAttributes
>;

export type Positions = Readonly<Record<string, { x: number; y: number }>>;

/** Screen pixels: the square root keeps hubs (the two sides, dozens of claims) from swamping the rest. */
export function nodeSize(degree: number): number {
  return Math.min(22, 4 + 2 * Math.sqrt(degree));
}

export function claimLabel(attributes: Pick<ClaimAttributes, "qualifier" | "relation">): string {
  return attributes.qualifier ?? RELATION_STYLES[attributes.relation].verb;
}

/**
 * Writes positions, sizes and claim display attributes onto the graph and returns it typed for
 * the renderer, with the nodes that had no position at all, for the layout worker to place.
 */
export function prepareForDisplay(
  graph: LinkageGraph,
  positions: Positions,
): { display: ExplorerGraph; unplaced: string[] } {
  const unplaced: string[] = [];
  graph.updateEachNodeAttributes((node, attributes) => {
    // Positions from the build win; a graph that carries its own (synthetic ones do) keeps them.
    const own =
      attributes.x !== undefined && attributes.y !== undefined ? { x: attributes.x, y: attributes.y } : null;
    const position = positions[node] ?? own;
    if (!position) unplaced.push(node);
    return {
      ...attributes,
      x: position?.x ?? 0,
      y: position?.y ?? 0,
      size: nodeSize(graph.degree(node)),
    };
  });
  // The graph gains attributes its domain type does not list; from here on it is read as both.
  const display = graph as unknown as ExplorerGraph;
  display.updateEachEdgeAttributes((_claim, attributes) => ({
    ...attributes,
    label: claimLabel(attributes),
    heldByBothSides: isHeldByBothSides(attributes.heldBy),
  }));
  return { display, unplaced };
}
