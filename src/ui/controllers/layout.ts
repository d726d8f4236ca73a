// Rerun, stop and reset of the layout. Rerunning uses graphology's ForceAtlas2 worker supervisor,
// loaded on first use so the initial page stays small; reset puts back the build-time positions.
import type FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import type { ExplorerGraph, Positions } from "../state/display.ts";
import type { Store } from "../state/store.ts";

export function createLayoutControl(graph: ExplorerGraph, store: Store, standard: () => Positions) {
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
      const positions = standard();
      graph.updateEachNodeAttributes((node, attributes) => {
        const position = positions[node];
        return position ? { ...attributes, x: position.x, y: position.y } : attributes;
      });
    },
    kill() {
      supervisor?.kill();
      supervisor = null;
    },
  };
}
