// The explorer's state and every change to it, as pure transitions `(state, action) => state`.
// Controllers and views read the state and dispatch actions; nothing here touches the DOM or sigma.
import {
  ATTRIBUTIONS,
  type Attribution,
  MODALITIES,
  type Modality,
  NODE_KINDS,
  type NodeKind,
  RELATIONS,
  type Relation,
} from "../../model/vocabulary.ts";
import type { HolderFilter } from "./holders.ts";
import {
  INITIAL_PERSPECTIVES,
  isPerspectiveAction,
  type Perspective,
  type PerspectiveAction,
  type PerspectiveState,
  reducePerspective,
  type TourPosition,
} from "./perspective.ts";
import { askQuestion } from "./questions.ts";
import {
  INITIAL_TRACE,
  isTraceAction,
  reduceTrace,
  type TraceAction,
  type TraceQuery,
  type TraceState,
} from "./trace.ts";

export type Selection = { type: "node"; id: string } | { type: "claim"; id: string };

export interface Filters {
  /** Kinds of node shown; all of them by default. */
  kinds: readonly NodeKind[];
  /** Relations of claim shown; all of them by default. */
  relations: readonly Relation[];
  /** Who the document says holds a claim (stated, inferred, the document's own voice); all by default. */
  attributions: readonly Attribution[];
  /** How firmly the document puts a claim (asserted, hedged, an open question); all by default. */
  modalities: readonly Modality[];
  holder: HolderFilter;
  /** A source id, or null for every source. */
  source: string | null;
  /** A qualified finding ref (`source#F3`), or null for every finding. */
  finding: string | null;
}

/** The camera as sigma frames it: x and y in framed-graph units (0..1), ratio 1 = whole graph. */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export type View = "graph" | "list" | "matrix";

/**
 * Whether the network can be seen: starting, placed by the layout worker, drawn, or not drawable in
 * this browser (no WebGL2, or the renderer would not start). The stage and its buttons show it.
 */
export type Network =
  | { status: "starting" }
  | { status: "laying-out" }
  | { status: "drawn" }
  | { status: "unavailable" }
  | { status: "layout-failed"; message: string };

export interface Notice {
  id: number;
  text: string;
}

export interface ExplorerState {
  selection: Selection | null;
  hovered: string | null;
  filters: Filters;
  view: View;
  /** Last settled camera, or null before the first frame (the camera then fits the graph). */
  camera: CameraView | null;
  notices: readonly Notice[];
  layoutRunning: boolean;
  network: Network;
  /** Lens or Compare, the findings tour, the position matrix (perspective.ts). */
  perspectives: PerspectiveState;
  /** The Trace panel's question and its focused result (trace.ts). */
  trace: TraceState;
}

/** What the URL carries: the part of the state that a shared link reopens. */
export interface SharedView {
  selection: Selection | null;
  filters: Filters;
  view: View;
  camera: CameraView | null;
  /** Absent means off; optional so a link without them stays the plain view. */
  perspective?: Perspective;
  tour?: TourPosition | null;
  /** The trace question; absent or null means no trace. */
  trace?: TraceQuery | null;
}

export const DEFAULT_FILTERS: Filters = {
  kinds: NODE_KINDS,
  relations: RELATIONS,
  attributions: ATTRIBUTIONS,
  modalities: MODALITIES,
  holder: "any",
  source: null,
  finding: null,
};

export const INITIAL_STATE: ExplorerState = {
  selection: null,
  hovered: null,
  filters: DEFAULT_FILTERS,
  view: "graph",
  camera: null,
  notices: [],
  layoutRunning: false,
  network: { status: "starting" },
  perspectives: INITIAL_PERSPECTIVES,
  trace: INITIAL_TRACE,
};

export type Action =
  /** `focus` asks the camera to move to the selection (search, panel, list), not on a canvas click. */
  | { type: "select"; selection: Selection | null; focus?: boolean }
  | { type: "hover"; node: string | null }
  | { type: "toggleKind"; kind: NodeKind }
  | { type: "toggleRelation"; relation: Relation }
  | { type: "toggleAttribution"; attribution: Attribution }
  | { type: "toggleModality"; modality: Modality }
  | { type: "setHolder"; holder: HolderFilter }
  | { type: "setSource"; source: string | null }
  | { type: "setFinding"; finding: string | null }
  | { type: "resetFilters" }
  | { type: "setView"; view: View }
  | { type: "cameraMoved"; camera: CameraView }
  /** A shared view read from the URL (first load, Back, Forward). */
  | { type: "restore"; view: SharedView; notices: readonly string[] }
  | { type: "notify"; texts: readonly string[] }
  | { type: "dismissNotice"; id: number }
  | { type: "layoutRunning"; running: boolean }
  | { type: "setNetwork"; network: Network }
  /** A question of the bank (questions.ts): its trace or its comparison, in the answer panel. */
  | { type: "askQuestion"; id: string }
  | PerspectiveAction
  | TraceAction;

/** Toggle membership, keeping the vocabulary's order so URLs and legends read the same way. */
function toggle<T extends string>(order: readonly T[], current: readonly T[], value: T): readonly T[] {
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return order.filter((v) => next.includes(v));
}

