// What the perspective adds to the per-item flags: the lens or Compare layer (isFaded, isLit,
// compareRole), Compare's lists (compare-lists.ts), and the tour step's, matrix cell's and picked list
// item's emphasis. Pure: graph, state and visibility in, sets and flags out, over graph/perspectives.ts
// and graph/findings-tour.ts; item-states.ts writes them to sigma. The cache keeps, per graph, each
// holder's claims and each layer asked for under the current filters, so switching between lenses
// or back to a comparison is a state update.
//
// Emphasis precedence: hover > tour step > matrix cell > picked list item > the base (trace, then
// selection). The lens and Compare are a separate layer of flags, so a tour can run under a lens.
//
// Compare colours each side by actor, not by position: "only-a" is the colour slot of whichever of
// the two comes first in sideSlots' order, so the United States keeps its colour in "China with the
// United States" too.
import { type FindingsTour, findingsTour, type TourStep } from "../../graph/findings-tour.ts";
import {
  type AgreementPattern,
  type ClaimRole,
  type Comparison,
  claimRoles,
  compare,
  type DisagreementPattern,
  PATTERN_TEXT,
  type PerspectiveFilter,
} from "../../graph/perspectives.ts";
import { type ClaimRecord, claimRecord } from "../../graph/records.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { type CompareLists, compareLists, compareScope } from "./compare-lists.ts";
import {
  type Emphasis,
  type ItemKind,
  NOTHING_TOUCHED,
  type Touched,
  touchedByBoth,
  touchedBySwitch,
} from "./emphasis.ts";
import type { ExplorerState } from "./explorer-state.ts";
import type { Visibility } from "./filters.ts";
import { SIDES } from "./holders.ts";
import { COMPARE_ROLE_STYLES } from "./looks.ts";
import {
  activeCell,
  activePick,
  type ComparePerspective,
  type Perspective,
  type TourPosition,
} from "./perspective.ts";

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
  /** Compare only: the holders drawn in the "only-a" and "only-b" colours, in that order. */
  sides: readonly [string, string] | null;
  /** Compare only: the Differences, Agreements and open questions, narrowed to the perspective's `on`. */
  lists: CompareLists | null;
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

/** The two holders in colour-slot order: the conference's sides first, then by id; never by position. */
export function sideSlots(a: string, b: string): [string, string] {
  const rank = (id: string) => {
    const side = SIDES.indexOf(id as (typeof SIDES)[number]);
    return side < 0 ? SIDES.length : side;
  };
  const order = rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  return order <= 0 ? [a, b] : [b, a];
}

const SWAPPED: Partial<Record<ClaimRole, ClaimRole>> = { "only-a": "only-b", "only-b": "only-a" };

/** Claim roles by colour slot: when `a` takes the second slot, its "only-a" claims are drawn as "only-b". */
function slotRoles(comparison: Comparison, swap: boolean): Map<string, ClaimRole> {
  const roles = new Map(Object.entries(claimRoles(comparison)));
  if (swap) for (const [claim, role] of roles) roles.set(claim, SWAPPED[role] ?? role);
  return roles;
}

/** The document's open questions the filters show. */
function openQuestions(graph: LinkageGraph, visibility: Visibility): ClaimRecord[] {
  return graph
    .filterEdges((claim, attributes) => attributes.modality === "question" && visibility.claims.has(claim))
    .map((claim) => claimRecord(graph, claim));
}

/** What a comparison of two holders costs to compute, whatever roles the legend shows. */
interface ComparedPair {
  lists: CompareLists;
  sides: readonly [string, string];
  roles: ReadonlyMap<string, ClaimRole>;
  statedRoles: ReadonlyMap<string, ClaimRole>;
  inferred: ReadonlyMap<AgreementPattern | DisagreementPattern, number>;
}

function comparePair(
  graph: LinkageGraph,
  perspective: ComparePerspective,
  visibility: Visibility,
): ComparedPair | null {
  const { a, b } = perspective;
  if (a === b || !holderKnown(graph, a) || !holderKnown(graph, b)) return null;
  const whole = compare(graph, a, b, { filter: visibilityFilter(visibility) });
  const lists = compareLists(whole, compareScope(graph, perspective.on), openQuestions(graph, visibility));
  const comparison = lists.comparison;
  const sides = sideSlots(a, b);
  return {
    lists,
    sides,
    roles: slotRoles(comparison, sides[0] !== a),
    statedRoles: slotRoles(
      { ...comparison, inferred: { agreements: [], disagreements: [] } },
      sides[0] !== a,
    ),
    inferred: inferredPatterns(comparison),
  };
}

