// The perspective part of the explorer state: the lens (one holder's view) or Compare (holder A
// against B), the findings tour's position, the position matrix's chosen cell and sort. Pure
// transitions; explorer-state.ts delegates these actions here. Nothing here touches the DOM or sigma.
import type { ExplorerState, Selection } from "./explorer-state.ts";
import { SIDES } from "./holders.ts";

/** Off, one holder's lens, or two holders compared. Lens and Compare are one layer: one at a time. */
export type Perspective =
  | { mode: "off" }
  | { mode: "lens"; holder: string }
  | { mode: "compare"; a: string; b: string };

export const PERSPECTIVE_OFF: Perspective = { mode: "off" };

/** The default comparison: the two sides of the conference. */
export const DEFAULT_COMPARE: Perspective = { mode: "compare", a: SIDES[0], b: SIDES[1] };

/** The default comparison when the graph has both sides, else its first two holders (holdersOf). */
export function defaultCompare(holders: readonly string[]): Perspective | null {
  if (
    DEFAULT_COMPARE.mode === "compare" &&
    holders.includes(DEFAULT_COMPARE.a) &&
    holders.includes(DEFAULT_COMPARE.b)
  )
    return DEFAULT_COMPARE;
  const [a, b] = holders;
  return a && b ? { mode: "compare", a, b } : null;
}

/**
 * What a click on a mode button asks for, given the perspective now: a lens looks through Compare's
 * first holder; Compare sets the lens holder against the default comparison's other side. Null when
 * the graph has too few holders for it.
 */
export function switchMode(
  mode: Perspective["mode"],
  current: Perspective,
  holders: readonly string[],
): Perspective | null {
  if (mode === "off") return PERSPECTIVE_OFF;
  if (mode === "lens")
    return { mode: "lens", holder: current.mode === "compare" ? current.a : (holders[0] ?? "") };
  const fallback = defaultCompare(holders);
  if (current.mode !== "lens") return fallback;
  const b =
    fallback?.mode === "compare" && fallback.a !== current.holder
      ? fallback.a
      : holders.find((holder) => holder !== current.holder);
  return b ? { mode: "compare", a: current.holder, b } : null;
}

/** Where a findings tour stands: a source and a 1-based step (step n is the source's nth finding). */
export interface TourPosition {
  source: string;
  step: number;
}

/**
 * The matrix cell whose claims are selected. Its `selection` is the very selection object the cell
 * click made (the column node): any later select or restore makes a new object, so the cell stops
 * counting without every other transition having to clear it.
 */
export interface MatrixCell {
  holder: string;
  column: string;
  selection: Selection;
}

export type MatrixSort = "graph" | "contestedness";

export interface PerspectiveState {
  perspective: Perspective;
  tour: TourPosition | null;
  cell: MatrixCell | null;
  matrixSort: MatrixSort;
}

export const INITIAL_PERSPECTIVES: PerspectiveState = {
  perspective: PERSPECTIVE_OFF,
  tour: null,
  cell: null,
  matrixSort: "graph",
};

export type PerspectiveAction =
  | { type: "setPerspective"; perspective: Perspective }
  /** Opens a tour at a step (1 by default) and shows the network, where the tour is drawn. */
  | { type: "openTour"; source: string; step?: number }
  /** Moves an open tour to a step; the caller clamps it to the tour's length. */
  | { type: "tourStep"; step: number }
  | { type: "closeTour" }
  /** Selects a matrix cell's claims: the column node becomes the selection, the cell narrows it. */
  | { type: "selectCell"; holder: string; column: string }
  | { type: "setMatrixSort"; sort: MatrixSort };

export const PERSPECTIVE_ACTIONS = [
  "setPerspective",
  "openTour",
  "tourStep",
  "closeTour",
  "selectCell",
  "setMatrixSort",
] as const satisfies readonly PerspectiveAction["type"][];

export function isPerspectiveAction(action: { type: string }): action is PerspectiveAction {
  return (PERSPECTIVE_ACTIONS as readonly string[]).includes(action.type);
}

function samePerspective(a: Perspective, b: Perspective): boolean {
  if (a.mode === "lens" && b.mode === "lens") return a.holder === b.holder;
  if (a.mode === "compare" && b.mode === "compare") return a.a === b.a && a.b === b.b;
  return a.mode === b.mode;
}

/** A comparison of a holder with itself says nothing: it is read as that holder's lens. */
export function normalisePerspective(perspective: Perspective): Perspective {
  return perspective.mode === "compare" && perspective.a === perspective.b
    ? { mode: "lens", holder: perspective.a }
    : perspective;
}

function withPerspectives(state: ExplorerState, next: Partial<PerspectiveState>): ExplorerState {
  return { ...state, perspectives: { ...state.perspectives, ...next } };
}

export function reducePerspective(state: ExplorerState, action: PerspectiveAction): ExplorerState {
  const current = state.perspectives;
  switch (action.type) {
    case "setPerspective": {
      const perspective = normalisePerspective(action.perspective);
      return samePerspective(current.perspective, perspective)
        ? state
        : withPerspectives(state, { perspective });
    }
    case "openTour": {
      const tour = { source: action.source, step: Math.max(1, Math.floor(action.step ?? 1)) };
      return { ...withPerspectives(state, { tour }), view: "graph" };
    }
    case "tourStep": {
      if (!current.tour) return state;
      const step = Math.max(1, Math.floor(action.step));
      return step === current.tour.step
        ? state
        : withPerspectives(state, { tour: { ...current.tour, step } });
    }
    case "closeTour":
      return current.tour ? withPerspectives(state, { tour: null }) : state;
    case "selectCell": {
      const selection: Selection = { type: "node", id: action.column };
      return {
        ...withPerspectives(state, { cell: { holder: action.holder, column: action.column, selection } }),
        selection,
      };
    }
    case "setMatrixSort":
      return current.matrixSort === action.sort
        ? state
        : withPerspectives(state, { matrixSort: action.sort });
  }
}

/** The cell, while its selection is still the current one. */
export function activeCell(state: Pick<ExplorerState, "selection" | "perspectives">): MatrixCell | null {
  const cell = state.perspectives.cell;
  return cell && cell.selection === state.selection ? cell : null;
}
