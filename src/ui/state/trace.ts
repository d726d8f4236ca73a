// The Trace panel's pure state: the question asked (target, holder, depth, relations, kinds, stated
// only), the form's draft while no question is open, which result the pointer or keyboard is on and
// which one was clicked (pinned: its chains stay bright and framed), the transitions between them, and
// the answer computed once per question: the reading (graph/answer.ts) and each node's own path sets.
// Calls the graph engine (src/graph/trace.ts, src/graph/answer.ts); no DOM, no sigma.
import { readTrace, type TraceReading } from "../../graph/answer.ts";
import {
  DEFAULT_TRACE_RELATIONS,
  type LinkagePath,
  TRACE_DEPTH,
  type Trace,
  type TraceAttribution,
  type TraceCache,
  traceLinkages,
} from "../../graph/trace.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { NODE_KINDS, type NodeKind, RELATIONS, type Relation } from "../../model/vocabulary.ts";
import type { Emphasis } from "./emphasis.ts";

/** A trace question: what `holder` (or anyone) ties to `target`, within `depth` claims of `relations`. */
export interface TraceQuery {
  target: string;
  /** An actor id, or null for any holder. */
  holder: string | null;
  depth: number;
  /** At least one, in vocabulary order. */
  relations: readonly Relation[];
  /**
   * "stated": only claims the document attributes to their holders (the "Stated claims only" switch);
   * absent or null: every claim. Optional so a question written without it (a preset) means every claim.
   */
  attribution?: TraceAttribution | null;
  /**
   * Only nodes of these kinds are answers ("which issues…"); chains still pass through any kind.
   * Absent or null: every kind. Optional, like `attribution`, so a question of every kind has none.
   */
  kinds?: readonly NodeKind[] | null;
}

/** The form's values before a target is chosen: the question it will ask, less its target. */
export type TraceDraft = Omit<TraceQuery, "target">;

export interface TraceState {
  query: TraceQuery | null;
  /**
   * The node (a result, or a node chains pass through) hovered or keyboard-focused in the answer, else
   * the pinned one: only its chains stay bright.
   */
  focus: string | null;
  /** The node last clicked in the answer: its chains are framed, and stay bright when the pointer leaves. */
  pinned: string | null;
  /** What the form holds while no question is open; an open question keeps it for when it closes. */
  draft: TraceDraft;
}

export const INITIAL_TRACE: TraceState = {
  query: null,
  focus: null,
  pinned: null,
  draft: { holder: null, depth: TRACE_DEPTH.default, relations: ["links-to"] },
};

export type TraceAction =
  /** Ask a question (a preset, a link, the form), or null to close the trace. */
  | { type: "setTrace"; query: TraceQuery | null }
  /** Change part of the current question; ignored when no question is open. */
  | { type: "editTrace"; change: Partial<TraceQuery> }
  /**
   * A change made in the form: it edits the open question, or opens one once a target is chosen,
   * or else only changes the draft.
   */
  | { type: "traceForm"; change: Partial<TraceQuery> }
  /** The pointer or keyboard is on a node of the answer; null when it leaves (the pinned one returns). */
  | { type: "focusTraceResult"; node: string | null }
  /** A node of the answer is clicked: its chains are framed and stay bright; null unpins. */
  | { type: "pinTraceResult"; node: string | null };

/** Every trace action's type, for explorer-state.ts to hand them here; a missing one fails the type check. */
const TRACE_ACTION_TYPES: Record<TraceAction["type"], true> = {
  setTrace: true,
  editTrace: true,
  traceForm: true,
  focusTraceResult: true,
  pinTraceResult: true,
};

export function isTraceAction(action: { type: string }): action is TraceAction {
  return Object.hasOwn(TRACE_ACTION_TYPES, action.type);
}

export function clampDepth(depth: number): number {
  if (!Number.isFinite(depth)) return TRACE_DEPTH.default;
  return Math.min(TRACE_DEPTH.max, Math.max(TRACE_DEPTH.min, Math.round(depth)));
}

