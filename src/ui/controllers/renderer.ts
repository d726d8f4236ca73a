// Creates the sigma renderer over the explorer graph, and says whether this browser can draw it.
// The only module that constructs Sigma; other controllers receive the renderer it returns.
import Sigma from "sigma";
import type { ExplorerGraph } from "../state/display.ts";
import { CLAIM_STATE, EXPLORER_SETTINGS, explorerPrimitives, explorerStyles, NODE_STATE } from "./styles.ts";

/**
 * Past this many claims, claims are not picked under the pointer: picking draws every edge a second
 * time each frame, which doubles the cost of panning a big graph, and a thin line among thousands
 * is no target anyway. Claims stay selectable from the details panel and the list view.
 */
export const CLAIM_PICKING_LIMIT = 5000;

export function createRenderer(graph: ExplorerGraph, container: HTMLElement) {
  return new Sigma(graph, container, {
    customNodeState: NODE_STATE,
    customEdgeState: CLAIM_STATE,
    primitives: explorerPrimitives(),
    styles: explorerStyles(),
    settings: {
      ...EXPLORER_SETTINGS,
      enableEdgeEvents: graph.size <= CLAIM_PICKING_LIMIT,
      // The list and matrix views hide the network; a state change there must not throw in a frame.
      allowInvalidContainer: true,
    },
  });
}

export type ExplorerRenderer = ReturnType<typeof createRenderer>;

/** sigma v4 draws with WebGL2 only; asking a throwaway canvas avoids a half-built renderer. */
export function webgl2Available(): boolean {
  try {
    const context = document.createElement("canvas").getContext("webgl2");
    // Give the probe's context back at once: browsers cap how many a page may hold.
    context?.getExtension("WEBGL_lose_context")?.loseContext();
    return context !== null;
  } catch {
    return false;
  }
}
