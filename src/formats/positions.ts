// Where nodes are drawn in exported files when the graph has no layout: the caller's layout when it
// passes one, seeded positions on a disc otherwise (the same id always lands in the same place), and
// sizes from degree. Pure; the writers ask for these only when the graph has none of its own.
import { seededRandom, seedOf } from "../graph/random.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ExportOptions, Positions } from "./types.ts";

export function seededPositions(graph: LinkageGraph): Positions {
  const spread = Math.sqrt(Math.max(graph.order, 1)) * 10;
  const positions: Positions = {};
  graph.forEachNode((id) => {
    const random = seededRandom(seedOf(id));
    const angle = random() * 2 * Math.PI;
    const radius = Math.sqrt(random()) * spread;
    positions[id] = {
      x: Math.round(radius * Math.cos(angle) * 1000) / 1000,
      y: Math.round(radius * Math.sin(angle) * 1000) / 1000,
    };
  });
  return positions;
}

export interface Placement {
  /** Positions and sizes by node id, for every node. */
  x: (id: string) => number;
  y: (id: string) => number;
  size: (id: string) => number;
  /** Which of them the writer made up (so a reader of our own file can leave them out). */
  derived: ("position" | "size")[];
}

/** Node positions and sizes for a drawing format: the graph's own where every node has them. */
export function placement(graph: LinkageGraph, options: ExportOptions = {}): Placement {
  let allPlaced = true;
  let allSized = true;
  graph.forEachNode((_id, a) => {
    if (a.x === undefined || a.y === undefined) allPlaced = false;
    if (a.size === undefined) allSized = false;
  });
  const derived: Placement["derived"] = [];
  let positions: Positions | undefined;
  if (!allPlaced) {
    positions = (options.layout ?? seededPositions)(graph);
    derived.push("position");
  }
  if (!allSized) derived.push("size");
  const own = (id: string) => graph.getNodeAttributes(id);
  return {
    x: (id) => own(id).x ?? positions?.[id]?.x ?? 0,
    y: (id) => own(id).y ?? positions?.[id]?.y ?? 0,
    size: (id) => own(id).size ?? Math.round((3 + 2 * Math.sqrt(graph.degree(id))) * 100) / 100,
    derived,
  };
}