/**
 * A question in its one canonical form: depth in bounds, relations deduplicated in vocabulary order,
 * never empty, and an attribution only when it narrows the trace.
 */
export function normalizeQuery(query: TraceQuery): TraceQuery {
  const relations = RELATIONS.filter((relation) => query.relations.includes(relation));
  return {
    target: query.target,
    holder: query.holder,
    depth: clampDepth(query.depth),
    relations: relations.length ? relations : DEFAULT_TRACE_RELATIONS,
    // Every claim is the usual question: the canonical form then has no attribution at all.
    ...(query.attribution ? { attribution: query.attribution } : {}),
    ...kindsPart(query.kinds),
  };
}

/** Kinds in vocabulary order, each once; none when every kind (or none) is asked for, which is the same. */
function kindsPart(kinds: readonly NodeKind[] | null | undefined): { kinds?: readonly NodeKind[] } {
  const ordered = NODE_KINDS.filter((kind) => kinds?.includes(kind));
  return ordered.length && ordered.length < NODE_KINDS.length ? { kinds: ordered } : {};
}

/** Adds or removes one kind; every kind again means no limit. The last one stays, as with relations. */
export function toggleTraceKind(kinds: readonly NodeKind[] | null | undefined, kind: NodeKind): NodeKind[] {
  const current = kinds?.length ? kinds : NODE_KINDS;
  const next = current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind];
  return NODE_KINDS.filter((k) => (next.length ? next : current).includes(k));
}

const sameList = <T>(a: readonly T[] | null | undefined, b: readonly T[] | null | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((value, i) => b?.[i] === value);

export function sameQuery(a: TraceQuery | null, b: TraceQuery | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.target === b.target &&
    a.holder === b.holder &&
    a.depth === b.depth &&
    (a.attribution ?? null) === (b.attribution ?? null) &&
    sameList(a.relations, b.relations) &&
    sameList(a.kinds, b.kinds)
  );
}

/** Adds or removes one relation; the last one stays, since a trace with no relation reaches nothing. */
export function toggleTraceRelation(relations: readonly Relation[], relation: Relation): readonly Relation[] {
  const next = relations.includes(relation)
    ? relations.filter((r) => r !== relation)
    : [...relations, relation];
  return next.length ? RELATIONS.filter((r) => next.includes(r)) : relations;
}

/** What the form shows: the open question, or the draft while none is open. */
export function formValues(trace: TraceState): TraceDraft {
  return trace.query ?? trace.draft;
}

/** The draft in the canonical form of a question (depth in bounds, relations never empty). */
function withDraft(state: TraceState, change: Partial<TraceDraft>): TraceState {
  const { target: _target, ...draft } = normalizeQuery({ ...state.draft, ...change, target: "" });
  return sameQuery({ ...draft, target: "" }, { ...state.draft, target: "" }) ? state : { ...state, draft };
}

export function reduceTrace(state: TraceState, action: TraceAction): TraceState {
  switch (action.type) {
    case "setTrace": {
      const query = action.query ? normalizeQuery(action.query) : null;
      // The same question again keeps the state, so history gets no duplicate entry.
      if (sameQuery(query, state.query)) return state;
      return { ...state, query, focus: null, pinned: null };
    }
    case "editTrace": {
      if (!state.query) return state;
      const query = normalizeQuery({ ...state.query, ...action.change });
      return sameQuery(query, state.query) ? state : { ...state, query, focus: null, pinned: null };
    }
    case "traceForm": {
      const { change } = action;
      if (state.query) return reduceTrace(state, { type: "editTrace", change });
      if (change.target)
        return reduceTrace(state, {
          type: "setTrace",
          query: { ...state.draft, ...change, target: change.target },
        });
      return withDraft(state, change);
    }
    case "focusTraceResult": {
      const focus = action.node ?? state.pinned;
      return state.focus === focus ? state : { ...state, focus };
    }
    case "pinTraceResult":
      if (!state.query || (state.pinned === action.node && state.focus === action.node)) return state;
      return { ...state, pinned: action.node, focus: action.node };
  }
}