function withNotices(state: ExplorerState, texts: readonly string[]): readonly Notice[] {
  if (texts.length === 0) return state.notices;
  const start = state.notices.reduce((max, notice) => Math.max(max, notice.id), 0) + 1;
  return [...state.notices, ...texts.map((text, i) => ({ id: start + i, text }))];
}

function withFilters(state: ExplorerState, filters: Partial<Filters>): ExplorerState {
  return { ...state, filters: { ...state.filters, ...filters } };
}

export function reduce(state: ExplorerState, action: Action): ExplorerState {
  if (isPerspectiveAction(action)) return reducePerspective(state, action);
  if (isTraceAction(action)) {
    const trace = reduceTrace(state.trace, action);
    if (trace === state.trace) return state;
    // A new question is asked to be read: the answer panel shows it rather than an earlier selection.
    const asked = trace.query !== null && trace.query !== state.trace.query;
    return { ...state, trace, selection: asked ? null : state.selection };
  }
  switch (action.type) {
    case "select":
      return { ...state, selection: action.selection };
    case "hover":
      return state.hovered === action.node ? state : { ...state, hovered: action.node };
    case "toggleKind":
      return withFilters(state, { kinds: toggle(NODE_KINDS, state.filters.kinds, action.kind) });
    case "toggleRelation":
      return withFilters(state, {
        relations: toggle(RELATIONS, state.filters.relations, action.relation),
      });
    case "toggleAttribution":
      return withFilters(state, {
        attributions: toggle(ATTRIBUTIONS, state.filters.attributions, action.attribution),
      });
    case "toggleModality":
      return withFilters(state, {
        modalities: toggle(MODALITIES, state.filters.modalities, action.modality),
      });
    case "setHolder":
      return withFilters(state, { holder: action.holder });
    case "setSource":
      // A finding belongs to one source; keeping a finding of another source would show nothing.
      return withFilters(state, {
        source: action.source,
        finding:
          action.source && state.filters.finding && !state.filters.finding.startsWith(`${action.source}#`)
            ? null
            : state.filters.finding,
      });
    case "setFinding":
      return withFilters(state, { finding: action.finding });
    case "resetFilters":
      return { ...state, filters: DEFAULT_FILTERS };
    case "setView":
      return { ...state, view: action.view };
    case "cameraMoved":
      return { ...state, camera: action.camera };
    case "restore":
      return {
        ...state,
        selection: action.view.selection,
        filters: action.view.filters,
        view: action.view.view,
        camera: action.view.camera,
        hovered: null,
        notices: withNotices(state, action.notices),
        perspectives: {
          ...state.perspectives,
          perspective: action.view.perspective ?? INITIAL_PERSPECTIVES.perspective,
          tour: action.view.tour ?? null,
        },
        // The form's draft is not part of a link: it stays what the reader left in it.
        trace: { ...state.trace, query: action.view.trace ?? null, focus: null, pinned: null },
      };
    case "askQuestion":
      return askQuestion(state, action.id);
    case "notify":
      return { ...state, notices: withNotices(state, action.texts) };
    case "dismissNotice":
      return { ...state, notices: state.notices.filter((notice) => notice.id !== action.id) };
    case "layoutRunning":
      return { ...state, layoutRunning: action.running };
    case "setNetwork":
      return { ...state, network: action.network };
  }
}

/** How an action enters the browser history: a new entry, a rewrite of the current one, or none. */
export type HistoryEffect = "push" | "replace" | "none";

const HISTORY_EFFECTS: Record<Action["type"], HistoryEffect> = {
  select: "push",
  toggleKind: "push",
  toggleRelation: "push",
  toggleAttribution: "push",
  toggleModality: "push",
  setHolder: "push",
  setSource: "push",
  setFinding: "push",
  resetFilters: "push",
  setView: "push",
  // The camera moves constantly; it rides along in the current entry rather than flooding history.
  cameraMoved: "replace",
  restore: "none",
  hover: "none",
  notify: "none",
  dismissNotice: "none",
  layoutRunning: "none",
  setNetwork: "none",
  setPerspective: "push",
  openTour: "push",
  tourStep: "push",
  closeTour: "push",
  selectCell: "push",
  setMatrixSort: "none",
  toggleCompareRole: "push",
  pickCompareItem: "push",
  askQuestion: "push",
  setTrace: "push",
  editTrace: "push",
  // Pushes only when it opens or edits the question: a draft change leaves the link as it is.
  traceForm: "push",
  focusTraceResult: "none",
  // Framing a chain changes what the link shows only through the camera, which rides along anyway.
  pinTraceResult: "none",
};

export function historyEffect(action: Action): HistoryEffect {
  return HISTORY_EFFECTS[action.type];
}

export function sharedView(state: ExplorerState): SharedView {
  return {
    selection: state.selection,
    filters: state.filters,
    view: state.view,
    camera: state.camera,
    perspective: state.perspectives.perspective,
    tour: state.perspectives.tour,
    trace: state.trace.query,
  };
}
