// Benchmark entry of the explorer: the same modules as src/ui/main.ts, plus the synthetic graph
// (?graph=synthetic&seed=1) and the hooks bench/explorer.bench.ts reads. Not part of the app build.
import layout from "virtual:graph-layout";
import { startExplorer } from "../../../src/ui/app.ts";
import { graphDataFiles } from "../../../src/ui/graph-data.ts";
import { loadSources } from "../../../src/ui/state/sources.ts";
import "../../../src/ui/styles.css";
import { benchParams, observeLongTasks, runCamera } from "../shared.ts";

const longestTaskAfter = observeLongTasks();
const params = benchParams();
const root = document.getElementById("app") as HTMLElement;

async function input() {
  if (params.graph === "data") return { sources: loadSources(graphDataFiles()), positions: layout.positions };
  // Generated in the page, as the bare page does, so both pay for the same graph.
  const { syntheticGraph } = await import("../../../src/graph/synthetic.ts");
  const graph = syntheticGraph({
    nodes: params.nodes,
    claims: params.claims,
    holders: params.holders,
    seed: params.seed,
  });
  return { sources: { ok: true as const, graph }, positions: {} };
}

const explorer = startExplorer(root, await input());
await explorer.ready;
const firstFrame = performance.now();
const renderer = explorer.renderer;
if (renderer) {
  const graph = renderer.getGraph();
  window.__bench = {
    firstFrame,
    nodes: graph.order,
    claims: graph.size,
    longestTaskAfter,
    runCamera: (durationMs) => runCamera(renderer.getCamera(), durationMs),
  };
}
