// Wiring of the explorer: builds the store, the one search index, the one set of derived caches
// (state/derived.ts), the display graph, the views and, where WebGL2 allows, the renderer and its
// controllers, and connects them. It renders nothing itself: each view and controller watches its
// own slice of the store. Used by main.ts for graph-data, and by the benchmark pages.

import type { Scene } from "../formats/svg-scene.ts";
import type { Problem } from "../graph/problems.ts";
import { createSearchIndex, type SearchIndex } from "../graph/search.ts";
import type { LinkageGraph } from "../graph/types.ts";
import { type CameraCommands, createCameraControl } from "./controllers/camera.ts";
import { gatherScene } from "./controllers/image-export.ts";
import { createItemStates } from "./controllers/item-states.ts";
import { bindKeyboard } from "./controllers/keyboard.ts";
import { createLayoutControl } from "./controllers/layout.ts";
import { bindPointer } from "./controllers/pointer.ts";
import {
  createRendererControl,
  type ExplorerRenderer,
  firstFrame,
  type RendererControl,
  webgl2Available,
} from "./controllers/renderer.ts";
import { bindUrl } from "./controllers/url-sync.ts";
import { createDerived, type Derived } from "./state/derived.ts";
import {
  createDisplayGraph,
  type DisplayGraph,
  displayPositions,
  type Positions,
  placeNodes,
} from "./state/display.ts";
import { INITIAL_STATE } from "./state/explorer-state.ts";
import type { Visibility } from "./state/filters.ts";
import { SIDES } from "./state/holders.ts";
import type { SourcesResult } from "./state/sources.ts";
import { createStore, type Store } from "./state/store.ts";
import { knownIds } from "./state/url.ts";
import { createDetailsPanel } from "./views/details-panel.ts";
import { el } from "./views/dom.ts";
import { createFilterPanel } from "./views/filter-panel.ts";
import { createTourPanel } from "./views/findings-tour-panel.ts";
import { createGraphControls, type GraphCommands } from "./views/graph-controls.ts";
import { createLegend } from "./views/legend.ts";
import { createListView } from "./views/list-view.ts";
import { createNotices } from "./views/notices.ts";
import { pageHeader, problemsPage, subtitle } from "./views/page.ts";
import { createPanelTabs } from "./views/panel-tabs.ts";
import { createPerspectivePanel } from "./views/perspective-panel.ts";
import { createPositionMatrixView } from "./views/position-matrix-view.ts";
import { createSearchBox } from "./views/search-box.ts";
import { createStage } from "./views/stage.ts";
import { createTracePanel } from "./views/trace-panel.ts";
import { createViewSwitch } from "./views/view-switch.ts";
import { layoutInWorker } from "./workers/layout-client.ts";

export interface ExplorerInput {
  sources: SourcesResult;
  /** Build-time positions by node id; nodes missing here are laid out in a web worker. */
  positions: Positions;
  /** Extra controls at the end of the header (import and export, the imported-graph banner). */
  headerTools?: readonly HTMLElement[];
}

export interface Explorer {
  store: Store;
  renderer: ExplorerRenderer | null;
  /** Resolves after the first frame is drawn (or the list view shown, without WebGL2). */
  ready: Promise<void>;
  /** The graph as loaded, or null when the data could not be loaded. Nothing here writes to it. */
  graph: LinkageGraph | null;
  /** Where each node is drawn now (the layout may have moved them), for exports. */
  positions(): Positions;
  /** What the current view shows (the filters today; a trace or lens may narrow it later). */
  visibility(): Visibility | null;
  /** The network as drawn now, for the SVG export; null when it is not drawn. */
  scene(title: string): Scene | null;
  /** Stops the renderer and every page-wide listener, so another explorer can take the page. */
  dispose(): void;
}

function markReady(): void {
  document.body.dataset.ready = "true";
}

function showProblems(root: HTMLElement, problems: readonly Problem[]): Explorer {
  root.replaceChildren(...problemsPage(problems));
  markReady();
  return {
    store: createStore(INITIAL_STATE),
    renderer: null,
    ready: Promise.resolve(),
    graph: null,
    positions: () => ({}),
    visibility: () => null,
    scene: () => null,
    dispose: () => undefined,
  };
}

/** Builds every view, each watching the store from now on, and puts them on the page. */
function mountPage(
  root: HTMLElement,
  store: Store,
  derived: Derived,
  parts: {
    index: SearchIndex;
    commands: GraphCommands;
    headerTools: readonly HTMLElement[];
    signal: AbortSignal;
  },
) {
  const { graph } = derived;
  const sideNames = SIDES.filter((side) => graph.hasNode(side)).map((side) =>
    graph.getNodeAttribute(side, "label"),
  );
  const search = createSearchBox(store, parts.index);
  const controls = createGraphControls(store, parts.commands);
  const tour = createTourPanel(store, derived, parts.signal);
  const stage = createStage(store, derived, [controls.element, tour.element]);
  const title = subtitle(graph);
  root.replaceChildren(
    pageHeader(
      el("p", { class: "brand-subtitle", text: title, attrs: { title } }),
      search.element,
      // Before the view switch, so Tab goes from the view switch straight into the view.
      ...parts.headerTools,
      createViewSwitch(store).element,
    ),
    // The main content comes first in reading and Tab order; the grid puts the sidebar on the left.
    el(
      "main",
      { class: "stage", id: "stage" },
      stage.element,
      createListView(store, derived).element,
      createPositionMatrixView(store, derived).element,
    ),
    el(
      "aside",
      { class: "sidebar", id: "sidebar", attrs: { "aria-label": "Questions, legend and filters" } },
      createTracePanel(store, derived, parts.index).element,
      createPerspectivePanel(store, derived).element,
      createLegend(store, derived, sideNames.length === 2 ? sideNames.join(" and ") : "sides").element,
      createFilterPanel(store, derived).element,
    ),
    createDetailsPanel(store, derived).element,
    createNotices(store).element,
    // Narrow screens only: the tabs of the bottom sheet the panels become.
    createPanelTabs(store).element,
  );
  return { stage, searchInput: search.input };
}