function compareLayer(
  graph: LinkageGraph,
  perspective: ComparePerspective,
  pair: ComparedPair | null,
): PerspectiveLayer | null {
  if (!pair) return null;
  const { roles, lists } = pair;
  // The legend's rows fade the roles they turn off; the counts stay, so a reader sees what is faded.
  const shown = new Set(perspective.roles ?? roles.values());
  const claims = new Set([...roles].filter(([, role]) => shown.has(role)).map(([claim]) => claim));
  // A narrowed comparison answers a question: its open questions are part of the answer, so they show.
  if (lists.scope) for (const question of lists.openQuestions) claims.add(question.id);
  return { perspective, claims, nodes: endsOf(graph, claims), ...pair };
}

/** The nodes the claims join. */
function endsOf(graph: LinkageGraph, claims: Iterable<string>): Set<string> {
  const nodes = new Set<string>();
  for (const claim of claims) {
    nodes.add(graph.source(claim));
    nodes.add(graph.target(claim));
  }
  return nodes;
}

/** Each holder's claims, from one pass over the graph: a lens then reads its holder's list alone. */
export type HeldClaims = ReadonlyMap<string, readonly string[]>;

export function heldClaims(graph: LinkageGraph): HeldClaims {
  const held = new Map<string, string[]>();
  graph.forEachEdge((claim, { heldBy }) => {
    for (const holder of heldBy) {
      const list = held.get(holder);
      if (list) list.push(claim);
      else held.set(holder, [claim]);
    }
  });
  return held;
}

/**
 * The lens: the claims its holder holds that the filters show, and the nodes they join. The same sets
 * as graph/perspectives.ts's lensClaims (own and shared) under visibilityFilter, since a claim the
 * filters show always has both its ends shown; read from the holder's list, not the whole graph.
 */
function lensLayer(
  graph: LinkageGraph,
  perspective: Extract<Perspective, { mode: "lens" }>,
  visibility: Visibility,
  held: HeldClaims,
): PerspectiveLayer | null {
  if (!holderKnown(graph, perspective.holder)) return null;
  const claims = new Set(
    (held.get(perspective.holder) ?? []).filter((claim) => visibility.claims.has(claim)),
  );
  return {
    perspective,
    claims,
    nodes: endsOf(graph, claims),
    roles: null,
    statedRoles: null,
    inferred: null,
    sides: null,
    lists: null,
  };
}

/** The lens or Compare layer for this perspective, or null when it is off (or names no actor). */
export function perspectiveLayer(
  graph: LinkageGraph,
  perspective: Perspective,
  visibility: Visibility,
  held: HeldClaims = heldClaims(graph),
): PerspectiveLayer | null {
  if (perspective.mode === "compare")
    return compareLayer(graph, perspective, comparePair(graph, perspective, visibility));
  return perspective.mode === "lens" ? lensLayer(graph, perspective, visibility, held) : null;
}

export function claimLensFlags(claim: string, layer: PerspectiveLayer | null): ClaimLensFlags {
  if (!layer) return { isFaded: false, compareRole: "none" };
  return { isFaded: !layer.claims.has(claim), compareRole: layer.roles?.get(claim) ?? "none" };
}

export function nodeLensFlags(node: string, layer: PerspectiveLayer | null): LensFlags {
  return { isFaded: layer !== null && !layer.nodes.has(node) };
}

/** Held in the lens, or compared and shown: what the plain drawing leaves unfaded. */
export function isLit(kind: ItemKind, id: string, layer: PerspectiveLayer | null): boolean {
  return layer?.[kind].has(id) ?? false;
}

/**
 * What a change of lens or Compare touches: the items of the layer before and after it (Compare's
 * coloured claims too). Where each item is faded on its own (`fadesEachItem`, the rich drawing),
 * turning the layer on or off touches every shown item.
 */
