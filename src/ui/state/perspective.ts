// The perspective part of the explorer state: the lens (one holder's view) or Compare (holder A
// against B, on one topic or node, with the roles the legend shows), the difference or agreement
// picked from Compare's lists, the findings tour's position, the position matrix's chosen cell and
// sort. Pure transitions; explorer-state.ts delegates these actions here. No DOM, no sigma.
import type { ClaimRole } from "../../graph/perspectives.ts";
import type { ExplorerState, Selection } from "./explorer-state.ts";
import { SIDES } from "./holders.ts";
import { COMPARE_ROLES } from "./looks.ts";

/** Two holders compared; optionally on one topic (compare-lists.ts) and showing only some roles. */
export interface ComparePerspective {
  mode: "compare";
  a: string;
  b: string;
  /** A topic id (TOPICS) or a node id: only the differences and agreements about it. Absent: all. */
  on?: string;
  /** The roles the Compare legend shows at full strength, in legend order. Absent: every role. */
  roles?: readonly ClaimRole[];
}

/** Off, one holder's lens, or two holders compared. Lens and Compare are one layer: one at a time. */
export type Perspective = { mode: "off" } | { mode: "lens"; holder: string } | ComparePerspective;

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

/**
 * A difference or agreement picked from Compare's lists: its claims are emphasised and framed. Like
 * the matrix cell, it holds the selection its click made (its first claim) and counts only while that
 * selection is the current one.
 */
export interface PickedItem {
  claims: readonly string[];
  selection: Selection;
}

export interface PerspectiveState {
  perspective: Perspective;
  tour: TourPosition | null;
  cell: MatrixCell | null;
  matrixSort: MatrixSort;
  picked: PickedItem | null;
}

export const INITIAL_PERSPECTIVES: PerspectiveState = {
  perspective: PERSPECTIVE_OFF,
  tour: null,
  cell: null,
  matrixSort: "graph",
  picked: null,
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
  | { type: "setMatrixSort"; sort: MatrixSort }
  /** Shows or fades one role in Compare (its legend row); ignored outside Compare. */
  | { type: "toggleCompareRole"; role: ClaimRole }
  /** Picks an item of Compare's lists: its first claim becomes the selection; again, it is let go. */
  | { type: "pickCompareItem"; claims: readonly string[] };

export const PERSPECTIVE_ACTIONS = [
  "setPerspective",
  "openTour",
  "tourStep",
  "closeTour",
  "selectCell",
  "setMatrixSort",
  "toggleCompareRole",
  "pickCompareItem",
] as const satisfies readonly PerspectiveAction["type"][];

export function isPerspectiveAction(action: { type: string }): action is PerspectiveAction {
  return (PERSPECTIVE_ACTIONS as readonly string[]).includes(action.type);
}

export function samePerspective(a: Perspective, b: Perspective): boolean {
  if (a.mode === "lens" && b.mode === "lens") return a.holder === b.holder;
  if (a.mode === "compare" && b.mode === "compare")
    return a.a === b.a && a.b === b.b && a.on === b.on && (a.roles ?? []).join() === (b.roles ?? []).join();
  return a.mode === b.mode;
}

/**
 * One form per perspective: a comparison of a holder with itself is that holder's lens; roles are in
 * legend order, and every role (or none) is the same as no limit, so it is left out.
 */
export function normalisePerspective(perspective: Perspective): Perspective {
  if (perspective.mode !== "compare") return perspective;
  const { a, b, on, roles } = perspective;
  if (a === b) return { mode: "lens", holder: a };
  const shown = COMPARE_ROLES.filter((role) => roles?.includes(role));
  return {
    mode: "compare",
    a,
    b,
    ...(on ? { on } : {}),
    ...(shown.length && shown.length < COMPARE_ROLES.length ? { roles: shown } : {}),
  };
}

/** The roles shown after a legend click on `role`: every role but it, or it back among them. */
export function toggledRoles(roles: readonly ClaimRole[] | undefined, role: ClaimRole): ClaimRole[] {
  const shown = roles ?? COMPARE_ROLES;
  return shown.includes(role) ? shown.filter((r) => r !== role) : [...shown, role];
}

function withPerspectives(state: ExplorerState, next: Partial<PerspectiveState>): ExplorerState {
  return { ...state, perspectives: { ...state.perspectives, ...next } };
}

export function reducePerspective(state: ExplorerState, action: PerspectiveAction): ExplorerState {
  const current = state.perspectives;
  switch (action.type) {
    case "setPerspective": {
      const perspective = normalisePerspective(action.perspective);
      if (samePerspective(current.perspective, perspective)) return state;
      // Narrowing Compare to something new asks to read its list: the panel shows it, not a selection.
      const before = current.perspective;
      const narrowed =
        perspective.mode === "compare" &&
        perspective.on !== undefined &&
        (before.mode !== "compare" || before.on !== perspective.on);
      return { ...withPerspectives(state, { perspective }), selection: narrowed ? null : state.selection };
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
    case "toggleCompareRole": {
      const shown = current.perspective;
      if (shown.mode !== "compare") return state;
      const perspective = normalisePerspective({ ...shown, roles: toggledRoles(shown.roles, action.role) });
      return withPerspectives(state, { perspective });
    }
    case "pickCompareItem":
      return pickItem(state, action.claims);
  }
}

/** Picks a list item (its first claim is selected), or lets the picked one go. */
function pickItem(state: ExplorerState, claims: readonly string[]): ExplorerState {
  const [first] = claims;
  if (!first) return state;
  const picked = activePick(state);
  if (picked && picked.claims.join() === claims.join())
    return { ...withPerspectives(state, { picked: null }), selection: null };
  const selection: Selection = { type: "claim", id: first };
  return { ...withPerspectives(state, { picked: { claims: [...claims], selection } }), selection };
}

/** The picked list item, while its selection is still the current one. */
export function activePick(state: Pick<ExplorerState, "selection" | "perspectives">): PickedItem | null {
  const picked = state.perspectives.picked;
  return picked && picked.selection === state.selection ? picked : null;
}

/** The cell, while its selection is still the current one. */
export function activeCell(state: Pick<ExplorerState, "selection" | "perspectives">): MatrixCell | null {
  const cell = state.perspectives.cell;
  return cell && cell.selection === state.selection ? cell : null;
}
