// Rerun, stop and reset of the layout, on the display graph only (the domain graph keeps no positions
// of ours). Rerunning runs the explorer's layout plan in the layout worker (workers/layout-plan.ts:
// ForceAtlas2 by the graph's size, then noverlap, so no two nodes end on top of each other), starting
// from where the nodes are, and moves them on screen as it goes; Stop ends it where it is, and Reset
// puts back the standard positions. The worker is started through `run`, which app.ts gives (a
// controller does not import the workers). Dispatches layoutRunning.
import { type DisplayGraph, type Positions, placeNodes } from "../state/display.ts";
import type { Store } from "../state/store.ts";

/** One layout run in the worker (workers/layout-client.ts's layoutInWorker, bound to the display graph). */
export type LayoutRunner = (options: { fromCurrent: boolean; onPositions(positions: Positions): void }) => {
  done: Promise<Positions>;
  stop(): void;
};

export function createLayoutControl(
  graph: DisplayGraph,
  store: Store,
  standard: () => Positions,
  run: LayoutRunner,
) {
  let current: ReturnType<LayoutRunner> | null = null;
  const running = (value: boolean) => store.dispatch({ type: "layoutRunning", running: value });

  const stop = () => {
    current?.stop();
  };

  return {
    start() {
      if (store.getState().layoutRunning) return;
      running(true);
      const layout = run({ fromCurrent: true, onPositions: (positions) => placeNodes(graph, positions) });
      current = layout;
      layout.done
        .then((positions) => {
          if (current === layout) placeNodes(graph, positions);
        })
        .catch((error: unknown) => {
          store.dispatch({ type: "notify", texts: [`The layout could not run: ${String(error)}`] });
        })
        .finally(() => {
          if (current !== layout) return;
          current = null;
          running(false);
        });
    },
    stop,
    reset() {
      // A run still under way would move the nodes again: forget it first.
      const layout = current;
      current = null;
      layout?.stop();
      if (layout) running(false);
      placeNodes(graph, standard());
    },
    kill() {
      const layout = current;
      current = null;
      layout?.stop();
    },
  };
}
