// When the camera moves, as pure functions of the action and the state: a link or history entry
// restores its camera, a question asked frames its answer (a trace's chains, a comparison's topic), a
// chain or a Compare item clicked in the answer is framed whole, a selection made to be looked at
// (search, panel, list) is focused, a tour step is framed. camera.ts carries the moves out; nothing
// else decides them. Reads state/ only; no sigma, no DOM, so tests/ui-camera-rules.test.ts runs it in Node.
import type { TourStep } from "../../graph/findings-tour.ts";
import type { Action, ExplorerState, Selection } from "../state/explorer-state.ts";
import { activePick } from "../state/perspective.ts";
import type { PerspectiveLayer } from "../state/perspective-layer.ts";
import type { TraceAnswer, TraceQuery } from "../state/trace.ts";

export type CameraMove =
  /** The link's own camera, else the selection, else everything visible; at once. */
  | { type: "restore" }
  /** Frames these nodes with their labels; `remeasure` first when a panel just took room above. */
  | { type: "frame"; nodes: ReadonlySet<string>; remeasure: boolean; instant: boolean }
  /** A node amid its visible neighbours, or a claim with both its ends. */
  | { type: "focus"; selection: Selection };

/** What the rules read besides the state (state/derived.ts provides them). */
export interface CameraInputs {
  traceAnswer(query: TraceQuery | null): TraceAnswer | null;
  tourStep(state: ExplorerState): TourStep | null;
  /** The lens or Compare layer the state shows. */
  layer(state: ExplorerState): PerspectiveLayer | null;
  /** The two ends of a claim. */
  claimEnds(claim: string): readonly string[];
}

/** Actions by which the reader asks a question: of the trace form, or of the question bank. */
const ASKS: ReadonlySet<Action["type"]> = new Set(["setTrace", "editTrace", "traceForm", "askQuestion"]);

const frame = (nodes: ReadonlySet<string>): CameraMove => ({
  type: "frame",
  nodes,
  remeasure: false,
  instant: false,
});

/** The compared topic's nodes, when a question or the matrix narrows Compare to something new. */
function topicFrame(state: ExplorerState, previous: ExplorerState, inputs: CameraInputs): CameraMove[] {
  const now = state.perspectives.perspective;
  const before = previous.perspectives.perspective;
  if (now.mode !== "compare" || !now.on || (before.mode === "compare" && before.on === now.on)) return [];
  const nodes = inputs.layer(state)?.nodes;
  return nodes?.size ? [frame(nodes)] : [];
}

/** A node clicked in the trace's answer: its whole chain, not the node alone. */
function chainFrame(state: ExplorerState, inputs: CameraInputs): CameraMove[] {
  const pinned = state.trace.pinned;
  const chains = pinned ? inputs.traceAnswer(state.trace.query)?.byResult.get(pinned) : undefined;
  return chains ? [frame(chains.nodes)] : [];
}

/** An item picked from Compare's lists: every claim of it, both sides, with their ends. */
function pickFrame(state: ExplorerState, inputs: CameraInputs): CameraMove[] {
  const picked = activePick(state);
  if (!picked) return [];
  return [frame(new Set(picked.claims.flatMap((claim) => inputs.claimEnds(claim))))];
}

/** The open tour's step, framed once its panel has taken its room; none for an empty step. */
function tourFrame(state: ExplorerState, inputs: CameraInputs, instant: boolean): CameraMove[] {
  const step = inputs.tourStep(state);
  return step?.nodes.length ? [{ type: "frame", nodes: new Set(step.nodes), remeasure: true, instant }] : [];
}

/** Whether an action should move the camera to the tour step. */
function framesTour(action: Action, state: ExplorerState): boolean {
  if (!state.perspectives.tour) return false;
  if (action.type === "openTour" || action.type === "tourStep") return true;
  // A tour link without a camera of its own frames its step.
  return action.type === "restore" && state.camera === null;
}

/** The moves an action calls for, in order; most actions call for none. */
export function cameraMoves(
  action: Action,
  state: ExplorerState,
  previous: ExplorerState,
  inputs: CameraInputs,
): CameraMove[] {
  const moves: CameraMove[] = [];
  if (action.type === "restore") moves.push({ type: "restore" });
  else if (ASKS.has(action.type) && state.trace.query !== previous.trace.query && state.trace.query) {
    const answer = inputs.traceAnswer(state.trace.query);
    if (answer) moves.push(frame(answer.all.nodes));
  } else if (action.type === "askQuestion" || action.type === "setPerspective") {
    moves.push(...topicFrame(state, previous, inputs));
  } else if (action.type === "pinTraceResult") moves.push(...chainFrame(state, inputs));
  else if (action.type === "pickCompareItem") moves.push(...pickFrame(state, inputs));
  else if (action.type === "select" && action.focus && state.selection) {
    moves.push({ type: "focus", selection: state.selection });
  }
  // After the restore above, so a tour link's step wins over its plain framing.
  if (framesTour(action, state)) moves.push(...tourFrame(state, inputs, false));
  return moves;
}

/**
 * Where the camera starts once the network is first drawn: as a restore, with no animation. A link
 * without a camera of its own then frames what it opens: a tour's step, a trace's chains, or the topic
 * a comparison is narrowed to.
 */
export function openingMoves(state: ExplorerState, inputs: CameraInputs): CameraMove[] {
  if (state.camera) return [{ type: "restore" }];
  const tour = state.perspectives.tour ? tourFrame(state, inputs, true) : [];
  const answer = inputs.traceAnswer(state.trace.query);
  const perspective = state.perspectives.perspective;
  const topic = perspective.mode === "compare" && perspective.on ? inputs.layer(state)?.nodes : undefined;
  const framed = answer?.all.nodes ?? (topic?.size ? topic : undefined);
  const opening = tour.length || !framed ? tour : [{ ...frame(framed), instant: true }];
  return [{ type: "restore" }, ...opening];
}
