// The Trace panel's pure state: the question asked (target, holder, depth, relations, stated only), the
// form's draft while no question is open, which result the pointer or keyboard is on, the transitions
// between them, and the answer computed once per question with each result's own path sets.
// Calls the graph engine (src/graph/trace.ts); no DOM, no sigma.
import {
  DEFAULT_TRACE_RELATIONS,
  TRACE_DEPTH,
  type Trace,
  type TraceAttribution,
  type TraceCache,
  traceLinkages,
} from "../../graph/trace.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { RELATIONS, type Relation } from "../../model/vocabulary.ts";
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
}

/** The form's values before a target is chosen: the question it will ask, less its target. */
export type TraceDraft = Omit<TraceQuery, "target">;

export interface TraceState {
  query: TraceQuery | null;
  /** The result (a node id) hovered or keyboard-focused in the list: only its paths stay bright. */
  focus: string | null;
  /** What the form holds while no question is open; an open question keeps it for when it closes. */
  draft: TraceDraft;
}

export const INITIAL_TRACE: TraceState = {
  query: null,
  focus: null,
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
  | { type: "focusTraceResult"; node: string | null };

export const TRACE_ACTIONS = [
  "setTrace",
  "editTrace",
  "traceForm",
  "focusTraceResult",
] as const satisfies readonly TraceAction["type"][];

export function isTraceAction(action: { type: string }): action is TraceAction {
  return (TRACE_ACTIONS as readonly string[]).includes(action.type);
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
  };
}

export function sameQuery(a: TraceQuery | null, b: TraceQuery | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.target === b.target &&
    a.holder === b.holder &&
    a.depth === b.depth &&
    (a.attribution ?? null) === (b.attribution ?? null) &&
    a.relations.length === b.relations.length &&
    a.relations.every((relation, i) => b.relations[i] === relation)
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
      return { ...state, query, focus: null };
    }
    case "editTrace": {
      if (!state.query) return state;
      const query = normalizeQuery({ ...state.query, ...action.change });
      return sameQuery(query, state.query) ? state : { ...state, query, focus: null };
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
    case "focusTraceResult":
      return state.focus === action.node ? state : { ...state, focus: action.node };
  }
}

/** A trace with the sets the graph needs, computed once per question so hovering costs nothing. */
export interface TraceAnswer {
  query: TraceQuery;
  trace: Trace;
  /** Every node and claim on some result's path, the target included. */
  all: Emphasis;
  /** Each result's own paths, by result node. */
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
      cache,
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const allNodes = new Set<string>([trace.target]);
  const allClaims = new Set<string>();
  const byResult = new Map<string, Emphasis>();
  for (const result of trace.results) {
    const nodes = new Set<string>();
    const claims = new Set<string>();
    for (const path of result.paths) {
      for (const node of path.nodes) {
        nodes.add(node);
        allNodes.add(node);
      }
      for (const claim of path.claims) {
        claims.add(claim.id);
        allClaims.add(claim.id);
      }
    }
    byResult.set(result.node, { nodes, claims });
  }
  return { ok: true, answer: { query, trace, all: { nodes: allNodes, claims: allClaims }, byResult } };
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