/** A trace with its reading and the sets the graph needs, computed once per question. */
export interface TraceAnswer {
  query: TraceQuery;
  trace: Trace;
  /** The answer in words, the direct ties and the chains grouped by the node they pass through. */
  reading: TraceReading;
  /** Every node and claim on some result's path, the target included. */
  all: Emphasis;
  /**
   * Each result's own paths, by result node; for a node that chains only pass through (one the kinds
   * leave out of the results), the paths through it. What clicking or hovering that node keeps bright.
   */
  byResult: ReadonlyMap<string, Emphasis>;
}

/**
 * Computes an answer, or the engine's error (an unknown id) as a message. `cache` is the caller's
 * (graph/trace.ts's createTraceCache), reused across questions on the same graph.
 */
export function answerTrace(
  graph: LinkageGraph,
  query: TraceQuery,
  cache: TraceCache | null = null,
): { ok: true; answer: TraceAnswer } | { ok: false; message: string } {
  let trace: Trace;
  try {
    trace = traceLinkages(graph, {
      target: query.target,
      holder: query.holder,
      depth: query.depth,
      relations: query.relations,
      attribution: query.attribution ?? null,
      kinds: query.kinds ?? null,
      cache,
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const allNodes = new Set<string>([trace.target]);
  const allClaims = new Set<string>();
  const byResult = new Map<string, { nodes: Set<string>; claims: Set<string> }>();
  const passing = new Map<string, { nodes: Set<string>; claims: Set<string> }>();
  const add = (sets: typeof byResult, node: string, path: LinkagePath) => {
    let found = sets.get(node);
    if (!found) {
      found = { nodes: new Set(), claims: new Set() };
      sets.set(node, found);
    }
    for (const id of path.nodes) found.nodes.add(id);
    for (const claim of path.claims) found.claims.add(claim.id);
  };
  for (const result of trace.results) {
    for (const path of result.paths) {
      add(byResult, result.node, path);
      for (const node of path.nodes) allNodes.add(node);
      for (const claim of path.claims) allClaims.add(claim.id);
      for (const node of path.nodes.slice(1, -1)) add(passing, node, path);
    }
  }
  for (const [node, sets] of passing) if (!byResult.has(node)) byResult.set(node, sets);
  const all = { nodes: allNodes, claims: allClaims };
  const reading = readTrace(graph, trace);
  return { ok: true, answer: { query, trace, reading, all, byResult } };
}

/** Remembers the last answer per question object: the store hands the same object until it changes. */
export function traceAnswers(
  graph: LinkageGraph,
  cache: TraceCache | null = null,
): (query: TraceQuery | null) => TraceAnswer | null {
  let last: { query: TraceQuery; answer: TraceAnswer | null } | null = null;
  return (query) => {
    if (!query) return null;
    if (last?.query !== query) {
      const result = answerTrace(graph, query, cache);
      last = { query, answer: result.ok ? result.answer : null };
    }
    return last.answer;
  };
}

/**
 * The trace's part in what stays bright: the focused result's own paths, else every path. Null when
 * no trace is open, so the next source (the selection) decides. Hover over the graph ranks above this.
 */
export function traceEmphasis(answer: TraceAnswer | null, focus: string | null): Emphasis | null {
  if (!answer) return null;
  return (focus ? answer.byResult.get(focus) : undefined) ?? answer.all;
}

/** Claims of the trace that the filters hide, for the panel to say that the graph shows less. */
export function hiddenTraceClaims(answer: TraceAnswer, visibleClaims: ReadonlySet<string>): number {
  let hidden = 0;
  for (const claim of answer.all.claims) if (!visibleClaims.has(claim)) hidden++;
  return hidden;
}
