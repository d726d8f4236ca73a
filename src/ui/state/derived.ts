// What views and controllers read besides the state itself: what the filters leave visible and its
// counts, how the network is drawn for that many claims, the trace's answer, the lens or Compare layer
// (with Compare's lists) and the findings tour. Each is computed once per input and shared, so the
// explorer builds one of each. Owns the trace engine's cache for the graph (graph/trace.ts), and kills
// it on dispose. Calls filters.ts, trace.ts and perspective-layer.ts.
import type { TourStep } from "../../graph/findings-tour.ts";
import { createTraceCache } from "../../graph/trace.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { ExplorerState } from "./explorer-state.ts";
import { countVisible, type Visibility, type VisibleCounts, visibilityCache } from "./filters.ts";
import {
  createPerspectiveCache,
  type PerspectiveCache,
  type PerspectiveLayer,
  tourStep,
} from "./perspective-layer.ts";
import { type TraceAnswer, type TraceQuery, traceAnswers } from "./trace.ts";

/**
 * How the network is drawn. Rich: curves between parallel claims, dashes and end marks, every label
 * placed, each item dimmed on its own. Plain: straight lines only, a few labels, and the dimmed rest
 * faded by two numbers of the programs rather than item by item, so drawing and every state change
 * stay affordable.
 */
export type Drawing = "rich" | "plain";

/**
 * From this many visible claims the network is drawn plain. In software WebGL, a frame of 100,000
 * rich claims took about 35 s, several times a plain one; below this count rich frames stay short.
 */
export const PLAIN_DRAWING_FROM = 10_000;

export function drawingFor(visibleClaims: number): Drawing {
  return visibleClaims >= PLAIN_DRAWING_FROM ? "plain" : "rich";
}

export interface Derived {
  graph: LinkageGraph;
  /** What the filters leave visible: the same object until the filters change. */
  visibility(state: ExplorerState): Visibility;
  /** The sidebar's counts of what is visible: the same object for the same visibility. */
  counts(visibility: Visibility): VisibleCounts;
  /** How the network is drawn for what the filters show (the legend says so when it is plain). */
  drawing(state: ExplorerState): Drawing;
  /** The trace's answer, once per question; null without a question or for an unknown id. */
  traceAnswer(query: TraceQuery | null): TraceAnswer | null;
  /** The lens or Compare layer and the findings tour, each remembered for its inputs. */
  perspectives: PerspectiveCache;
  /** The lens or Compare layer for the state's perspective under its filters (null when off). */
  layer(state: ExplorerState): PerspectiveLayer | null;
  /** A claim's source and target; none for an unknown id. */
  claimEnds(claim: string): readonly string[];
  /** The open tour's step under the filters, or null without a tour. */
  tourStep(state: ExplorerState): TourStep | null;
  /** Removes the listeners the trace cache added to the graph: the explorer is being replaced. */
  dispose(): void;
}

export function createDerived(graph: LinkageGraph): Derived {
  const visibilityFor = visibilityCache(graph);
  let counted: { visibility: Visibility; counts: VisibleCounts } | null = null;
  const perspectives = createPerspectiveCache(graph);
  // The domain graph is never written by the explorer, so the cache stays good for its whole life.
  const traceCache = createTraceCache(graph);
  const visibility = (state: ExplorerState) => visibilityFor(state.filters);
  return {
    graph,
    visibility,
    counts(shown) {
      if (counted?.visibility !== shown) counted = { visibility: shown, counts: countVisible(graph, shown) };
      return counted.counts;
    },
    drawing: (state) => drawingFor(visibility(state).claims.size),
    traceAnswer: traceAnswers(graph, traceCache),
    perspectives,
    layer: (state) => perspectives.layer(state.perspectives.perspective, visibility(state)),
    claimEnds: (claim) => (graph.hasEdge(claim) ? graph.extremities(claim) : []),
    tourStep(state) {
      const position = state.perspectives.tour;
      if (!position) return null;
      const tour = perspectives.tour(position.source, visibility(state));
      return tour ? tourStep(tour, position) : null;
    },
    dispose: () => traceCache.kill(),
  };
}
