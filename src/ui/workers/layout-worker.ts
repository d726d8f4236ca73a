// Web worker: runs the deterministic layout (src/graph/layout.ts) off the main thread, for graphs
// whose positions were not computed at build time. Receives a serialized graph, posts positions.
import "../zod-csp.ts";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { computeLayout, type LayoutOptions } from "../../graph/layout.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../../graph/types.ts";

export interface LayoutRequest {
  graph: SerializedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>;
  options: LayoutOptions;
}

// The DOM lib types `self` as a Window; in a worker it is the worker scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const graph: LinkageGraph = MultiDirectedGraph.from(event.data.graph);
  scope.postMessage(computeLayout(graph, event.data.options));
};
