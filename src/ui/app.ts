// Wiring of the explorer: builds the page, the store, the renderer and its controllers, and
// connects them. Every later change flows one way: user intent -> action -> state -> views and
// sigma states. Used by main.ts for graph-data, and by the benchmark page for synthetic graphs.
import { formatProblem, type Problem } from "../graph/problems.ts";
import { createSearchIndex } from "../graph/search.ts";
import type { LinkageGraph } from "../graph/types.ts";
import { createCameraControl } from "./controllers/camera.ts";
import { createItemStates } from "./controllers/item-states.ts";
import { createLayoutControl } from "./controllers/layout.ts";
import { bindPointer } from "./controllers/pointer.ts";
import { createRenderer, type ExplorerRenderer, webgl2Available } from "./controllers/renderer.ts";
import { bindUrl } from "./controllers/url-sync.ts";
import { type Positions, prepareForDisplay } from "./state/display.ts";
import { type Action, type ExplorerState, INITIAL_STATE } from "./state/explorer-state.ts";
import { countVisible, type Visibility, type VisibleCounts, visibilityCache } from "./state/filters.ts";
import { SIDES } from "./state/holders.ts";
import type { SourcesResult } from "./state/sources.ts";
import { createStore, type Store } from "./state/store.ts";
import { traceAnswers, traceEmphasis } from "./state/trace.ts";
import { knownIds } from "./state/url.ts";
import { createDetailsPanel } from "./views/details-panel.ts";
import { el } from "./views/dom.ts";
import { createFilterPanel } from "./views/filter-panel.ts";
import { createTourPanel, framesTour } from "./views/findings-tour-panel.ts";
import { createGraphControls, type GraphCommands } from "./views/graph-controls.ts";
import { createLegend } from "./views/legend.ts";
import { createListView } from "./views/list-view.ts";
import { createNotices } from "./views/notices.ts";
import { createPerspectivePanel } from "./views/perspective-panel.ts";
import { createPositionMatrixView } from "./views/position-matrix-view.ts";
import { createSearchBox } from "./views/search-box.ts";
import { createTracePanel } from "./views/trace-panel.ts";
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
  /** The graph shown, or null when the data could not be loaded. */
  graph: LinkageGraph | null;
  /** What the current view shows (the filters today; a trace or lens may narrow it later). */
  visibility(): Visibility | null;
  /** Stops the renderer and every page-wide listener, so another explorer can take the page. */
  dispose(): void;
}

function subtitle(graph: LinkageGraph): string {
  const sources = graph.getAttribute("sources");
  const [only] = sources;
  if (sources.length === 1 && only)
    return only.date ? `${only.title} (${only.date.slice(0, 4)})` : only.title;
  return `${sources.length} sources`;
}

function header(...children: HTMLElement[]) {
  return el(
    "header",
    { class: "app-header" },
    el(
      "div",
      { class: "brand" },
      el("h1", { class: "brand-name", text: "Linkage Atlas" }),
      ...children.slice(0, 1),
    ),
    ...children.slice(1),
  );
}

function markReady(): void {
  document.body.dataset.ready = "true";
}

function showProblems(root: HTMLElement, problems: readonly Problem[]): Explorer {
  root.replaceChildren(
    header(el("p", { class: "brand-subtitle", text: "The graph data could not be loaded" })),
    el(
      "main",
      { class: "problems" },
      el("h2", {
        text: `The graph data has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}`,
      }),
      el("p", {
        text: "Fix these in graph-data, then reload. `npx linkage validate` lists the same problems.",
      }),
      el(
        "ul",
        {},
        ...problems.map((problem) => el("li", { class: "problem-item", text: formatProblem(problem) })),
      ),
    ),
  );
  markReady();
  return {
    store: createStore(INITIAL_STATE),
    renderer: null,
    ready: Promise.resolve(),
    graph: null,
    visibility: () => null,
    dispose: () => undefined,
  };
}

