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
  /** The lens bits of the holders of the visible claims it joins (see lensBits): what a lens lights. */
  holderBits: number;
  /** A holder's own lens bit, when it has one. */
  lensBit?: number;
}

export interface ClaimDisplay {
  relation: Relation;
  /** Absent for an imported claim whose file did not say: it draws as its relation. */
  attribution?: Attribution;
  /** Shown on a selected or hovered claim: the qualifier, or the relation's verb. */
  label: string;
  heldByBothSides: boolean;
  /** The lens bits of its holders (see lensBits). */
  holderBits: number;
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
 * How many holders the plain drawing's lens lights in its shaders, each by one bit of a float: 20
 * bits stay exact through the float texture and the interpolation between vertices. A holder past
 * them is lit item by item, as the rich drawing lights every holder.
 */
export const LENS_BITS = 20;

/** One bit for each of the LENS_BITS holders of the most claims (then by key), from the lowest. */
export function lensBits(graph: LinkageGraph): Map<string, number> {
  const held = new Map<string, number>();
  graph.forEachEdge((_claim, { heldBy }) => {
    for (const holder of heldBy) held.set(holder, (held.get(holder) ?? 0) + 1);
  });
  const ranked = [...held].sort(([a, many], [b, more]) => more - many || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(ranked.slice(0, LENS_BITS).map(([holder], index) => [holder, 2 ** index]));
}

/** Each node's holderBits: the bits of the claims `shown` keeps (every claim, without it) that join it. */
function nodeHolderBits(display: DisplayGraph, shown?: ReadonlySet<string>): Map<string, number> {
  const bits = new Map<string, number>();
  display.forEachEdge((claim, { holderBits }, source, target) => {
    if (holderBits === 0 || (shown && !shown.has(claim))) return;
    bits.set(source, (bits.get(source) ?? 0) | holderBits);
    bits.set(target, (bits.get(target) ?? 0) | holderBits);
  });
  return bits;
}

/**
 * Lights nodes by the claims the filters show: a lens lights a node only through a claim of its
 * holder that is drawn. Writes only the nodes whose bits change; returns how many.
 */
export function showHolderBits(display: DisplayGraph, shown: ReadonlySet<string>): number {
  const bits = nodeHolderBits(display, shown);
  let changed = 0;
  display.forEachNode((node, { holderBits }) => {
    const now = bits.get(node) ?? 0;
    if (now === holderBits) return;
    display.setNodeAttribute(node, "holderBits", now);
    changed++;
  });
  return changed;
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
  const bits = lensBits(graph);
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
      holderBits: 0,
      ...(bits.has(node) ? { lensBit: bits.get(node) } : {}),
    });
  });
  graph.forEachEdge((claim, attributes, source, target) => {
    display.addDirectedEdgeWithKey(claim, source, target, {
      relation: attributes.relation,
      ...(attributes.attribution ? { attribution: attributes.attribution } : {}),
      label: claimLabel(attributes),
      heldByBothSides: isHeldByBothSides(attributes.heldBy),
      holderBits: attributes.heldBy.reduce((sum, holder) => sum | (bits.get(holder) ?? 0), 0),
    });
  });
  for (const [node, holderBits] of nodeHolderBits(display))
    display.setNodeAttribute(node, "holderBits", holderBits);
  return { display, unplaced };
}

/**
 * The vocabulary a display graph draws with: which kinds, relations and attributions occur, and
 * whether two claims join the same pair of nodes (drawn curved). sigma builds its shaders from what
 * it is told it may draw, and in software WebGL compiling them is a large part of the first frame:
 * an imported file of issues and links needs neither the triangle nor the dashes.
 */
export interface DrawnVocabulary {
  kinds: ReadonlySet<NodeKind>;
  relations: ReadonlySet<Relation>;
  attributions: ReadonlySet<Attribution>;
  parallelClaims: boolean;
}

export function drawnVocabulary(display: DisplayGraph): DrawnVocabulary {
  const kinds = new Set<NodeKind>();
  const relations = new Set<Relation>();
  const attributions = new Set<Attribution>();
  let parallelClaims = false;
  display.forEachNode((node, { kind }) => {
    kinds.add(kind);
    if (parallelClaims) return;
    // Claims in either direction between the same two nodes are parallel; a loop is not.
    const others = new Set<string>();
    display.forEachEdge(node, (_claim, _attributes, source, target) => {
      const other = source === node ? target : source;
      if (other !== node && others.has(other)) parallelClaims = true;
      others.add(other);
    });
  });
  display.forEachEdge((_claim, { relation, attribution }) => {
    relations.add(relation);
    if (attribution) attributions.add(attribution);
  });
  return { kinds, relations, attributions, parallelClaims };
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
