// The questions the document raises, as one typed table of trace presets: the start screen and the
// Trace panel list them, and a question matching one is shown in its words. Pure data and lookups.
import type { LinkageGraph } from "../../graph/types.ts";
import { sameQuery, type TraceQuery } from "./trace.ts";

export interface TracePreset {
  id: string;
  question: string;
  /** Why the document raises it, shown under the question. */
  hint: string;
  query: TraceQuery;
}

export const TRACE_PRESETS: readonly TracePreset[] = [
  {
    id: "china-taiwan-arms-sales",
    question: "Which issues does China tie to US arms sales to Taiwan?",
    hint: "F3: cooperation contingent on arms sales",
    query: { target: "issue:taiwan-arms-sales", holder: "actor:china", depth: 2, relations: ["links-to"] },
  },
  {
    id: "china-fmct",
    question: "What does China tie to the FMCT?",
    hint: "F8: cutoff talks and an outer-space ban",
    query: { target: "treaty:fmct", holder: "actor:china", depth: 2, relations: ["links-to"] },
  },
  {
    id: "us-missile-defense",
    question: "What does the US tie to missile defense?",
    hint: "NMD, the ABM Treaty, strategic stability",
    query: { target: "issue:nmd", holder: "actor:us", depth: 2, relations: ["links-to"] },
  },
  {
    id: "china-nonproliferation-cooperation",
    question: "What does China tie to US–China nonproliferation cooperation?",
    hint: "What cooperation depends on, and leads to",
    query: {
      target: "issue:nonproliferation-cooperation",
      holder: "actor:china",
      depth: 1,
      relations: ["links-to"],
    },
  },
];

/** The presets whose nodes this graph has (another graph-data may lack some). */
export function availablePresets(graph: LinkageGraph): TracePreset[] {
  return TRACE_PRESETS.filter(
    ({ query }) => graph.hasNode(query.target) && (query.holder === null || graph.hasNode(query.holder)),
  );
}

/**
 * The preset this question is, whatever the "Stated claims only" switch says: the question reads the
 * same with it on, it only admits fewer claims.
 */
export function presetFor(query: TraceQuery | null): TracePreset | undefined {
  if (!query) return undefined;
  return TRACE_PRESETS.find((preset) =>
    sameQuery({ ...preset.query, attribution: query.attribution ?? null }, query),
  );
}