export function touchedByLayer(
  before: PerspectiveLayer | null,
  after: PerspectiveLayer | null,
  fadesEachItem: boolean,
): Touched {
  const switched = touchedBySwitch(before, after, fadesEachItem);
  if (switched) return switched;
  let touched: Touched = NOTHING_TOUCHED;
  for (const layer of [before, after]) {
    if (!layer) continue;
    touched = touchedByBoth(touched, { nodes: layer.nodes, claims: layer.claims });
    if (layer.roles)
      touched = touchedByBoth(touched, { nodes: new Set(), claims: new Set(layer.roles.keys()) });
  }
  return touched;
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

/** The inputs a layer depends on, as one key: equal keys, equal layers. */
function perspectiveKey(perspective: Perspective): string {
  if (perspective.mode === "lens") return `lens\u0000${perspective.holder}`;
  if (perspective.mode === "off") return "off";
  return [
    "compare",
    perspective.a,
    perspective.b,
    perspective.on ?? "",
    perspective.roles?.join() ?? "*",
  ].join("\u0000");
}

/** How many layers and comparisons are kept under one set of filters: every lens of a few dozen holders. */
const KEPT_LAYERS = 64;

/** A map that forgets its oldest entry past `limit`. */
function remember<T>(map: Map<string, T>, key: string, value: T, limit = KEPT_LAYERS): T {
  if (map.size >= limit) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

/**
 * Remembers each holder's claims for the graph's life (the explorer never writes the graph), and,
 * under the current filters, every layer and comparison asked for: switching back to a lens or a
 * comparison hands out the very same object, so a switch is a state update. A hover or a camera move
 * never recomputes one. New filters start a new memory.
 */
export function createPerspectiveCache(graph: LinkageGraph) {
  let held: HeldClaims | null = null;
  let memory = {
    visibility: null as Visibility | null,
    layers: new Map<string, PerspectiveLayer | null>(),
    pairs: new Map<string, ComparedPair | null>(),
  };
  let tour: { source: string; visibility: Visibility; value: FindingsTour | null } | null = null;
  const under = (visibility: Visibility) => {
    if (memory.visibility !== visibility) memory = { visibility, layers: new Map(), pairs: new Map() };
    return memory;
  };
  const pairOf = (perspective: ComparePerspective, visibility: Visibility) => {
    const { pairs } = under(visibility);
    const key = [perspective.a, perspective.b, perspective.on ?? ""].join("\u0000");
    return pairs.has(key)
      ? (pairs.get(key) ?? null)
      : remember(pairs, key, comparePair(graph, perspective, visibility));
  };
  return {
    layer(perspective: Perspective, visibility: Visibility): PerspectiveLayer | null {
      const { layers } = under(visibility);
      const key = perspectiveKey(perspective);
      if (layers.has(key)) return layers.get(key) ?? null;
      held ??= heldClaims(graph);
      const value =
        perspective.mode === "compare"
          ? compareLayer(graph, perspective, pairOf(perspective, visibility))
          : perspectiveLayer(graph, perspective, visibility, held);
      return remember(layers, key, value);
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
  const picked = activePick(state);
  if (picked)
    return emphasisOf(
      graph,
      picked.claims.filter((claim) => graph.hasEdge(claim)),
    );
  return base();
}

/** A claim's part in Compare, for its details: its role and the claims on the other side of it. */
export interface ClaimInComparison {
  role: ClaimRole;
  /** The role as the legend names it: "Contested", "Only United States". */
  label: string;
  /** The patterns of the disagreements or agreements it is in ("Opposite stances"), each once. */
  patterns: string[];
  /** The other side's claims it disagrees or matches with, each once. */
  others: ClaimRecord[];
}

/** The legend's words for a role, with the holders of each side's colour named. */
export function roleLabel(role: ClaimRole, sides: readonly [string, string], label: (id: string) => string) {
  return COMPARE_ROLE_STYLES[role].label.replace("{a}", label(sides[0])).replace("{b}", label(sides[1]));
}

/** Where a claim stands in the Compare layer (its scope included), or null outside Compare. */
export function claimInComparison(
  layer: PerspectiveLayer | null,
  claim: string,
  label: (id: string) => string,
): ClaimInComparison | null {
  const role = layer?.roles?.get(claim);
  const comparison = layer?.lists?.comparison;
  if (!role || !comparison || !layer?.sides) return null;
  const patterns = new Set<string>();
  const others = new Map<string, ClaimRecord>();
  for (const d of [...comparison.disagreements, ...comparison.inferred.disagreements]) {
    const other = d.claimA.id === claim ? d.claimB : d.claimB.id === claim ? d.claimA : null;
    if (!other) continue;
    patterns.add(PATTERN_TEXT[d.pattern].title);
    others.set(other.id, other);
  }
  for (const agreement of [...comparison.agreements, ...comparison.inferred.agreements]) {
    if (!agreement.claims.some((c) => c.id === claim)) continue;
    patterns.add(PATTERN_TEXT[agreement.pattern].title);
    for (const other of agreement.claims) if (other.id !== claim) others.set(other.id, other);
  }
  if (comparison.sidesNotStated.some((item) => item.claim.id === claim))
    patterns.add(PATTERN_TEXT["sides-not-stated"].title);
  return {
    role,
    label: roleLabel(role, layer.sides, label),
    patterns: [...patterns],
    others: [...others.values()],
  };
}