export function startExplorer(root: HTMLElement, input: ExplorerInput): Explorer {
  if (!input.sources.ok) return showProblems(root, input.sources.problems);
  const graph = input.sources.graph;
  const { display, unplaced } = prepareForDisplay(graph, input.positions);
  const standardPositions = (): Positions => {
    const positions: Record<string, { x: number; y: number }> = {};
    graph.forEachNode((node, attributes) => {
      positions[node] = { x: attributes.x ?? 0, y: attributes.y ?? 0 };
    });
    return positions;
  };
  let standard = standardPositions();

  const store = createStore(INITIAL_STATE);
  const disposal = new AbortController();
  const visibilityFor = visibilityCache(graph);
  const visibilityOf = (state: ExplorerState) => visibilityFor(state.filters);
  let counted: { visibility: Visibility; counts: VisibleCounts } | null = null;
  const countsOf = (visibility: Visibility) => {
    if (counted?.visibility !== visibility) counted = { visibility, counts: countVisible(graph, visibility) };
    return counted.counts;
  };

  // Views.
  const sideNames = SIDES.filter((side) => graph.hasNode(side)).map((side) =>
    graph.getNodeAttribute(side, "label"),
  );
  const legend = createLegend(store, sideNames.length === 2 ? sideNames.join(" and ") : "sides");
  const filters = createFilterPanel(store, graph);
  const details = createDetailsPanel(store, graph);
  const list = createListView(store, graph);
  const notices = createNotices(store);
  const search = createSearchBox(store, createSearchIndex(graph));
  // The trace is answered once per question; hovering its results only picks a precomputed set.
  const answerOf = traceAnswers(graph);
  const tracePanel = createTracePanel(store, graph, { index: createSearchIndex(graph), answerOf });
  const traceLayer = (state: ExplorerState) => traceEmphasis(answerOf(state.trace.query), state.trace.focus);
  const perspectivePanel = createPerspectivePanel(store, graph);
  const tour = createTourPanel(store, graph);
  const matrix = createPositionMatrixView(store, graph);

  const viewButton = (view: ExplorerState["view"], text: string) =>
    el("button", {
      class: "switch-button",
      text,
      attrs: { type: "button", "aria-pressed": "false", "data-view": view },
      on: { click: () => store.dispatch({ type: "setView", view }) },
    });
  const graphButton = viewButton("graph", "Network");
  const listButton = viewButton("list", "List");
  const matrixButton = viewButton("matrix", "Matrix");

  const canvas = el("div", {
    class: "graph-canvas",
    id: "graph-canvas",
    attrs: {
      role: "region",
      tabindex: "0",
      "aria-label":
        "Network of nodes and claims. Arrow keys pan, plus and minus zoom, 0 fits. The list view shows the same content as tables.",
    },
  });
  const emptyMessage = el(
    "div",
    { class: "stage-message", attrs: { hidden: true, role: "status" } },
    el("p", { text: "No nodes or claims match these filters." }),
    el("button", {
      class: "button",
      text: "Show everything",
      attrs: { type: "button" },
      on: { click: () => store.dispatch({ type: "resetFilters" }) },
    }),
  );
  const unavailable = el(
    "div",
    {
      class: "stage-message stage-message-strong",
      id: "graph-unavailable",
      attrs: { hidden: true, role: "alert" },
    },
    el("h2", { text: "This browser cannot draw the network" }),
    el("p", {
      text: "Drawing the network needs WebGL2, which is turned off or not supported here. Every node and claim is still in the list view, with the same filters, search and details.",
    }),
    el("button", {
      class: "button",
      text: "Open the list view",
      attrs: { type: "button" },
      on: { click: () => store.dispatch({ type: "setView", view: "list" }) },
    }),
  );

  let renderer: ExplorerRenderer | null = null;
  let camera: ReturnType<typeof createCameraControl> | null = null;
  let layout: ReturnType<typeof createLayoutControl> | null = null;
  const commands: CameraCommands & GraphCommands = {
    zoomIn: () => void camera?.zoomIn(),
    zoomOut: () => void camera?.zoomOut(),
    fit: () => void camera?.fitVisible(visibilityOf(store.getState()).nodes),
    pan: (dx, dy) => void camera?.pan(dx, dy),
    startLayout: () => void layout?.start(),
    stopLayout: () => layout?.stop(),
    resetLayout: () => layout?.reset(),
  };
  const controls = createGraphControls(commands);

  const graphView = el(
    "div",
    { class: "graph-view" },
    canvas,
    controls.element,
    tour.element,
    emptyMessage,
    unavailable,
  );
  root.replaceChildren(
    header(
      el("p", { class: "brand-subtitle", text: subtitle(graph), attrs: { title: subtitle(graph) } }),
      search.element,
      // Before the view switch, so Tab goes from the view switch straight into the view.
      ...(input.headerTools ?? []),
      el(
        "div",
        { class: "view-switch", attrs: { role: "group", "aria-label": "View" } },
        graphButton,
        // Before List, which stays the last stop before the tables in Tab order.
        matrixButton,
        listButton,
      ),
    ),
    // The main content comes first in reading and Tab order; the grid puts the sidebar on the left.
    el("main", { class: "stage", id: "stage" }, graphView, list.element, matrix.element),
    el(
      "aside",
      { class: "sidebar", attrs: { "aria-label": "Legend and filters" } },
      tracePanel.element,
      perspectivePanel.element,
      legend.element,
      filters.element,
    ),
    details.element,
    notices.element,
  );

  // Renderer and controllers; without WebGL2 the rest of the page still works.
  let itemStates: ReturnType<typeof createItemStates> | null = null;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = () => {
      markReady();
      resolve();
    };
  });

  const startRenderer = () => {
    // sigma needs a sized container: a link that opens on the list or matrix still starts the network.
    const graphHidden = graphView.hidden;
    graphView.hidden = false;
    try {
      renderer = createRenderer(display, canvas);
    } catch (error) {
      console.warn("The renderer could not start:", error);
      return false;
    } finally {
      graphView.hidden = graphHidden;
    }
    const started = renderer;
    itemStates = createItemStates(started, graph, visibilityOf, [traceLayer]);
    camera = createCameraControl(started, graph, store, (state) => visibilityOf(state).nodes);
    layout = createLayoutControl(display, store, () => standard);
    bindPointer(started, store);
    // The constructor may already have drawn; asking for one more render makes the event certain.
    started.once("afterRender", () => requestAnimationFrame(() => resolveReady()));
    started.scheduleRender();
    render(store.getState(), null);
    void camera.restore(store.getState());
    // A tour link without a camera of its own opens framed on its step.
    const opening = store.getState();
    const firstStep = opening.perspectives.tour && !opening.camera ? tour.currentStep() : null;
    if (firstStep?.nodes.length) {
      started.resize();
      void camera.fitVisible(new Set(firstStep.nodes), 0);
    }
    return true;
  };

  let networkHiddenBefore = false;
  const render = (state: ExplorerState, action: Action | null) => {
    const visibility = visibilityOf(state);
    const counts = countsOf(visibility);
    legend.update(state, counts);
    filters.update(state, counts);
    details.update(state, visibility);
    tracePanel.update(state, visibility);
    list.update(state, visibility);
    perspectivePanel.update(state, visibility);
    tour.update(state, visibility);
    matrix.update(state, visibility);
    notices.update(state.notices);
    controls.update(state);
    graphButton.setAttribute("aria-pressed", String(state.view === "graph"));
    listButton.setAttribute("aria-pressed", String(state.view === "list"));
    matrixButton.setAttribute("aria-pressed", String(state.view === "matrix"));
    graphView.hidden = state.view !== "graph";
    emptyMessage.hidden = counts.nodes > 0 || renderer === null;
    controls.element.hidden = renderer === null;
    itemStates?.apply(state);
    // States set while the network was hidden are drawn once it shows again, at its real size.
    if (state.view === "graph" && networkHiddenBefore) renderer?.scheduleRender();
    networkHiddenBefore = state.view !== "graph";
    if (!camera || !action) return;
    if (action.type === "restore") void camera.restore(state);
    else if (action.type === "setTrace" || action.type === "editTrace") {
      const answer = answerOf(state.trace.query);
      if (answer) void camera.fitVisible(answer.all.nodes);
    } else if (action.type === "select" && action.focus && state.selection) {
      void camera.focus(state.selection);
    }
    // After the restore above, so a tour link's step wins over its plain framing.
    const step = framesTour(action, state) ? tour.currentStep() : null;
    if (step?.nodes.length) {
      // The tour panel just took room above the network: measure the stage again before framing.
      renderer?.resize();
      void camera.fitVisible(new Set(step.nodes));
    }
  };
  store.subscribe((state, _previous, action) => render(state, action));

  bindKeyboard(store, search.input, canvas, commands, disposal.signal);
  tour.bindKeys(disposal.signal);
  const url = bindUrl(store, knownIds(graph), disposal.signal);
  url.restoreFromLocation();

  const canDraw = webgl2Available();
  if (!canDraw) {
    unavailable.hidden = false;
    if (store.getState().view === "graph") store.dispatch({ type: "setView", view: "list" });
  }
  render(store.getState(), null);

  if (canDraw && unplaced.length > 0) {
    // Positions missing from the build: lay out in a worker, never on the page's main thread.
    const status = el("p", {
      class: "stage-message",
      text: "Laying out the network…",
      attrs: { role: "status" },
    });
    graphView.append(status);
    layoutInWorker(graph)
      .then((positions) => {
        if (disposal.signal.aborted) return;
        graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, ...positions[node] }));
        standard = standardPositions();
        status.remove();
        if (!startRenderer()) unavailable.hidden = false;
      })
      .catch((error: unknown) => {
        status.textContent = `The layout failed: ${String(error)}`;
        resolveReady();
      });
  } else if (canDraw) {
    if (!startRenderer()) {
      unavailable.hidden = false;
      store.dispatch({ type: "setView", view: "list" });
      resolveReady();
    }
  } else {
    resolveReady();
  }

  return {
    store,
    get renderer() {
      return renderer;
    },
    ready,
    graph,
    visibility: () => visibilityOf(store.getState()),
    dispose() {
      disposal.abort();
      layout?.kill();
      renderer?.kill();
      renderer = null;
    },
  };
}

