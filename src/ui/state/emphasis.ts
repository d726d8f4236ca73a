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

export interface NodeFlags {
  isHidden: boolean;
  isDimmed: boolean;
  isSelected: boolean;
  /** A neighbour of the focused node (or the focus itself): its label is always shown. */
  isFocus: boolean;
}

export interface ClaimFlags {
  isHidden: boolean;
  isDimmed: boolean;
  isSelected: boolean;
  /** Touches the focused node: drawn above the dimmed rest. */
  isFocus: boolean;
}

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

export function nodeFlags(
  node: string,
  visibility: Visibility,
  emphasis: Emphasis | null,
  selection: Selection | null,
): NodeFlags {
  const emphasised = emphasis?.nodes.has(node) ?? false;
  return {
    isHidden: !visibility.nodes.has(node),
    isDimmed: emphasis !== null && !emphasised,
    isSelected: selection?.type === "node" && selection.id === node,
    isFocus: emphasised,
  };
}

export function claimFlags(
  claim: string,
  visibility: Visibility,
  emphasis: Emphasis | null,
  selection: Selection | null,
): ClaimFlags {
  const emphasised = emphasis?.claims.has(claim) ?? false;
  return {
    isHidden: !visibility.claims.has(claim),
    isDimmed: emphasis !== null && !emphasised,
    isSelected: selection?.type === "claim" && selection.id === claim,
    isFocus: emphasised,
  };
}
