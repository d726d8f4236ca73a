// Turns sigma's pointer events into actions: hovering a node focuses its neighbourhood, clicking a
// node or claim selects it, clicking the background clears the selection. Listens to the renderer;
// writes only actions to the store.
import type { Store } from "../state/store.ts";
import type { ExplorerRenderer } from "./renderer.ts";

export function bindPointer(renderer: ExplorerRenderer, store: Store): void {
  renderer.on("enterNode", ({ node }) => store.dispatch({ type: "hover", node }));
  renderer.on("leaveNode", () => store.dispatch({ type: "hover", node: null }));
  renderer.on("clickNode", ({ node }) =>
    store.dispatch({ type: "select", selection: { type: "node", id: node } }),
  );
  renderer.on("clickEdge", ({ edge }) =>
    store.dispatch({ type: "select", selection: { type: "claim", id: edge } }),
  );
  renderer.on("clickStage", () => {
    if (store.getState().selection) store.dispatch({ type: "select", selection: null });
  });
}