const ZOOM_KEYS: Record<string, "in" | "out"> = { "+": "in", "=": "in", "-": "out", _: "out", "−": "out" };
const PAN_KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  );
}

interface CameraCommands {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  pan(dx: number, dy: number): void;
}

/** Page-wide keys: / searches, Escape clears; over the network, + − arrows and 0 move the camera. */
function bindKeyboard(
  store: Store,
  searchInput: HTMLInputElement,
  canvas: HTMLElement,
  camera: CameraCommands,
  signal?: AbortSignal,
): void {
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "Escape") {
        if (store.getState().selection) store.dispatch({ type: "select", selection: null });
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === "/") {
        event.preventDefault();
        searchInput.focus();
        return;
      }
      const target = event.target;
      const onGraph = target === document.body || (target instanceof Node && canvas.contains(target));
      if (!onGraph || store.getState().view !== "graph") return;
      const zoom = ZOOM_KEYS[event.key];
      const pan = PAN_KEYS[event.key];
      if (zoom === "in") camera.zoomIn();
      else if (zoom === "out") camera.zoomOut();
      else if (pan) camera.pan(pan[0], pan[1]);
      else if (event.key === "0" || event.key === "f") camera.fit();
      else return;
      event.preventDefault();
    },
    signal ? { signal } : {},
  );
}
