// Creates the sigma renderer over the display graph, says whether this browser can draw it, and
// when it has drawn. The only module that constructs Sigma; other controllers receive the renderer.
// Calls sigma and styles.ts only.
import Sigma from "sigma";
import type { DisplayGraph } from "../state/display.ts";
import { CLAIM_STATE, EXPLORER_SETTINGS, explorerPrimitives, explorerStyles, NODE_STATE } from "./styles.ts";

/**
 * Past this many claims, claims are not picked under the pointer: picking draws every edge a second
 * time each frame, which doubles the cost of panning a big graph, and a thin line among thousands
 * is no target anyway. Claims stay selectable from the details panel and the list view.
 */
export const CLAIM_PICKING_LIMIT = 5000;

/**
 * The property of the stage element that holds its renderer, so the browser tests (and anyone in the
 * console) can read what sigma drew: label boxes, node positions. Nothing in the app reads it.
 */
export const RENDERER_PROPERTY = "linkageRenderer";

export function createRenderer(graph: DisplayGraph, container: HTMLElement) {
  const renderer = newRenderer(graph, container);
  Object.defineProperty(container, RENDERER_PROPERTY, { value: renderer, configurable: true });
  followSize(renderer, container);
  return renderer;
}

/**
 * sigma measures its container on window resizes only; a panel that opens beside or under the network
 * (the phone's bottom sheet, the tour) changes its size without one. Watch the container itself.
 */
function followSize(renderer: ReturnType<typeof newRenderer>, container: HTMLElement): void {
  if (typeof ResizeObserver === "undefined") return;
  const observer = new ResizeObserver(() => {
    if (container.offsetWidth === 0 || container.offsetHeight === 0) return;
    renderer.resize();
    renderer.scheduleRender();
  });
  observer.observe(container);
  renderer.once("kill", () => observer.disconnect());
}

function newRenderer(graph: DisplayGraph, container: HTMLElement) {
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

export type ExplorerRenderer = ReturnType<typeof newRenderer>;

/** Resolves once a frame has been drawn and presented. */
export function firstFrame(renderer: ExplorerRenderer): Promise<void> {
  return new Promise((resolve) => {
    // The constructor may already have drawn; asking for one more render makes the event certain.
    renderer.once("afterRender", () => requestAnimationFrame(() => resolve()));
    renderer.scheduleRender();
  });
}

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
