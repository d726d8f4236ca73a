// How the explorer lays out a graph that came without positions, or reruns the layout: ForceAtlas2 with
// settings chosen by the graph's size, as Gephi chooses its defaults (scaling 10 under 100 nodes and 2
// from there, gravity 1, no linLog), Barnes-Hut and strong gravity past a few hundred nodes, then
// noverlap at the size the nodes are drawn. Pure: the layout worker runs it (layout-worker.ts) and
// tests/ui-layout-plan.test.ts runs it in Node. Calls graphology's layout libraries only.
import Graph from "graphology";
import forceAtlas2, { type ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { seededRandom, seedOf } from "../../graph/random.ts";

/** What the worker lays out: node keys with their drawn size (screen px) and, when known, a start. */
export interface LayoutInput {
  nodes: string[];
  /** Screen pixels, as the explorer draws each node. */
  sizes: number[];
  /** Where each node starts, [x0, y0, x1, y1, …]; absent for a first layout (seeded by node key). */
  start?: number[];
  /** [source index, target index, weight] per tie: parallel claims become one heavier tie. */
  ties: [number, number, number][];
}

export interface LayoutPlan {
  iterations: number;
  settings: ForceAtlas2Settings;
}

/** Past this many nodes the repulsion is approximated (Barnes-Hut): exact is quadratic. */
export const BARNES_HUT_FROM = 250;

/** ForceAtlas2's settings and length for a graph of `order` nodes, after Gephi's defaults. */
export function layoutPlan(order: number): LayoutPlan {
  const iterations = order <= 100 ? 1000 : order <= 1000 ? 600 : order <= 5000 ? 300 : 150;
  return {
    iterations,
    settings: {
      scalingRatio: order < 100 ? 10 : 2,
      // Gephi's gravity, except that a big graph, which often has many small components, gets its
      // "stronger gravity" option, so they stay by the main one instead of drifting off screen.
      gravity: order > BARNES_HUT_FROM ? 0.05 : 1,
      strongGravityMode: order > BARNES_HUT_FROM,
      linLogMode: false,
      outboundAttractionDistribution: false,
      adjustSizes: false,
      edgeWeightInfluence: 1,
      slowDown: 1 + Math.log10(Math.max(order, 1)),
      barnesHutOptimize: order > BARNES_HUT_FROM,
      barnesHutTheta: 1.2,
    },
  };
}

type Work = Graph<{ x: number; y: number; size: number }, { weight: number }>;

/** An undirected weighted copy to lay out, placed at its start or seeded by key on a disc. */
export function workGraph(input: LayoutInput): Work {
  const work: Work = new Graph({ type: "undirected", multi: false });
  const spread = Math.sqrt(input.nodes.length) * 10;
  input.nodes.forEach((node, i) => {
    const random = seededRandom(seedOf(node));
    const angle = random() * 2 * Math.PI;
    const radius = Math.sqrt(random()) * spread;
    const x = input.start?.[2 * i] ?? radius * Math.cos(angle);
    const y = input.start?.[2 * i + 1] ?? radius * Math.sin(angle);
    work.addNode(node, { x, y, size: input.sizes[i] ?? 4 });
  });
  for (const [a, b, weight] of input.ties) {
    const source = input.nodes[a];
    const target = input.nodes[b];
    if (source === undefined || target === undefined || source === target) continue;
    if (work.hasEdge(source, target))
      work.updateEdgeAttribute(source, target, "weight", (w) => (w ?? 0) + weight);
    else work.addEdge(source, target, { weight });
  }
  return work;
}

/** Runs `iterations` more steps of the plan on `work`. */
export function step(work: Work, plan: LayoutPlan, iterations: number): void {
  if (work.order < 2 || iterations < 1) return;
  forceAtlas2.assign(work, { iterations, settings: plan.settings, getEdgeWeight: "weight" });
}

/**
 * The pixel width the finished layout is assumed to be seen at, to size noverlap's discs: a phone's
 * share for a small graph, more for a big one, which is looked at closer or zoomed into anyway.
 */
function seenAt(order: number): number {
  return Math.max(500, Math.min(700, 20 * Math.sqrt(order)));
}

/** Room kept between two nodes, in pixels: less in a big graph, whose nodes are drawn smaller too. */
function marginPx(order: number): number {
  return 2 + 4 * Math.min(1, Math.sqrt(150 / Math.max(order, 1)));
}

/**
 * Removes overlaps at the size nodes are drawn: node sizes are screen pixels, so they are taken into
 * layout units as if the layout's wider side spanned seenAt() pixels, with a margin of a few pixels;
 * seen bigger, the nodes only have more room.
 */
export function separate(work: Work): void {
  if (work.order < 2) return;
  const seen = seenAt(work.order);
  const margin = marginPx(work.order);
  const unit = extentOf(work) / seen || 1;
  noverlap.assign(work, {
    maxIterations: 150,
    inputReducer: (_key, attributes) => ({
      x: attributes.x,
      y: attributes.y,
      size: (attributes.size ?? 4) * unit,
    }),
    settings: { margin: margin * unit, ratio: 1.1, expansion: 1.1, gridSize: 20 },
  });
  // noverlap stops with a few pairs still touching; finish pair by pair, measured at the new width.
  pushApart(work, extentOf(work) / seen || 1, margin);
}

/**
 * Moves each pair of nodes closer than their drawn radii plus a margin apart along the line between
 * them, half each, round after round until none touch (or a bound on rounds). A grid keeps each round
 * linear; the order of pairs is fixed, so the result is too.
 */
function pushApart(work: Work, unit: number, margin: number): void {
  const nodes = work.nodes();
  const at = nodes.map((node) => work.getNodeAttributes(node));
  const radius = at.map((a) => a.size * unit);
  const reach = 2 * Math.max(...radius) + margin * unit;
  for (let round = 0; round < 100; round++) {
    const grid = new Map<string, number[]>();
    at.forEach((a, i) => {
      const key = `${Math.floor(a.x / reach)} ${Math.floor(a.y / reach)}`;
      const cell = grid.get(key);
      if (cell) cell.push(i);
      else grid.set(key, [i]);
    });
    let moved = false;
    at.forEach((a, i) => {
      const cx = Math.floor(a.x / reach);
      const cy = Math.floor(a.y / reach);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of grid.get(`${cx + dx} ${cy + dy}`) ?? []) {
            if (j <= i) continue;
            const b = at[j] as (typeof at)[number];
            const need = (radius[i] as number) + (radius[j] as number) + margin * unit;
            const distance = Math.hypot(b.x - a.x, b.y - a.y);
            if (distance >= need) continue;
            moved = true;
            // Coincident nodes part along a fixed direction, chosen by their order.
            const ux = distance > 0 ? (b.x - a.x) / distance : Math.cos(i + j);
            const uy = distance > 0 ? (b.y - a.y) / distance : Math.sin(i + j);
            const push = (need - distance) / 2 + 1e-6;
            a.x -= ux * push;
            a.y -= uy * push;
            b.x += ux * push;
            b.y += uy * push;
          }
        }
      }
    });
    if (!moved) break;
  }
  nodes.forEach((node, i) => {
    const a = at[i] as (typeof at)[number];
    work.mergeNodeAttributes(node, { x: a.x, y: a.y });
  });
}

/** The layout's wider side, in layout units. */
function extentOf(work: Work): number {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  work.forEachNode((_node, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return Math.max(maxX - minX, maxY - minY);
}

/** Positions by node key, rounded so they are stable text. */
export function positionsOf(work: Work): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  work.forEachNode((node, { x, y }) => {
    positions[node] = { x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 };
  });
  return positions;
}
