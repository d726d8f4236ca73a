// Rerun, stop and reset of the layout, on the display graph only (the domain graph keeps no
// positions of ours). Rerunning uses graphology's ForceAtlas2 worker supervisor, loaded on first use so
// the initial page stays small; reset puts back the standard positions. Dispatches layoutRunning.
import type FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import { type DisplayGraph, type Positions, placeNodes } from "../state/display.ts";
import type { Store } from "../state/store.ts";

export function createLayoutControl(graph: DisplayGraph, store: Store, standard: () => Positions) {
  let supervisor: FA2LayoutSupervisor | null = null;
  const running = (value: boolean) => store.dispatch({ type: "layoutRunning", running: value });

  const stop = () => {
    supervisor?.stop();
    running(false);
  };

  return {
    async start() {
      if (store.getState().layoutRunning) return;
      running(true);
      try {
        if (!supervisor) {
          const [{ default: Supervisor }, { inferSettings }] = await Promise.all([
            import("graphology-layout-forceatlas2/worker"),
            import("graphology-layout-forceatlas2"),
          ]);
          supervisor = new Supervisor(graph, { settings: inferSettings(graph), getEdgeWeight: null });
        }
        // A stop pressed while the worker code loaded wins.
        if (store.getState().layoutRunning) supervisor.start();
      } catch (error) {
        running(false);
        store.dispatch({ type: "notify", texts: [`The layout could not start: ${String(error)}`] });
      }
    },
    stop,
    reset() {
      stop();
      placeNodes(graph, standard());
    },
    kill() {
      supervisor?.kill();
      supervisor = null;
    },
  };
}
