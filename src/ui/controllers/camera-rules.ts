// When the camera moves, as pure functions of the action and the state: a link or history entry
// restores its camera, a question asked frames its answer, a selection made to be looked at (search,
// panel, list) is focused, a tour step is framed. camera.ts carries the moves out; nothing else decides
// them. Reads state/ only; no sigma, no DOM, so tests/ui-camera-rules.test.ts runs it in Node.
import type { TourStep } from "../../graph/findings-tour.ts";
import type { Action, ExplorerState, Selection } from "../state/explorer-state.ts";
import type { TraceAnswer, TraceQuery } from "../state/trace.ts";

export type CameraMove =
  /** The link's own camera, else the selection, else everything visible; at once. */
  | { type: "restore" }
  /** Frames these nodes with their labels; `remeasure` first when a panel just took room above. */
  | { type: "frame"; nodes: ReadonlySet<string>; remeasure: boolean; instant: boolean }
  /** A node amid its visible neighbours, or a claim with both its ends. */
  | { type: "focus"; selection: Selection };

/** What the rules read besides the state (state/derived.ts provides both). */
export interface CameraInputs {
  traceAnswer(query: TraceQuery | null): TraceAnswer | null;
  tourStep(state: ExplorerState): TourStep | null;
}

/** Actions by which the reader asks a trace question. */
const ASKS: ReadonlySet<Action["type"]> = new Set(["setTrace", "editTrace", "traceForm"]);

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
  else if (ASKS.has(action.type) && state.trace.query !== previous.trace.query) {
    const answer = inputs.traceAnswer(state.trace.query);
    if (answer) moves.push({ type: "frame", nodes: answer.all.nodes, remeasure: false, instant: false });
  } else if (action.type === "select" && action.focus && state.selection) {
    moves.push({ type: "focus", selection: state.selection });
  }
  // After the restore above, so a tour link's step wins over its plain framing.
  if (framesTour(action, state)) moves.push(...tourFrame(state, inputs, false));
  return moves;
}

/** Where the camera starts once the network is first drawn: as a restore, with no animation. */
export function openingMoves(state: ExplorerState, inputs: CameraInputs): CameraMove[] {
  const tour = state.perspectives.tour && !state.camera ? tourFrame(state, inputs, true) : [];
  return [{ type: "restore" }, ...tour];
}
