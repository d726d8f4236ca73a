// The camera controller: owns sigma's camera. It carries out the moves camera-rules.ts asks for after
// each action, zooms and pans on command, fits what the filters show, and reports where the camera
// settled so the URL can keep it. Reads the store and state/derived.ts; writes only to sigma's camera.
import type { LinkageGraph } from "../../graph/types.ts";
import { fitCamera } from "../state/camera-fit.ts";
import type { Derived } from "../state/derived.ts";
import type { CameraView, ExplorerState, Selection } from "../state/explorer-state.ts";
import type { Store } from "../state/store.ts";
import { type CameraMove, cameraMoves, openingMoves } from "./camera-rules.ts";
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

/** The camera that frames a set of nodes with their labels (see state/camera-fit.ts), or null for none. */
function framer(renderer: ExplorerRenderer, graph: LinkageGraph) {
  const measure = labelMeter();
  return (nodes: readonly string[], centreOn?: string) => {
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
}

/** Where the camera goes when an arrow key pans the view by PAN_STEP of the viewport. */
function panTarget(renderer: ExplorerRenderer, dx: number, dy: number): Partial<CameraView> {
  const camera = renderer.getCamera();
  const { width, height } = renderer.getDimensions();
  const from = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
  const to = renderer.viewportToFramedGraph({
    x: width / 2 + dx * width * PAN_STEP,
    y: height / 2 + dy * height * PAN_STEP,
  });
  return { x: camera.x + to.x - from.x, y: camera.y + to.y - from.y };
}

/** Dispatches where the camera settled, once it has stopped moving for SETTLE_MS. */
function reportSettled(renderer: ExplorerRenderer, store: Store): void {
  const camera = renderer.getCamera();
  let settle: ReturnType<typeof setTimeout> | undefined;
  camera.on("updated", () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (camera.isAnimating()) return;
      const view = { x: camera.x, y: camera.y, ratio: camera.ratio };
      if (!same(store.getState().camera, view)) store.dispatch({ type: "cameraMoved", camera: view });
    }, SETTLE_MS);
  });
}

/** Moves the camera by keys and buttons; the network's zoom controls and the page's keys call these. */
export interface CameraCommands {
  zoomIn(): void;
  zoomOut(): void;
  /** Frames everything the filters show. */
  fit(): void;
  pan(dx: number, dy: number): void;
}

/**
 * Starts the camera where the state says (a link's camera, its selection, a tour step, or the whole
 * graph) and follows the store from then on. Subscribe it after the views: a tour panel that has just
 * opened must already have taken its room when the camera measures the stage.
 */
export function createCameraControl(
  renderer: ExplorerRenderer,
  store: Store,
  derived: Derived,
): CameraCommands {
  const { graph } = derived;
  const visibleNodes = (state: ExplorerState) => derived.visibility(state).nodes;
  const camera = renderer.getCamera();
  const fitTarget = framer(renderer, graph);
  const animate = (target: Partial<CameraView>, duration = DURATION) => {
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    return camera.animate(target, { duration: reduced ? 0 : duration });
  };

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

  /** Puts the camera where a link or history entry says, or frames the selection, or the graph. */
  const restore = (state: ExplorerState) => {
    if (state.camera) camera.setState({ ...state.camera, angle: 0 });
    else if (state.selection) void focus(state.selection, 0);
    else void fitVisible(visibleNodes(state), 0);
  };

  const run = (moves: readonly CameraMove[], state: ExplorerState) => {
    for (const move of moves) {
      if (move.type === "restore") restore(state);
      else if (move.type === "focus") void focus(move.selection);
      else {
        // A panel that just opened above the network changed its size: measure the stage again first.
        if (move.remeasure) renderer.resize();
        void fitVisible(move.nodes, move.instant ? 0 : DURATION);
      }
    }
  };

  // Before the opening moves, so where they leave the camera reaches the URL too.
  reportSettled(renderer, store);
  run(openingMoves(store.getState(), derived), store.getState());
  store.subscribe((state, previous, action) => run(cameraMoves(action, state, previous, derived), state));

  return {
    zoomIn: () => void camera.zoomIn({ duration: 250 }),
    zoomOut: () => void camera.zoomOut({ duration: 250 }),
    fit: () => void fitVisible(visibleNodes(store.getState())),
    pan: (dx, dy) => void animate(panTarget(renderer, dx, dy), 200),
  };
}
