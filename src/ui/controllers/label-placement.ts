// Where each node's label goes so that no label covers another label or a node: greedy placement in
// priority order over a spatial hash, trying the right of the node, then left, below and above, as
// sigma draws them (its nodeLabelBox: the label starts `margin` px past the node's radius, centred on
// it, inside a background `padding` px wider). Pure screen-space geometry, no sigma and no DOM, so
// tests/ui-label-placement.test.ts runs it in Node; controllers/labels.ts feeds it from the renderer.

/** Where a label is drawn beside its node; "none" hides it. Also sigma's labelPosition names. */
export type LabelSide = "none" | "right" | "left" | "below" | "above";

/** The order sides are tried in: reading order first, then under and over the node. */
export const SIDES_TRIED: readonly Exclude<LabelSide, "none">[] = ["right", "left", "below", "above"];

export interface LabelRequest {
  key: string;
  /** Viewport pixels, y down. */
  x: number;
  y: number;
  radius: number;
  /** The text's width in pixels. */
  width: number;
  /** The width of a shorter name (an abbreviation), tried where the full one finds no room. */
  shortWidth?: number;
  /** May cover a node where nothing else fits (never a label). */
  must: boolean;
}

/** Where a label goes, and whether in its short form; the side is "none" for no label. */
export interface LabelPlace {
  side: LabelSide;
  short: boolean;
}

/** A node drawn on screen, which no label may cover. */
export interface Disc {
  key: string;
  x: number;
  y: number;
  radius: number;
}

export interface PlacementFrame {
  /** The viewport: a label that would leave it is tried on another side. */
  width: number;
  height: number;
  /** The text's height (sigma: the label size). */
  textHeight: number;
  /** Between the node's edge and the text (sigma's label margin). */
  margin: number;
  /** Around the text: its background (sigma's labelBackgroundPadding). */
  padding: number;
  /** Extra room kept between two labels, and between a label and a node. */
  gap: number;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The box sigma draws a label in, background included (sigma's nodeLabelBox, with no angle). */
export function labelBox(
  side: Exclude<LabelSide, "none">,
  at: { x: number; y: number; radius: number; width: number },
  frame: Pick<PlacementFrame, "textHeight" | "margin" | "padding">,
): Box {
  const start = at.radius + frame.margin;
  const halfWidth = at.width / 2 + frame.padding;
  const halfHeight = frame.textHeight / 2 + frame.padding;
  let cx = at.x;
  let cy = at.y;
  if (side === "right") cx += start + at.width / 2;
  else if (side === "left") cx -= start + at.width / 2;
  else if (side === "below") cy += start + frame.textHeight / 2;
  else cy -= start + frame.textHeight / 2;
  return { minX: cx - halfWidth, maxX: cx + halfWidth, minY: cy - halfHeight, maxY: cy + halfHeight };
}

/** How much two boxes overlap (area), counting `gap` of room around each; 0 when clear. */
export function boxOverlap(a: Box, b: Box, gap = 0): number {
  const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX) + gap;
  const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY) + gap;
  return w > 0 && h > 0 ? w * h : 0;
}

/** Whether a disc reaches into a box (its nearest point lies within radius + gap). */
export function discTouches(box: Box, disc: Pick<Disc, "x" | "y" | "radius">, gap = 0): boolean {
  const dx = disc.x - Math.max(box.minX, Math.min(disc.x, box.maxX));
  const dy = disc.y - Math.max(box.minY, Math.min(disc.y, box.maxY));
  const reach = disc.radius + gap;
  return dx * dx + dy * dy < reach * reach;
}

const CELL = 64;

/** A uniform grid over the screen: each cell lists the boxes and discs that reach into it. */
class SpatialHash<T> {
  private readonly cells = new Map<number, T[]>();

  private *cellsOf(box: Box): Generator<number> {
    const x0 = Math.floor(box.minX / CELL);
    const x1 = Math.floor(box.maxX / CELL);
    const y0 = Math.floor(box.minY / CELL);
    const y1 = Math.floor(box.maxY / CELL);
    // Cells far off screen still get distinct keys: 2^16 columns is more than any screen needs.
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) yield cx * 65_536 + cy;
  }

  add(box: Box, item: T): void {
    for (const cell of this.cellsOf(box)) {
      const list = this.cells.get(cell);
      if (list) list.push(item);
      else this.cells.set(cell, [item]);
    }
  }

  remove(box: Box, item: T): void {
    for (const cell of this.cellsOf(box)) {
      const list = this.cells.get(cell);
      const at = list?.indexOf(item) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    }
  }

  near(box: Box): Set<T> {
    const found = new Set<T>();
    for (const cell of this.cellsOf(box)) for (const item of this.cells.get(cell) ?? []) found.add(item);
    return found;
  }
}

function inside(box: Box, frame: PlacementFrame): boolean {
  return box.minX >= 0 && box.minY >= 0 && box.maxX <= frame.width && box.maxY <= frame.height;
}

/** What a label on this side would cover: other labels (area), nodes, and whether it leaves the screen. */
interface Collision {
  labels: number;
  /** The labels it covers. */
  covered: Placed[];
  nodes: number;
  outside: boolean;
}

/** A label placed so far. */
interface Placed {
  request: LabelRequest;
  side: Exclude<LabelSide, "none">;
  short: boolean;
  box: Box;
}

interface Grids {
  labels: SpatialHash<Placed>;
  discs: SpatialHash<Disc>;
  frame: PlacementFrame;
}

