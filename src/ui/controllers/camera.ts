// The camera: zoom, pan by keyboard, fit to what the filters show, move to a selection, restore a
// camera from a link, and report where it settled so the URL can keep it. Talks to sigma only.
import type { LinkageGraph } from "../../graph/types.ts";
import { fitCamera } from "../state/camera-fit.ts";
import type { CameraView, ExplorerState, Selection } from "../state/explorer-state.ts";
import type { Store } from "../state/store.ts";
import type { ExplorerRenderer } from "./renderer.ts";
import { LABEL_FAMILY, LABEL_SIZE, LABEL_WEIGHT } from "./styles.ts";

const DURATION = 400;
/** Share of the viewport one arrow key press moves the view. */
const PAN_STEP = 0.15;
/** Settled means no camera event for this long; only then is the URL rewritten. */
const SETTLE_MS = 300;

function same(a: CameraView | null, b: CameraView): boolean {
  return (
    a !== null &&
    Math.abs(a.x - b.x) < 1e-4 &&
    Math.abs(a.y - b.y) < 1e-4 &&
    Math.abs(a.ratio - b.ratio) < 1e-4
  );
}

const LABEL_FIT_LIMIT = 3000;

/** Label widths in pixels, measured with the font the renderer draws labels in. */
function labelMeter(): (text: string) => number {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return (text) => text.length * 7.5;
  context.font = `${LABEL_WEIGHT} ${LABEL_SIZE}px ${LABEL_FAMILY}`;
  return (text) => context.measureText(text).width * 1.05;
}

export function createCameraControl(
  renderer: ExplorerRenderer,
  graph: LinkageGraph,
  store: Store,
  visibleNodes: (state: ExplorerState) => ReadonlySet<string>,
) {
  const camera = renderer.getCamera();
  const animate = (target: Partial<CameraView>, duration = DURATION) => {
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    return camera.animate(target, { duration: reduced ? 0 : duration });
  };

  const measure = labelMeter();
  const fitTarget = (nodes: readonly string[], centreOn?: string) => {
    // Past a few thousand nodes labels are thinned out anyway; measuring them all would only cost time.
    const withLabels = nodes.length <= LABEL_FIT_LIMIT;
    const items = nodes.flatMap((node) => {
      const display = renderer.getNodeDisplayData(node);
      if (!display || display.size === undefined) return [];
      const label = withLabels ? graph.getNodeAttribute(node, "label") : "";
      return [{ x: display.x, y: display.y, radius: display.size, labelWidth: label ? measure(label) : 0 }];
    });
    if (items.length === 0) return null;
    const atOne = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const origin = renderer.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: atOne });
    const unit = renderer.framedGraphToViewport({ x: 1, y: 1 }, { cameraState: atOne });
    const { width, height } = renderer.getDimensions();
    const centre = centreOn ? renderer.getNodeDisplayData(centreOn) : undefined;
    return fitCamera(
      items,
      {
        width,
        height,
        padding: 24,
        scaleX: unit.x - origin.x,
        scaleY: unit.y - origin.y,
        // Not so close that a node with one neighbour fills the screen.
        minRatio: 0.3,
        maxRatio: 4,
      },
      centre ? { x: centre.x, y: centre.y } : undefined,
    );
  };

  /** Frames a set of nodes with their labels (see state/camera-fit.ts). */
  const fitVisible = (visible: ReadonlySet<string>, duration = DURATION) => {
    const target = visible.size > 0 ? fitTarget([...visible]) : null;
    return target ? animate(target, duration) : camera.reset({ duration });
  };

  /** A node in the middle with its neighbours around it; a claim with both its ends. */
  const focus = (selection: Selection, duration = DURATION) => {
    const visible = visibleNodes(store.getState());
    if (selection.type === "claim") {
      const target = graph.hasEdge(selection.id) ? fitTarget(graph.extremities(selection.id)) : null;
      return target ? animate(target, duration) : Promise.resolve();
    }
    if (!graph.hasNode(selection.id)) return Promise.resolve();
    const around = [selection.id, ...graph.neighbors(selection.id).filter((node) => visible.has(node))];
    const centred = fitTarget(around, selection.id);
    const framed = fitTarget(around);
    if (!centred || !framed) return Promise.resolve();
    // Keep the node in the middle unless that means zooming far out (a node at the graph's edge).
    return animate(centred.ratio <= framed.ratio * 1.6 ? centred : framed, duration);
  };

  const pan = (dx: number, dy: number) => {
    const { width, height } = renderer.getDimensions();
    const from = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
    const to = renderer.viewportToFramedGraph({
      x: width / 2 + dx * width * PAN_STEP,
      y: height / 2 + dy * height * PAN_STEP,
    });
    return animate({ x: camera.x + to.x - from.x, y: camera.y + to.y - from.y }, 200);
  };

  let settle: ReturnType<typeof setTimeout> | undefined;
  camera.on("updated", () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (camera.isAnimating()) return;
      const view = { x: camera.x, y: camera.y, ratio: camera.ratio };
      if (!same(store.getState().camera, view)) store.dispatch({ type: "cameraMoved", camera: view });
    }, SETTLE_MS);
  });

  return {
    zoomIn: () => camera.zoomIn({ duration: 250 }),
    zoomOut: () => camera.zoomOut({ duration: 250 }),
    fitVisible,
    focus,
    pan,
    /** Puts the camera where a link or history entry says, or frames the selection, or the graph. */
    restore(state: ExplorerState) {
      if (state.camera) {
        camera.setState({ ...state.camera, angle: 0 });
        return Promise.resolve();
      }
      if (state.selection) return focus(state.selection, 0);
      return fitVisible(visibleNodes(state), 0);
    },
  };
}

export type CameraControl = ReturnType<typeof createCameraControl>;
