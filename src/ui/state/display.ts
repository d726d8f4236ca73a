// The display graph sigma draws: a graph of its own, built from the domain graph with the same node
// and claim keys, holding only what the styles bind to (position, size, label, kind, an imported
// file's own colour; relation, attribution, label, the both-sides flag). Node sizes follow a scale
// that suits the graph's size, so a graph of a thousand nodes is not a blob. The domain graph is never written for display, so exports
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
  /** An imported file's own colour for the node (GEXF viz:color and the like); absent: the kind's. */
  color?: string;
  /** The node's shortest alias, when clearly shorter than its label: drawn where the label has no room. */
  shortLabel?: string;
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

/** Up to this many nodes, sizes are drawn at full scale; past it they shrink with the graph. */
const FULL_SCALE_ORDER = 150;

/** How much smaller than full scale nodes are drawn in a graph of `order` nodes (1 up to 150). */
export function sizeScale(order: number): number {
  return Math.min(1, Math.sqrt(FULL_SCALE_ORDER / Math.max(order, 1)));
}

/**
 * Screen pixels: the square root keeps hubs (the two sides, dozens of claims) from swamping the rest,
 * and a big graph draws every node smaller: at a thousand nodes, 1.5 to 8.5 px instead of 4 to 22.
 */
export function nodeSize(degree: number, order = 0): number {
  const scale = sizeScale(order);
  return Math.max(1.5, Math.min(22 * scale, 4 * scale + 2 * scale * Math.sqrt(degree)));
}

/** Sizes a file gave (GEXF viz:size), mapped onto the same pixel range by their rank between min and max. */
function fileSizes(graph: LinkageGraph): ((size: number) => number) | null {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_node, { size }) => {
    if (size === undefined || !Number.isFinite(size)) return;
    low = Math.min(low, size);
    high = Math.max(high, size);
  });
  if (low > high) return null;
  const scale = sizeScale(graph.order);
  const smallest = Math.max(1.5, 4 * scale);
  const largest = Math.max(smallest, 22 * scale);
  return (size) =>
    high > low ? smallest + ((size - low) / (high - low)) * (largest - smallest) : (smallest + largest) / 2;
}

/** An alias at most this share of the label's length is worth drawing instead of it ("PAROS"). */
const SHORT_LABEL_SHARE = 0.6;

/** The shortest alias, when it is clearly shorter than the label. */
export function shortLabel(label: string, aliases: readonly string[]): string | undefined {
  let shortest: string | undefined;
  for (const alias of aliases) {
    const trimmed = alias.trim();
    if (trimmed && (!shortest || trimmed.length < shortest.length)) shortest = trimmed;
  }
  const saves =
    shortest && shortest.length <= label.length * SHORT_LABEL_SHARE && label.length - shortest.length >= 4;
  return saves ? shortest : undefined;
}

/** A colour the file gave the node, when it is one sigma can draw (hex, rgb() or rgba()). */
function fileColor(attributes: object): string | undefined {
  const color = (attributes as { color?: unknown }).color;
  return typeof color === "string" && /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i.test(color)
    ? color
    : undefined;
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
  const fromFile = fileSizes(graph);
  graph.forEachNode((node, attributes) => {
    const own =
      attributes.x !== undefined && attributes.y !== undefined ? { x: attributes.x, y: attributes.y } : null;
    const position = positions[node] ?? own;
    if (!position) unplaced.push(node);
    const color = fileColor(attributes);
    const short = shortLabel(attributes.label, attributes.aliases ?? []);
    display.addNode(node, {
      kind: attributes.kind,
      label: attributes.label,
      x: position?.x ?? 0,
      y: position?.y ?? 0,
      size:
        fromFile && attributes.size !== undefined && Number.isFinite(attributes.size)
          ? fromFile(attributes.size)
          : nodeSize(graph.degree(node), graph.order),
      ...(color ? { color } : {}),
      ...(short ? { shortLabel: short } : {}),
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
