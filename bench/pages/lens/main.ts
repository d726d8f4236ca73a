// Benchmark page of the lens (bench/perspectives-lens.bench.ts): the explorer on a seeded synthetic
// graph, with spies on sigma's full data pass (processData), its state-only pass (refreshState) and
// refresh(), and hooks that time a lens switch and a full renderer.refresh() in the same page.
// Not part of the app build.
import { syntheticGraph } from "../../../src/graph/synthetic.ts";
import { startExplorer } from "../../../src/ui/app.ts";
import type { Perspective } from "../../../src/ui/state/perspective.ts";
import "../../../src/ui/styles.css";

export interface Timing {
  /** From dispatch (or the refresh call) until dispatch returned: the synchronous main-thread work. */
  syncMs: number;
  /** From dispatch until the next frame sigma drew had been presented. */
  frameMs: number;
  /** sigma's full data passes and refresh() calls during it: 0 means states only. */
  processData: number;
  refresh: number;
  refreshState: number;
}

declare global {
  interface Window {
    __lens?: {
      nodes: number;
      claims: number;
      loadMs: number;
      switchPerspective(perspective: Perspective): Promise<Timing>;
      fullRefresh(): Promise<Timing>;
    };
  }
}

const params = new URLSearchParams(window.location.search);
const number = (name: string, fallback: number) => {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

const started = performance.now();
const graph = syntheticGraph({
  nodes: number("nodes", 20_000),
  claims: number("claims", 100_000),
  holders: number("holders", 20),
  seed: number("seed", 1),
});
// The synthetic graph is placed already; handing its positions over skips the layout worker.
const positions = Object.fromEntries(graph.mapNodes((id, a) => [id, { x: a.x ?? 0, y: a.y ?? 0 }] as const));
const explorer = startExplorer(document.getElementById("app") as HTMLElement, {
  sources: { ok: true, graph },
  positions,
});
await explorer.ready;
const loadMs = performance.now() - started;
const renderer = explorer.renderer;
if (!renderer) throw new Error("the renderer did not start");

const counts = { processData: 0, refresh: 0, refreshState: 0 };
// Spies on the instance: sigma calls these as this.method(), so the wrappers see every call.
const spied = renderer as unknown as Record<
  "processData" | "refresh" | "refreshState",
  (...args: unknown[]) => unknown
>;
for (const name of ["processData", "refresh", "refreshState"] as const) {
  const original = spied[name].bind(renderer);
  spied[name] = (...args: unknown[]) => {
    counts[name]++;
    return original(...args);
  };
}

const nextDrawnFrame = () =>
  new Promise<number>((resolve) => {
    renderer.once("afterRender", () => requestAnimationFrame(() => resolve(performance.now())));
  });

async function timed(run: () => void): Promise<Timing> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const before = { ...counts };
  const drawn = nextDrawnFrame();
  const start = performance.now();
  run();
  const syncMs = performance.now() - start;
  renderer?.scheduleRender();
  const end = await drawn;
  return {
    syncMs,
    frameMs: end - start,
    processData: counts.processData - before.processData,
    refresh: counts.refresh - before.refresh,
    refreshState: counts.refreshState - before.refreshState,
  };
}

window.__lens = {
  nodes: graph.order,
  claims: graph.size,
  loadMs,
  switchPerspective: (perspective) =>
    timed(() => explorer.store.dispatch({ type: "setPerspective", perspective })),
  fullRefresh: () => timed(() => renderer.refresh()),
};
