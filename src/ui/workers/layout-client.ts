// The main-thread side of the layout worker: one layout run, with its progress, its positions so far
// (for a rerun that moves on screen) and a stop. app.ts calls it for a graph that came without
// positions, controllers/layout.ts for Rerun layout; the positions go into the display graph, never
// the domain graph. Builds the worker's compact input (layout-plan.ts) from the display graph.
import type { LayoutInput } from "./layout-plan.ts";
import type { LayoutReply, LayoutRequest } from "./layout-worker.ts";

export type Positions = Record<string, { x: number; y: number }>;

/**
 * What the client reads of the graph it lays out: the display graph (state/display.ts), which a
 * worker-side module may not import, so it is described by shape.
 */
export interface PlaceableGraph {
  nodes(): string[];
  getNodeAttribute(node: string, name: "x" | "y" | "size"): number;
  forEachEdge(callback: (claim: string, attributes: object, source: string, target: string) => void): void;
}

export interface LayoutRun {
  /** Resolves with the final positions (after noverlap), also when stopped early. */
  done: Promise<Positions>;
  /** Ends the run after the slice under way; `done` still resolves, with the positions so far. */
  stop(): void;
}

export interface LayoutOptions {
  /** Start from where the nodes are now (a rerun), rather than from seeded positions. */
  fromCurrent?: boolean;
  /** Fraction done, after each slice of iterations. */
  onProgress?(fraction: number): void;
  /** The positions so far, after each slice: given, the worker sends them. */
  onPositions?(positions: Positions): void;
}

/** The worker's input: keys, drawn sizes, optional starts and one weighted tie per linked pair. */
export function layoutInput(display: PlaceableGraph, fromCurrent: boolean): LayoutInput {
  const nodes = display.nodes();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const ties = new Map<string, [number, number, number]>();
  display.forEachEdge((_claim, _attributes, source, target) => {
    const a = index.get(source) as number;
    const b = index.get(target) as number;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    const tie = ties.get(key);
    if (tie) tie[2]++;
    else ties.set(key, [a, b, 1]);
  });
  return {
    nodes,
    sizes: nodes.map((node) => display.getNodeAttribute(node, "size")),
    ...(fromCurrent
      ? {
          start: nodes.flatMap((node) => [
            display.getNodeAttribute(node, "x"),
            display.getNodeAttribute(node, "y"),
          ]),
        }
      : {}),
    ties: [...ties.values()],
  };
}

export function layoutInWorker(display: PlaceableGraph, options: LayoutOptions = {}): LayoutRun {
  const worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
  const post = (request: LayoutRequest) => worker.postMessage(request);
  const done = new Promise<Positions>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      if (reply.type === "progress") {
        options.onProgress?.(reply.done / reply.total);
        if (reply.positions) options.onPositions?.(reply.positions);
        return;
      }
      worker.terminate();
      resolve(reply.positions);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the layout worker failed"));
    };
  });
  post({
    type: "start",
    input: layoutInput(display, options.fromCurrent ?? false),
    live: !!options.onPositions,
  });
  return { done, stop: () => post({ type: "stop" }) };
}
