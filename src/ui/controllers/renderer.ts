// Creates the sigma renderer over the explorer graph, and says whether this browser can draw it.
// The only module that constructs Sigma; other controllers receive the renderer it returns.
import Sigma from "sigma";
import type { ExplorerGraph } from "../state/display.ts";
import { CLAIM_STATE, EXPLORER_SETTINGS, explorerPrimitives, explorerStyles, NODE_STATE } from "./styles.ts";

export function createRenderer(graph: ExplorerGraph, container: HTMLElement) {
  return new Sigma(graph, container, {
    customNodeState: NODE_STATE,
    customEdgeState: CLAIM_STATE,
    primitives: explorerPrimitives(),
    styles: explorerStyles(),
    settings: EXPLORER_SETTINGS,
  });
}

export type ExplorerRenderer = ReturnType<typeof createRenderer>;

/** sigma v4 draws with WebGL2 only; asking a throwaway canvas avoids a half-built renderer. */
export function webgl2Available(): boolean {
  try {
    return document.createElement("canvas").getContext("webgl2") !== null;
  } catch {
    return false;
  }
}