/** The renderer and the controllers that talk to it, once started. */
interface Network {
  /** Owns sigma; the controllers below hold its forwarding renderer. */
  control: RendererControl | null;
  renderer: ExplorerRenderer | null;
  camera: CameraCommands | null;
  layout: ReturnType<typeof createLayoutControl> | null;
}

/**
 * Starts sigma on the display graph and its controllers, each watching the store. They subscribe
 * after the views, so a panel that changes the stage's size has done so before the camera measures.
 */
function startNetwork(
  network: Network,
  store: Store,
  derived: Derived,
  display: DisplayGraph,
  standard: () => Positions,
  stage: ReturnType<typeof createStage>,
): ExplorerRenderer | null {
  let control: RendererControl;
  try {
    // First of the controllers to subscribe: a filter that switches the drawing does so before the
    // item states are written, so they are written once, on the new sigma.
    control = createRendererControl(display, stage.canvas, store, derived, stage.whileShown);
  } catch (error) {
    console.warn("The renderer could not start:", error);
    return null;
  }
  const { renderer } = control;
  network.control = control;
  network.renderer = renderer;
  // The camera takes its opening place first, so the labels are placed once, for that camera, in the
  // frame that follows: placed before it moved, they would need a second frame of their own.
  network.camera = createCameraControl(renderer, store, derived);
  createItemStates(control, store, derived, display);
  network.layout = createLayoutControl(display, store, standard, (options) =>
    layoutInWorker(display, options),
  );
  bindPointer(renderer, store);
  store.dispatch({ type: "setNetwork", network: { status: "drawn" } });
  return renderer;
}

export function startExplorer(root: HTMLElement, input: ExplorerInput): Explorer {
  if (!input.sources.ok) return showProblems(root, input.sources.problems);
  const graph = input.sources.graph;
  // Sigma draws a graph of its own: the domain graph stays as loaded, for exports and queries.
  const { display, unplaced } = createDisplayGraph(graph, input.positions);
  let standard = displayPositions(display);
  const store = createStore(INITIAL_STATE);
  const derived = createDerived(graph);
  const disposal = new AbortController();
  const network: Network = { control: null, renderer: null, camera: null, layout: null };
  const commands: GraphCommands & CameraCommands = {
    zoomIn: () => network.camera?.zoomIn(),
    zoomOut: () => network.camera?.zoomOut(),
    fit: () => network.camera?.fit(),
    pan: (dx: number, dy: number) => network.camera?.pan(dx, dy),
    startLayout: () => network.layout?.start(),
    stopLayout: () => network.layout?.stop(),
    resetLayout: () => network.layout?.reset(),
  };
  const { stage, searchInput } = mountPage(root, store, derived, {
    index: createSearchIndex(graph),
    commands,
    headerTools: input.headerTools ?? [],
    signal: disposal.signal,
  });
  bindKeyboard(store, searchInput, stage.canvas, commands, disposal.signal);
  bindUrl(store, knownIds(graph), disposal.signal).restoreFromLocation();

  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = () => {
      markReady();
      resolve();
    };
  });
  const unavailable = () => store.dispatch({ type: "setNetwork", network: { status: "unavailable" } });
  const start = () => {
    const renderer = startNetwork(network, store, derived, display, () => standard, stage);
    if (renderer) void firstFrame(renderer).then(resolveReady);
    return renderer !== null;
  };

  if (!webgl2Available()) {
    unavailable();
    if (store.getState().view === "graph") store.dispatch({ type: "setView", view: "list" });
    resolveReady();
  } else if (unplaced.length > 0) {
    // Positions missing from the build: lay out in a worker, never on the page's main thread.
    store.dispatch({ type: "setNetwork", network: { status: "laying-out" } });
    const run = layoutInWorker(display, {
      onProgress: (fraction) => stage.layoutProgress(fraction, () => run.stop()),
    });
    stage.layoutProgress(null, () => run.stop());
    disposal.signal.addEventListener("abort", () => run.stop());
    run.done
      .then((positions) => {
        if (disposal.signal.aborted) return;
        placeNodes(display, positions);
        standard = displayPositions(display);
        if (!start()) {
          unavailable();
          resolveReady();
        }
      })
      .catch((error: unknown) => {
        store.dispatch({ type: "setNetwork", network: { status: "layout-failed", message: String(error) } });
        resolveReady();
      });
  } else if (!start()) {
    unavailable();
    store.dispatch({ type: "setView", view: "list" });
    resolveReady();
  }

  return {
    store,
    get renderer() {
      return network.renderer;
    },
    ready,
    graph,
    positions: () => displayPositions(display),
    visibility: () => derived.visibility(store.getState()),
    scene: (title) =>
      network.renderer && network.control
        ? gatherScene(network.renderer, title, network.control.keptAlpha)
        : null,
    dispose() {
      disposal.abort();
      network.layout?.kill();
      network.control?.kill();
      network.control = null;
      network.renderer = null;
      derived.dispose();
    },
  };
}
