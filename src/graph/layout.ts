// The deterministic layout of a linkage graph: seeded starting positions, a fixed number of
// ForceAtlas2 iterations, then noverlap. Pure: works on a private copy and returns positions;
// the build (a Vite plugin) and a web worker call it, never the page's main thread.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { InvalidArgumentError } from "./errors.ts";
import { seededRandom } from "./random.ts";
import type { LinkageGraph } from "./types.ts";

export interface LayoutOptions {
  /** Same seed and same graph give the same positions. */
  seed?: number;
  /** ForceAtlas2 iterations; fixed so the result does not depend on time. */
  iterations?: number;
}

export type Positions = Record<string, { x: number; y: number }>;

export const DEFAULT_LAYOUT_SEED = 1;
export const DEFAULT_LAYOUT_ITERATIONS = 600;

interface WorkNode {
  x: number;
  y: number;
  size: number;
}

/** FNV-1a over UTF-16 code units, mixed with the seed: a stable starting point per node id. */
function hashString(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The label pass assumes how the explorer draws: labels of about 13px to the right of each node,
 * the layout's wider side about 520px on screen. It is quadratic, so big graphs skip it.
 */
const LABEL_PASS_LIMIT = 1500;
const VIEW_EXTENT = 520;
const CHAR_WIDTH = 7;
const LABEL_HALF_HEIGHT = 10;

/**
 * Pushes apart nodes whose label boxes overlap, along the axis where they overlap least (mostly
 * up and down, since labels are wide). Deterministic: a fixed order of pairs and of directions.
 */
function separateLabels(work: Graph<WorkNode>, labelOf: (node: string) => string): void {
  const nodes = work.nodes();
  const xs = nodes.map((node) => work.getNodeAttribute(node, "x"));
  const ys = nodes.map((node) => work.getNodeAttribute(node, "y"));
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) || 1;
  const scale = VIEW_EXTENT / extent;
  const px = xs.map((x) => x * scale);
  const py = ys.map((y) => y * scale);
  // Work sizes are 1 + sqrt(degree); the explorer draws radius 4 + 2 sqrt(degree) pixels.
  const radius = nodes.map((node) => 4 + 2 * (work.getNodeAttribute(node, "size") - 1));
  const width = nodes.map((node) => labelOf(node).length * CHAR_WIDTH + 4);
  const half = radius.map((r) => Math.max(r, LABEL_HALF_HEIGHT));
  for (let round = 0; round < 300; round++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = px[i] as number;
        const b = px[j] as number;
        const overlapX =
          Math.min(
            a + (radius[i] as number) + (width[i] as number),
            b + (radius[j] as number) + (width[j] as number),
          ) - Math.max(a - (radius[i] as number), b - (radius[j] as number));
        if (overlapX <= 0) continue;
        const c = py[i] as number;
        const d = py[j] as number;
        const overlapY =
          Math.min(c + (half[i] as number), d + (half[j] as number)) -
          Math.max(c - (half[i] as number), d - (half[j] as number));
        if (overlapY <= 0) continue;
        moved = true;
        if (overlapY <= overlapX) {
          const push = overlapY / 2 + 0.5;
          const direction = c < d || (c === d && i < j) ? -1 : 1;
          py[i] = c + direction * push;
          py[j] = d - direction * push;
        } else {
          const push = overlapX / 2 + 0.5;
          const direction = a < b || (a === b && i < j) ? -1 : 1;
          px[i] = a + direction * push;
          px[j] = b - direction * push;
        }
      }
    }
    if (!moved) break;
  }
  nodes.forEach((node, i) => {
    work.mergeNodeAttributes(node, { x: (px[i] as number) / scale, y: (py[i] as number) / scale });
  });
}

export function computeLayout(graph: LinkageGraph, options: LayoutOptions = {}): Positions {
  const seed = options.seed ?? DEFAULT_LAYOUT_SEED;
  const iterations = options.iterations ?? DEFAULT_LAYOUT_ITERATIONS;
  if (!Number.isInteger(seed)) throw new InvalidArgumentError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new InvalidArgumentError(`iterations must be a positive integer, got ${iterations}`);
  }

  // A simple undirected copy: parallel and opposite claims become one weighted tie, so a pair
  // that many claims join is pulled together without each claim counting as a separate spring.
  const work = new Graph<WorkNode, { weight: number }>({ type: "undirected", multi: false });
  const spread = Math.sqrt(graph.order) * 10;
  graph.forEachNode((node) => {
    // Each node's start depends on its own id, so adding a node does not reshuffle the others.
    const random = seededRandom(hashString(node, seed));
    const angle = random() * 2 * Math.PI;
    const radius = Math.sqrt(random()) * spread;
    work.addNode(node, {
      x: radius * Math.cos(angle),
      y: radius * Math.sin(angle),
      size: 1 + Math.sqrt(graph.degree(node)),
    });
  });
  graph.forEachEdge((_claim, _attributes, source, target) => {
    if (source === target) return;
    if (work.hasEdge(source, target)) work.updateEdgeAttribute(source, target, "weight", (w) => (w ?? 0) + 1);
    else work.addEdge(source, target, { weight: 1 });
  });

  if (work.order > 1) {
    forceAtlas2.assign(work, {
      iterations,
      getEdgeWeight: "weight",
      settings: {
        ...forceAtlas2.inferSettings(work),
        linLogMode: true,
        outboundAttractionDistribution: true,
      },
    });
    noverlap.assign(work, { maxIterations: 200, settings: { margin: 2, ratio: 1.4 } });
    if (work.order <= LABEL_PASS_LIMIT) separateLabels(work, (node) => graph.getNodeAttribute(node, "label"));
  }

  const positions: Positions = {};
  work.forEachNode((node, { x, y }) => {
    // Rounded so the output is stable text (build artefacts, snapshots) and small to ship.
    positions[node] = { x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 };
  });
  return positions;
}
