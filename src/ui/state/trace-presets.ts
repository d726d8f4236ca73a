// The trace questions of the question bank (questions.ts) in the shape the first presets had, for the
// callers that still read them that way (tests/browser/labels.test.ts). New code reads questions.ts.
import type { LinkageGraph } from "../../graph/types.ts";
import { availableQuestions, type Question, questionHint } from "./questions.ts";
import type { TraceQuery } from "./trace.ts";

export interface TracePreset {
  id: string;
  question: string;
  hint: string;
  query: TraceQuery;
}

/** The trace questions whose nodes this graph has. */
export function availablePresets(graph: LinkageGraph): TracePreset[] {
  return availableQuestions(graph).flatMap((question: Question) =>
    question.kind === "trace"
      ? [
          {
            id: question.id,
            question: question.text,
            hint: questionHint(graph, question),
            query: question.query,
          },
        ]
      : [],
  );
}