function collision(box: Box, key: string, grids: Grids): Collision {
  const covered: Placed[] = [];
  let area = 0;
  for (const other of grids.labels.near(box)) {
    const overlap = boxOverlap(box, other.box, grids.frame.gap);
    if (overlap > 0) covered.push(other);
    area += overlap;
  }
  let nodes = 0;
  for (const disc of grids.discs.near(box)) {
    if (disc.key !== key && discTouches(box, disc, grids.frame.gap)) nodes++;
  }
  return { labels: area, covered, nodes, outside: !inside(box, grids.frame) };
}

/** One number to compare sides by: covering a label is worst, then a node, then leaving the screen. */
function cost({ labels, nodes, outside }: Collision): number {
  return labels * 1e6 + nodes * 1e3 + (outside ? 1 : 0);
}

/** Whether a label may stay where it collides so: free, or a `must` label over nodes only, on screen. */
function acceptable(request: LabelRequest, found: Collision): boolean {
  return cost(found) === 0 || (request.must && found.labels === 0 && !found.outside);
}

/** The forms a label may take: its full text, then its short form where it has one. */
function forms(request: LabelRequest): { short: boolean; width: number }[] {
  const full = { short: false, width: request.width };
  return request.shortWidth !== undefined && request.shortWidth < request.width
    ? [full, { short: true, width: request.shortWidth }]
    : [full];
}

/**
 * The side (and form) that collides least, trying the full text on every side of SIDES_TRIED, then the
 * short form, and stopping at the first that is free; `avoid` is a box it must keep clear of.
 */
function bestSide(request: LabelRequest, grids: Grids, avoid?: Box): Placed & { collision: Collision } {
  let best: (Placed & { collision: Collision; cost: number }) | null = null;
  for (const form of forms(request)) {
    for (const side of SIDES_TRIED) {
      const box = labelBox(side, { ...request, width: form.width }, grids.frame);
      const found = collision(box, request.key, grids);
      const blocked = avoid && boxOverlap(box, avoid, grids.frame.gap) > 0 ? 1e12 : 0;
      // The full name wins a tie: the short form is for want of room.
      const total = cost(found) + blocked + (form.short ? 0.5 : 0);
      if (!best || total < best.cost)
        best = { request, side, short: form.short, box, collision: found, cost: total };
      if (cost(found) + blocked === 0) return best;
    }
  }
  return best as Placed & { collision: Collision };
}

/**
 * A label that found no room: if on some side it covers just one label, and that label has another
 * side that covers nothing and is clear of it, both are placed so. Returns the two placements, or null.
 */
function repair(request: LabelRequest, grids: Grids): Placed[] | null {
  for (const side of SIDES_TRIED) {
    const short = false;
    const box = labelBox(side, request, grids.frame);
    const found = collision(box, request.key, grids);
    const [blocker, ...more] = found.covered;
    if (!blocker || more.length > 0 || found.outside) continue;
    grids.labels.remove(blocker.box, blocker);
    const moved = bestSide(blocker.request, grids, box);
    const mine = collision(box, request.key, grids);
    // The label moved aside must find a side that covers nothing at all, not merely one it may take.
    if (
      cost(moved.collision) === 0 &&
      boxOverlap(moved.box, box, grids.frame.gap) === 0 &&
      acceptable(request, mine)
    ) {
      return [moved, { request, side, short, box }];
    }
    grids.labels.add(blocker.box, blocker);
  }
  return null;
}

/**
 * The side of each requested label, in the order given (most important first): the first side that
 * covers nothing and stays on screen, with the full text, else with the short form, else one where it
 * covers a single label that can move to another side, else "none". A `must` label may also cover a node, on the side that covers fewest; but no label
 * covers a label nor runs off the screen: where it would, no label reads better than two on top of
 * each other or a cut name (a phone, zoomed out). Linear in labels and nodes, thanks to the grid.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  discs: readonly Disc[],
  frame: PlacementFrame,
): Map<string, LabelPlace> {
  // Must-labels left out, or left over a node, by the ones before them go first next time; a few
  // rounds settle it. The round that leaves out fewest, then covers fewest nodes, wins.
  let order = requests;
  let best: { places: Map<string, LabelPlace>; score: number } | null = null;
  for (let round = 0; round < MUST_ROUNDS; round++) {
    const { places, coveringNodes } = placeInOrder(order, discs, frame);
    const missed = order.filter((request) => request.must && places.get(request.key)?.side === "none");
    const score = missed.length * 1000 + coveringNodes.length;
    if (!best || score < best.score) best = { places, score };
    if (score === 0) break;
    const first = new Set([...missed, ...coveringNodes]);
    order = [...first, ...order.filter((request) => !first.has(request))];
  }
  return best?.places ?? new Map();
}

const MUST_ROUNDS = 4;

/** One greedy pass; also says which must-labels it had to put over a node. */
function placeInOrder(
  requests: readonly LabelRequest[],
  discs: readonly Disc[],
  frame: PlacementFrame,
): { places: Map<string, LabelPlace>; coveringNodes: LabelRequest[] } {
  const grids: Grids = { labels: new SpatialHash<Placed>(), discs: new SpatialHash<Disc>(), frame };
  for (const disc of discs) {
    const r = disc.radius;
    grids.discs.add({ minX: disc.x - r, minY: disc.y - r, maxX: disc.x + r, maxY: disc.y + r }, disc);
  }
  const sides = new Map<string, LabelPlace>();
  const coveringNodes: LabelRequest[] = [];
  for (const request of requests) {
    const best = bestSide(request, grids);
    const placed = acceptable(request, best.collision) ? [best] : (repair(request, grids) ?? []);
    if (placed[0] === best && best.collision.nodes > 0) coveringNodes.push(request);
    for (const label of placed) {
      grids.labels.add(label.box, label);
      sides.set(label.request.key, { side: label.side, short: label.short });
    }
    if (!sides.has(request.key)) sides.set(request.key, { side: "none", short: false });
  }
  return { places: sides, coveringNodes };
}
