// The display graph sigma draws: a graph of its own, built from the domain graph with the same node
// and claim keys, holding only what the styles bind to (position, size, label, kind; relation,
// attribution, label, the both-sides flag). The domain graph is never written for display, so exports
// read it as loaded; the layout moves nodes here. Pure: calls graphology and holders.ts only.
import { MultiDirectedGraph } from "graphology";
import type { ClaimAttributes, LinkageGraph } from "../../graph/types.ts";
import { type Attribution, type NodeKind, RELATION_STYLES, type Relation } from "../../model/vocabulary.ts";
import { isHeldByBothSides } from "./holders.ts";

export interface NodeDisplay {
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  /** Screen pixels (nodeSize). */
  size: number;
}

export interface ClaimDisplay {
  relation: Relation;
  /** Absent for an imported claim whose file did not say: it draws as its relation. */
  attribution?: Attribution;
  /** Shown on a selected or hovered claim: the qualifier, or the relation's verb. */
  label: string;
  heldByBothSides: boolean;
}

export type DisplayGraph = MultiDirectedGraph<NodeDisplay, ClaimDisplay>;

export type Positions = Readonly<Record<string, { x: number; y: number }>>;

/** Screen pixels: the square root keeps hubs (the two sides, dozens of claims) from swamping the rest. */
export function nodeSize(degree: number): number {
  return Math.min(22, 4 + 2 * Math.sqrt(degree));
}

function claimLabel(attributes: Pick<ClaimAttributes, "qualifier" | "relation">): string {
  return attributes.qualifier ?? RELATION_STYLES[attributes.relation].verb;
}

/**
 * The display graph of `graph`, placed at `positions` (from the build), else at the graph's own
 * positions (synthetic and some imported graphs carry them), with the nodes that had neither, for
 * the layout worker to place. Those start at the origin.
 */
export function createDisplayGraph(
  graph: LinkageGraph,
  positions: Positions,
): { display: DisplayGraph; unplaced: string[] } {
  const display: DisplayGraph = new MultiDirectedGraph();
  const unplaced: string[] = [];
  graph.forEachNode((node, attributes) => {
    const own =
      attributes.x !== undefined && attributes.y !== undefined ? { x: attributes.x, y: attributes.y } : null;
    const position = positions[node] ?? own;
    if (!position) unplaced.push(node);
    display.addNode(node, {
      kind: attributes.kind,
      label: attributes.label,
      x: position?.x ?? 0,
      y: position?.y ?? 0,
      size: nodeSize(graph.degree(node)),
    });
  });
  graph.forEachEdge((claim, attributes, source, target) => {
    display.addDirectedEdgeWithKey(claim, source, target, {
      relation: attributes.relation,
      ...(attributes.attribution ? { attribution: attributes.attribution } : {}),
      label: claimLabel(attributes),
      heldByBothSides: isHeldByBothSides(attributes.heldBy),
    });
  });
  return { display, unplaced };
}

/** Where each node of the display graph is now: the layout as drawn. */
export function displayPositions(display: DisplayGraph): Positions {
  const positions: Record<string, { x: number; y: number }> = {};
  display.forEachNode((node, attributes) => {
    positions[node] = { x: attributes.x, y: attributes.y };
  });
  return positions;
}

/** Moves nodes of the display graph to `positions`; nodes it does not name stay where they are. */
export function placeNodes(display: DisplayGraph, positions: Positions): void {
  display.updateEachNodeAttributes((node, attributes) => {
    const position = positions[node];
    return position ? { ...attributes, x: position.x, y: position.y } : attributes;
  });
}
