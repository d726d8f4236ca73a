// What the perspective adds to the per-item flags: the lens or Compare layer (isFaded, compareRole)
// and the tour step's and matrix cell's emphasis. Pure: graph, state and visibility in, sets and flags
// out, over graph/perspectives.ts and graph/findings-tour.ts; item-states.ts writes them to sigma.
//
// Emphasis precedence: hover > tour step > matrix cell > the base (trace, then selection). The lens
// and Compare are a separate layer of flags, so a tour can run under a lens.
import { type FindingsTour, findingsTour, type TourStep } from "../../graph/findings-tour.ts";
import {
  type AgreementPattern,
  type ClaimRole,
  type Comparison,
  claimRoles,
  compare,
  type DisagreementPattern,
  lensClaims,
  type PerspectiveFilter,
} from "../../graph/perspectives.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { Emphasis } from "./emphasis.ts";
import type { ExplorerState } from "./explorer-state.ts";
import type { Visibility } from "./filters.ts";
import { activeCell, type Perspective, type TourPosition } from "./perspective.ts";

/** A claim's compare role as a sigma state value; "none" outside Compare or for claims of neither. */
export type CompareRoleState = ClaimRole | "none";

export interface LensFlags {
  /** Not held by the lens holder (or, in Compare, by neither holder): drawn faint. */
  isFaded: boolean;
}

export interface ClaimLensFlags extends LensFlags {
  compareRole: CompareRoleState;
}

export interface PerspectiveLayer {
  perspective: Perspective;
  /** Claims and nodes that stay at full strength; everything else visible is faded. */
  claims: ReadonlySet<string>;
  nodes: ReadonlySet<string>;
  /** Compare only: each compared claim's role, for colouring (items resting on inference included). */
  roles: ReadonlyMap<string, ClaimRole> | null;
  /** Compare only: the roles from what the document states, for the legend's counts. */
  statedRoles: ReadonlyMap<string, ClaimRole> | null;
  /** Compare only: agreements and disagreements resting on inferred holders, by pattern, counted apart. */
  inferred: ReadonlyMap<AgreementPattern | DisagreementPattern, number> | null;
}

/** How many inferred agreements and disagreements each pattern has, in the order the comparison lists them. */
function inferredPatterns(comparison: Comparison): Map<AgreementPattern | DisagreementPattern, number> {
  const counts = new Map<AgreementPattern | DisagreementPattern, number>();
  for (const item of [...comparison.inferred.disagreements, ...comparison.inferred.agreements])
    counts.set(item.pattern, (counts.get(item.pattern) ?? 0) + 1);
  return counts;
}

/** Only what the filters show counts: the same filter the perspective queries take. */
export function visibilityFilter(visibility: Visibility): PerspectiveFilter {
  return { claim: (id) => visibility.claims.has(id), node: (id) => visibility.nodes.has(id) };
}

function holderKnown(graph: LinkageGraph, holder: string): boolean {
  return graph.hasNode(holder) && graph.getNodeAttribute(holder, "kind") === "actor";
}

/** The lens or Compare layer for this perspective, or null when it is off (or names no actor). */
export function perspectiveLayer(
  graph: LinkageGraph,
  perspective: Perspective,
  visibility: Visibility,
): PerspectiveLayer | null {
  const filter = visibilityFilter(visibility);
  if (perspective.mode === "lens") {
    if (!holderKnown(graph, perspective.holder)) return null;
    const lens = lensClaims(graph, perspective.holder, { filter });
    return {
      perspective,
      claims: new Set([...lens.own, ...lens.shared]),
      nodes: new Set(lens.nodes),
      roles: null,
      statedRoles: null,
      inferred: null,
    };
  }
  if (perspective.mode === "compare") {
    const { a, b } = perspective;
    if (a === b || !holderKnown(graph, a) || !holderKnown(graph, b)) return null;
    const comparison = compare(graph, a, b, { filter });
    const roles = new Map(Object.entries(claimRoles(comparison)));
    const statedRoles = new Map(
      Object.entries(claimRoles({ ...comparison, inferred: { agreements: [], disagreements: [] } })),
    );
    const nodes = new Set<string>();
    for (const claim of roles.keys()) {
      const [source, target] = graph.extremities(claim);
      nodes.add(source);
      nodes.add(target);
    }
    return {
      perspective,
      claims: new Set(roles.keys()),
      nodes,
      roles,
      statedRoles,
      inferred: inferredPatterns(comparison),
    };
  }
  return null;
}

