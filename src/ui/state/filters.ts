// Which nodes and claims the filters leave visible, and the counts the sidebar shows. Pure: the
// graph and the filters in, plain sets and numbers out; controllers turn them into sigma states.
import type { LinkageGraph } from "../../graph/types.ts";
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
import type { Filters } from "./explorer-state.ts";
import { holderMatches } from "./holders.ts";

export interface Visibility {
  nodes: ReadonlySet<string>;
  claims: ReadonlySet<string>;
}

export interface VisibleCounts {
  nodes: number;
  claims: number;
  byKind: Record<NodeKind, number>;
  byRelation: Record<Relation, number>;
  /** Claims whose file did not say (imported edges) are in neither of these two counts. */
  byAttribution: Record<Attribution, number>;
  byModality: Record<Modality, number>;
}

/** True when some filter works on claims, not only on node kinds. */
export function filtersClaims(filters: Filters): boolean {
  return (
    filters.relations.length < RELATIONS.length ||
    filters.attributions.length < ATTRIBUTIONS.length ||
    filters.modalities.length < MODALITIES.length ||
    filters.holder !== "any" ||
    filters.source !== null ||
    filters.finding !== null
  );
}

export function isDefaultFilters(filters: Filters): boolean {
  return filters.kinds.length === NODE_KINDS.length && !filtersClaims(filters);
}

/**
 * Whether a claim's attribution or modality is among those shown. A claim whose file did not say
 * (`undefined`, imported edges) passes only while nothing is narrowed: "stated only" must not show a
 * claim nobody said was stated, and the model never invents the value.
 */
export function voiceShown<T extends string>(
  all: readonly T[],
  shown: readonly T[],
  value: T | undefined,
): boolean {
  if (shown.length === all.length) return true;
  return value !== undefined && shown.includes(value);
}

/**
 * A claim is visible when it passes every claim filter and both its ends are of a shown kind.
 * A node is visible when its kind is shown and, once a claim filter is on, it has a visible claim:
 * filtering by finding F3 should show F3's nodes, not every node with F3's claims among them.
 * So a visible claim always has both ends visible (sigma would draw it to empty space otherwise).
 */
export function visibleItems(graph: LinkageGraph, filters: Filters): Visibility {
  const kinds = new Set<NodeKind>(filters.kinds);
  const relations = new Set<Relation>(filters.relations);
  const claims = new Set<string>();
  graph.forEachEdge((claim, attributes, _source, _target, sourceAttributes, targetAttributes) => {
    if (!kinds.has(sourceAttributes.kind) || !kinds.has(targetAttributes.kind)) return;
    if (!relations.has(attributes.relation)) return;
    if (!voiceShown(ATTRIBUTIONS, filters.attributions, attributes.attribution)) return;
    if (!voiceShown(MODALITIES, filters.modalities, attributes.modality)) return;
    if (filters.source !== null && attributes.sourceId !== filters.source) return;
    if (filters.finding !== null && !attributes.findings.includes(filters.finding)) return;
    if (!holderMatches(filters.holder, attributes.heldBy)) return;
    claims.add(claim);
  });
  const nodes = new Set<string>();
  const byClaims = filtersClaims(filters);
  graph.forEachNode((node, attributes) => {
    if (!kinds.has(attributes.kind)) return;
    if (byClaims && !graph.someEdge(node, (claim) => claims.has(claim))) return;
    nodes.add(node);
  });
  return { nodes, claims };
}

export function countVisible(graph: LinkageGraph, visibility: Visibility): VisibleCounts {
  const zeros = <T extends string>(values: readonly T[]) =>
    Object.fromEntries(values.map((value) => [value, 0])) as Record<T, number>;
  const byKind = zeros(NODE_KINDS);
  const byRelation = zeros(RELATIONS);
  const byAttribution = zeros(ATTRIBUTIONS);
  const byModality = zeros(MODALITIES);
  for (const node of visibility.nodes) byKind[graph.getNodeAttribute(node, "kind")]++;
  for (const claim of visibility.claims) {
    const attributes = graph.getEdgeAttributes(claim);
    byRelation[attributes.relation]++;
    if (attributes.attribution) byAttribution[attributes.attribution]++;
    if (attributes.modality) byModality[attributes.modality]++;
  }
  return {
    nodes: visibility.nodes.size,
    claims: visibility.claims.size,
    byKind,
    byRelation,
    byAttribution,
    byModality,
  };
}

/** Remembers the last answer: filters change rarely, while hover and selection ask often. */
export function visibilityCache(graph: LinkageGraph): (filters: Filters) => Visibility {
  let last: { filters: Filters; visibility: Visibility } | null = null;
  return (filters) => {
    if (last?.filters !== filters) last = { filters, visibility: visibleItems(graph, filters) };
    return last.visibility;
  };
}
