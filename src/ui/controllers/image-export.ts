// Images of the current view: a PNG read from sigma's stage canvas (1× or 2× the pixels), and the
// scene that the SVG writer turns into vector elements, gathered from sigma's display data and the
// display graph. The only image code that talks to sigma; src/formats/svg-scene.ts stays pure.
// Called by explorer-host.ts on an export; reads the renderer, writes nothing to it but a resize.
import type { Scene, SceneClaim, SceneHead, SceneNode, SceneShape } from "../../formats/svg-scene.ts";
import { RELATION_STYLES } from "../../model/vocabulary.ts";
import type { ExplorerRenderer } from "./renderer.ts";
import { LABEL_FAMILY, LABEL_WEIGHT } from "./styles.ts";

const BACKGROUND = "#ffffff";

/**
 * The stage's WebGL buffer is cleared after each frame (preserveDrawingBuffer is false), so the
 * canvas is copied inside afterRender, in the task that drew it. For 2× the renderer briefly runs
 * at twice the device pixel ratio: the same view, drawn with twice the pixels each way.
 */
export async function snapshotPng(renderer: ExplorerRenderer, scale: 1 | 2): Promise<Blob> {
  const ownRatio = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  const baseRatio = window.devicePixelRatio || 1;
  if (scale !== 1) {
    Object.defineProperty(window, "devicePixelRatio", { value: baseRatio * scale, configurable: true });
    renderer.resize(true);
  }
  try {
    return await new Promise<Blob>((resolve, reject) => {
      renderer.once("afterRender", () => {
        const stage = renderer.getStageCanvas();
        const out = document.createElement("canvas");
        const { width, height } = renderer.getDimensions();
        out.width = Math.round(width * scale);
        out.height = Math.round(height * scale);
        const context = out.getContext("2d");
        if (!context) return reject(new Error("this browser gave no 2D canvas to copy the view into"));
        context.fillStyle = BACKGROUND;
        context.fillRect(0, 0, out.width, out.height);
        context.drawImage(stage, 0, 0, out.width, out.height);
        out.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be made"))),
          "image/png",
        );
      });
      renderer.scheduleRender();
    });
  } finally {
    if (scale !== 1) {
      if (ownRatio) Object.defineProperty(window, "devicePixelRatio", ownRatio);
      else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
      renderer.resize(true);
      renderer.scheduleRender();
    }
  }
}

const SHAPES: Record<string, SceneShape> = {
  circle: "circle",
  square: "square",
  triangle: "triangle",
  diamond: "diamond",
};
const HEADS: Record<string, SceneHead> = { arrow: "arrow", bar: "bar", circle: "circle", diamond: "diamond" };

/** Later depth layers draw on top; the SVG keeps that order. */
const DEPTH_ORDER: Record<string, number> = { edges: 0, topEdges: 1, nodes: 0, topNodes: 1 };
const byDepth = <T extends { depth: number }>(a: T, b: T) => a.depth - b.depth;

/**
 * What is on screen now, in viewport pixels: hidden items left out, dimmed ones at their opacity, and
 * faded ones (the plain drawing fades in its shaders: renderer.ts's keptAlpha) at what they keep.
 */
export function gatherScene(
  renderer: ExplorerRenderer,
  title?: string,
  kept: (kind: "nodes" | "claims", data: object) => number = () => 1,
): Scene {
  const graph = renderer.getGraph();
  const { width, height } = renderer.getDimensions();
  const shownNodeLabels = renderer.getNodeDisplayedLabels();
  const shownClaimLabels = renderer.getEdgeDisplayedLabels();
  const placed = new Map<string, SceneNode>();
  const nodes: (SceneNode & { depth: number })[] = [];
  graph.forEachNode((node) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.visibility === "hidden" || renderer.getNodeState(node).isHidden) return;
    const at = renderer.framedGraphToViewport({ x: data.x, y: data.y });
    const sceneNode: SceneNode = {
      id: node,
      x: at.x,
      y: at.y,
      size: renderer.scaleSize(data.size),
      shape: SHAPES[data.shape ?? "circle"] ?? "circle",
      color: data.color,
      opacity: data.opacity * kept("nodes", data),
      label: data.label && data.labelVisibility !== "hidden" && shownNodeLabels.has(node) ? data.label : null,
      labelColor: data.labelColor,
      labelSize: data.labelSize ?? 13,
    };
    placed.set(node, sceneNode);
    nodes.push({ ...sceneNode, depth: DEPTH_ORDER[data.depth] ?? 0 });
  });
  const claims: (SceneClaim & { depth: number })[] = [];
  graph.forEachEdge((claim, attributes, source, target) => {
    const data = renderer.getEdgeDisplayData(claim);
    const state = renderer.getEdgeState(claim);
    const from = placed.get(source);
    const to = placed.get(target);
    if (!data || data.visibility === "hidden" || state.isHidden || !from || !to) return;
    // sigma fans parallel claims out around the straight middle; this mirrors the spread.
    const count = state.parallelCount ?? 1;
    const offset = count > 1 ? (state.parallelIndex ?? 0) - (count - 1) / 2 : 0;
    const spread = data.parallelSpread ?? 0.25;
    claims.push({
      id: claim,
      source: { x: from.x, y: from.y },
      target: { x: to.x, y: to.y },
      targetSize: to.size,
      curvature: offset === 0 ? 0 : (offset * spread) / Math.max(1, count - 1),
      color: data.color,
      width: renderer.scaleSize(data.size),
      dash: RELATION_STYLES[attributes.relation]?.dash ?? 0,
      head: HEADS[data.head ?? ""] ?? "none",
      opacity: data.opacity * kept("claims", data),
      label:
        data.label && shownClaimLabels.has(claim) && data.labelVisibility === "visible" ? data.label : null,
      depth: DEPTH_ORDER[data.depth] ?? 0,
    });
  });
  const strip = <T extends { depth: number }>({ depth: _depth, ...rest }: T) => rest;
  return {
    width,
    height,
    background: BACKGROUND,
    fontFamily: LABEL_FAMILY,
    fontWeight: LABEL_WEIGHT,
    ...(title ? { title } : {}),
    claims: claims.sort(byDepth).map(strip),
    nodes: nodes.sort(byDepth).map(strip),
  };
}
