// What to keep bright when a node is hovered or something is selected, and the per-item flags the
// renderer draws from. Pure: graph, visibility and focus in; sets and flags out. The item-states
// controller writes the flags to sigma.
import type { LinkageGraph } from "../../graph/types.ts";
import type { ExplorerState, Selection } from "./explorer-state.ts";
import type { Visibility } from "./filters.ts";

export interface Emphasis {
  nodes: ReadonlySet<string>;
  claims: ReadonlySet<string>;
}

/** The flags a node or claim is drawn by, from the filters, the emphasis and the selection. */
export interface ItemFlags {
  isHidden: boolean;
  isDimmed: boolean;
  isSelected: boolean;
  /** Emphasised: a node of the focus's neighbourhood (its label is always shown), a claim touching it. */
  isFocus: boolean;
}

export type NodeFlags = ItemFlags;
export type ClaimFlags = ItemFlags;

/** The two kinds of item, named as Emphasis and Visibility name their sets. */
export type ItemKind = "nodes" | "claims";

const SELECTED_AS: Record<ItemKind, Selection["type"]> = { nodes: "node", claims: "claim" };

/** A node with its neighbours and claims, or a claim with its two ends. Hidden items stay out. */
export function neighbourhood(
  graph: LinkageGraph,
  focus: Selection,
  visibility: Visibility,
): Emphasis | null {
  if (focus.type === "node") {
    if (!graph.hasNode(focus.id)) return null;
    const nodes = new Set([focus.id]);
    const claims = new Set<string>();
    graph.forEachEdge(focus.id, (claim, _attributes, source, target) => {
      if (!visibility.claims.has(claim)) return;
      claims.add(claim);
      nodes.add(source);
      nodes.add(target);
    });
    return { nodes, claims };
  }
  if (!graph.hasEdge(focus.id)) return null;
  return { nodes: new Set(graph.extremities(focus.id)), claims: new Set([focus.id]) };
}

/** Hover wins over selection, so moving the mouse explores without losing what was chosen. */
export function currentEmphasis(
  graph: LinkageGraph,
  state: Pick<ExplorerState, "hovered" | "selection">,
  visibility: Visibility,
): Emphasis | null {
  const focus: Selection | null = state.hovered ? { type: "node", id: state.hovered } : state.selection;
  return focus ? neighbourhood(graph, focus, visibility) : null;
}

/**
 * A source of emphasis ranked between hover and selection (the trace, a tour step, a lens): null
 * when it has nothing to show. Layers are composed in order by emphasisWithLayers; none knows the others.
 */
export type EmphasisLayer = (state: ExplorerState, visibility: Visibility) => Emphasis | null;

/** Hover first, then the first layer with something to show, then the selection. */
export function emphasisWithLayers(
  graph: LinkageGraph,
  state: ExplorerState,
  visibility: Visibility,
  layers: readonly EmphasisLayer[],
): Emphasis | null {
  if (state.hovered) return neighbourhood(graph, { type: "node", id: state.hovered }, visibility);
  for (const layer of layers) {
    const emphasis = layer(state, visibility);
    if (emphasis) return emphasis;
  }
  return currentEmphasis(graph, state, visibility);
}

/** One item's flags; nodes and claims are flagged alike. */
export function itemFlags(
  kind: ItemKind,
  id: string,
  visibility: Visibility,
  emphasis: Emphasis | null,
  selection: Selection | null,
): ItemFlags {
  const emphasised = emphasis?.[kind].has(id) ?? false;
  return {
    isHidden: !visibility[kind].has(id),
    isDimmed: emphasis !== null && !emphasised,
    isSelected: selection?.type === SELECTED_AS[kind] && selection.id === id,
    isFocus: emphasised,
  };
}

type FlagInputs = [visibility: Visibility, emphasis: Emphasis | null, selection: Selection | null];

export const nodeFlags = (node: string, ...inputs: FlagInputs): NodeFlags =>
  itemFlags("nodes", node, ...inputs);
export const claimFlags = (claim: string, ...inputs: FlagInputs): ClaimFlags =>
  itemFlags("claims", claim, ...inputs);

/**
 * The items whose flags a change may have changed, by kind, or "every" shown item. A hover or a new
 * selection touches the items emphasised before and after it, not the whole graph.
 */
export type Touched = { nodes: ReadonlySet<string>; claims: ReadonlySet<string> } | "every";

export const NOTHING_TOUCHED: Touched = { nodes: new Set(), claims: new Set() };

/** Both changes at once. */
export function touchedByBoth(a: Touched, b: Touched): Touched {
  if (a === "every" || b === "every") return "every";
  if (a === NOTHING_TOUCHED) return b;
  if (b === NOTHING_TOUCHED) return a;
  return { nodes: new Set([...a.nodes, ...b.nodes]), claims: new Set([...a.claims, ...b.claims]) };
}

/**
 * What a change of emphasis touches: the items emphasised before or after it. Where each item is
 * dimmed on its own (`dimsEachItem`, the rich drawing), turning the emphasis on or off dims or
 * brightens every shown item; the plain drawing fades the rest with one uniform instead.
 */
export function touchedByEmphasis(
  before: Emphasis | null,
  after: Emphasis | null,
  dimsEachItem: boolean,
): Touched {
  return (
    touchedBySwitch(before, after, dimsEachItem) ??
    touchedByBoth(before ?? NOTHING_TOUCHED, after ?? NOTHING_TOUCHED)
  );
}

/**
 * What a layer of emphasis or fading touches before its own items are looked at: nothing when it is
 * the same object; every shown item when it turns on or off where each item is dimmed on its own
 * (`eachItem`). Null: only its items before and after, which the caller gathers.
 */
export function touchedBySwitch(
  before: object | null,
  after: object | null,
  eachItem: boolean,
): Touched | null {
  if (before === after) return NOTHING_TOUCHED;
  if (eachItem && (before === null) !== (after === null)) return "every";
  return null;
}

/** What a new selection touches: the item selected before and the one selected now. */
export function touchedBySelection(before: Selection | null, after: Selection | null): Touched {
  if (before === after) return NOTHING_TOUCHED;
  const touched = { nodes: new Set<string>(), claims: new Set<string>() };
  for (const selection of [before, after]) {
    if (selection?.type === "node") touched.nodes.add(selection.id);
    else if (selection) touched.claims.add(selection.id);
  }
  return touched;
}
