// What views and controllers read besides the state itself: what the filters leave visible and its
// counts, the trace's answer, the lens or Compare layer (with Compare's lists) and the findings tour. Each is computed once
// per input and shared, so the explorer builds one of each. Owns the trace engine's cache for the
// graph (graph/trace.ts), and kills it on dispose. Calls filters.ts, trace.ts and perspective-layer.ts.
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

export interface Derived {
  graph: LinkageGraph;
  /** What the filters leave visible: the same object until the filters change. */
  visibility(state: ExplorerState): Visibility;
  /** The sidebar's counts of what is visible: the same object for the same visibility. */
  counts(visibility: Visibility): VisibleCounts;
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
