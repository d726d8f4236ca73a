// The baseline of the explorer benchmark: the same graph drawn by sigma and graphology alone, with
// sigma's default styles, no validation, no views, no state. Same positions, same sizes rule.

import layout from "virtual:graph-layout";
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { graphDataFiles } from "../../../src/ui/graph-data.ts";
import { benchParams, nextPaint, observeLongTasks, runCamera } from "../shared.ts";

const longestTaskAfter = observeLongTasks();
const params = benchParams();

interface RawSource {
  nodes: { id: string; label: string }[];
  claims: { id: string; source: string; target: string }[];
}

async function buildGraph(): Promise<MultiDirectedGraph> {
  if (params.graph === "synthetic") {
    const { syntheticGraph } = await import("../../../src/graph/synthetic.ts");
    return syntheticGraph({
      nodes: params.nodes,
      claims: params.claims,
      holders: params.holders,
      seed: params.seed,
    });
  }
  const graph = new MultiDirectedGraph();
  for (const text of Object.values(graphDataFiles())) {
    const source = JSON.parse(text) as RawSource;
    for (const node of source.nodes) {
      graph.mergeNode(node.id, { label: node.label, ...layout.positions[node.id] });
    }
    for (const claim of source.claims) graph.addDirectedEdgeWithKey(claim.id, claim.source, claim.target);
  }
  return graph;
}

const graph = await buildGraph();
graph.updateEachNodeAttributes((node, attributes) => ({
  ...attributes,
  size: Math.min(22, 4 + 2 * Math.sqrt(graph.degree(node))),
}));
const renderer = new Sigma(graph, document.getElementById("stage") as HTMLElement, {
  settings: { itemSizesReference: "screen" },
});
const drawn = new Promise<void>((resolve) => renderer.once("afterRender", () => resolve()));
renderer.scheduleRender();
await drawn;
const firstFrame = await nextPaint();
window.__bench = {
  firstFrame,
  nodes: graph.order,
  claims: graph.size,
  longestTaskAfter,
  runCamera: (durationMs) => runCamera(renderer.getCamera(), durationMs),
};