export function claimLensFlags(claim: string, layer: PerspectiveLayer | null): ClaimLensFlags {
  if (!layer) return { isFaded: false, compareRole: "none" };
  return { isFaded: !layer.claims.has(claim), compareRole: layer.roles?.get(claim) ?? "none" };
}

export function nodeLensFlags(node: string, layer: PerspectiveLayer | null): LensFlags {
  return { isFaded: layer !== null && !layer.nodes.has(node) };
}

/**
 * How many claims each role has from what the document states, for the Compare legend's counts; the
 * claims of items resting on inference are counted apart (`layer.inferred`), never added in.
 */
export function roleCounts(layer: PerspectiveLayer | null): Record<ClaimRole, number> {
  // A Record, so a role added to the graph layer fails the type check here until it is counted.
  const counts: Record<ClaimRole, number> = {
    contested: 0,
    "differ-unassigned": 0,
    shared: 0,
    matching: 0,
    "only-a": 0,
    "only-b": 0,
  };
  for (const role of layer?.statedRoles?.values() ?? []) counts[role]++;
  return counts;
}

/** The tour's step, clamped to the tour, or null when the source is unknown. */
export function tourStep(tour: FindingsTour, position: TourPosition): TourStep | null {
  const index = Math.min(Math.max(position.step, 1), tour.steps.length);
  return tour.steps[index - 1] ?? null;
}

export function tourOf(graph: LinkageGraph, source: string, visibility: Visibility): FindingsTour | null {
  if (!graph.getAttribute("sources").some((s) => s.id === source)) return null;
  return findingsTour(graph, source, { filter: visibilityFilter(visibility) });
}

/**
 * Remembers the last layer and tour per input: the store hands out new objects only when these
 * change, so a hover or a camera move never recomputes a comparison.
 */
export function createPerspectiveCache(graph: LinkageGraph) {
  let layer: { perspective: Perspective; visibility: Visibility; value: PerspectiveLayer | null } | null =
    null;
  let tour: { source: string; visibility: Visibility; value: FindingsTour | null } | null = null;
  return {
    layer(perspective: Perspective, visibility: Visibility): PerspectiveLayer | null {
      if (layer?.perspective !== perspective || layer.visibility !== visibility)
        layer = { perspective, visibility, value: perspectiveLayer(graph, perspective, visibility) };
      return layer.value;
    },
    tour(source: string, visibility: Visibility): FindingsTour | null {
      if (tour?.source !== source || tour.visibility !== visibility)
        tour = { source, visibility, value: tourOf(graph, source, visibility) };
      return tour.value;
    },
  };
}

export type PerspectiveCache = ReturnType<typeof createPerspectiveCache>;

/** The claims of a matrix cell that the filters show: the row actor's claims touching the column. */
export function cellClaims(
  graph: LinkageGraph,
  holder: string,
  column: string,
  visibility: Visibility,
): string[] {
  if (!graph.hasNode(column)) return [];
  return graph.filterEdges(
    column,
    (claim, attributes) => visibility.claims.has(claim) && attributes.heldBy.includes(holder),
  );
}

function emphasisOf(graph: LinkageGraph, claims: readonly string[]): Emphasis {
  const nodes = new Set<string>();
  for (const claim of claims) for (const end of graph.extremities(claim)) nodes.add(end);
  return { nodes, claims: new Set(claims) };
}

/**
 * The emphasis with the tour and the matrix cell layered over `base` (trace, then selection).
 * Hover stays on top: moving the mouse explores without leaving the step.
 */
export function layeredEmphasis(
  graph: LinkageGraph,
  state: Pick<ExplorerState, "hovered" | "selection" | "perspectives">,
  visibility: Visibility,
  cache: PerspectiveCache,
  base: () => Emphasis | null,
): Emphasis | null {
  if (state.hovered) return base();
  const position = state.perspectives.tour;
  if (position) {
    const tour = cache.tour(position.source, visibility);
    const step = tour ? tourStep(tour, position) : null;
    if (step)
      return emphasisOf(
        graph,
        step.claims.map((claim) => claim.id),
      );
  }
  const cell = activeCell(state);
  if (cell) return emphasisOf(graph, cellClaims(graph, cell.holder, cell.column, visibility));
  return base();
}
