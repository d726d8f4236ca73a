// The question bank: the questions an analyst asks of the document, each answered by a trace or by a
// comparison narrowed to a topic, one typed table. The start screen and the Questions section list
// them; an open trace or comparison that matches one is shown in its words. A question is a URL: it
// opens as its trace (trace-url.ts) or its comparison (perspective-url.ts) parameters. The answers are
// written from the data (graph/answer.ts, compare-lists.ts); nothing here says what they are. Pure.
import { countOf, labelOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { type CompareAsk, compareScope, TOPICS } from "./compare-lists.ts";
import type { ExplorerState } from "./explorer-state.ts";
import { SIDES } from "./holders.ts";
import { type ComparePerspective, normalisePerspective, PERSPECTIVE_OFF } from "./perspective.ts";
import { formValues, reduceTrace, sameQuery, type TraceQuery } from "./trace.ts";

interface QuestionBase {
  /** The trace's target without its kind ("taiwan-arms-sales"), or the comparison's topic. */
  id: string;
  text: string;
}

export type Question =
  | (QuestionBase & { kind: "trace"; query: TraceQuery })
  | (QuestionBase & { kind: "compare"; perspective: ComparePerspective & { on: string }; ask: CompareAsk });

const [US, CHINA] = SIDES;

/** What China ties to `target`, over chains of up to `depth` claims. */
const chinaTies = (target: string, depth: number): TraceQuery => ({
  target,
  holder: CHINA,
  depth,
  relations: ["links-to"],
});

type QuestionSpec = { text: string } & ({ trace: TraceQuery } | { on: string; ask: CompareAsk });

// One line a question: what it asks, and the trace or the topic of the comparison that answers it.
const BANK: readonly QuestionSpec[] = [
  { text: "What does China tie to US arms sales to Taiwan?", trace: chinaTies("issue:taiwan-arms-sales", 2) },
  { text: "Where do the US and China differ on missile defence?", on: "missile-defence", ask: "differ" },
  { text: "What do both sides agree on in South Asia?", on: "south-asia", ask: "agree" },
  { text: "What does China make FMCT talks depend on?", trace: chinaTies("treaty:fmct", 1) },
  { text: "What does the document leave open?", on: "left-open", ask: "open" },
];

function questionOf(spec: QuestionSpec): Question {
  if ("trace" in spec)
    return {
      id: spec.trace.target.replace(/^[a-z]+:/, ""),
      text: spec.text,
      kind: "trace",
      query: spec.trace,
    };
  const perspective = { mode: "compare" as const, a: US, b: CHINA, on: spec.on };
  return { id: spec.on, text: spec.text, kind: "compare", perspective, ask: spec.ask };
}

export const QUESTIONS: readonly Question[] = BANK.map(questionOf);

/** What answers a question, in words from the data: shown under it in the bank. */
export function questionHint(graph: LinkageGraph, question: Question): string {
  if (question.kind === "trace") {
    const { target, holder, depth } = question.query;
    const whose = holder ? `${labelOf(graph, holder)}'s` : "everyone's";
    if (depth === 1) return `A trace of ${whose} direct ties to ${labelOf(graph, target)}`;
    return `A trace of ${whose} ties to ${labelOf(graph, target)}, in chains of up to ${countOf(depth, "claim")}`;
  }
  const { a, b, on } = question.perspective;
  const scope = compareScope(graph, on)?.phrase ?? "";
  return `A comparison of ${labelOf(graph, a)} and ${labelOf(graph, b)} ${scope}`.trim();
}

/** The nodes a question needs: another graph-data may lack some. */
function needs(question: Question): string[] {
  if (question.kind === "trace")
    return [question.query.target, ...(question.query.holder ? [question.query.holder] : [])];
  const topic = TOPICS.find((t) => t.id === question.perspective.on);
  return [question.perspective.a, question.perspective.b, ...(topic ? [] : [question.perspective.on])];
}

/** The questions this graph can answer. */
export function availableQuestions(graph: LinkageGraph): Question[] {
  return QUESTIONS.filter((question) => needs(question).every((id) => graph.hasNode(id)));
}

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((question) => question.id === id);
}

/**
 * The question a trace is, whatever the "Stated claims only" switch says: the question reads the same
 * with it on, it only admits fewer claims.
 */
export function traceQuestionFor(query: TraceQuery | null): Question | undefined {
  if (!query) return undefined;
  return QUESTIONS.find(
    (question) =>
      question.kind === "trace" &&
      sameQuery({ ...question.query, attribution: query.attribution ?? null }, query),
  );
}

/** The question a comparison is: the same holders, in the same order, on the same topic. */
export function compareQuestionFor(perspective: ExplorerState["perspectives"]["perspective"]) {
  if (perspective.mode !== "compare" || !perspective.on) return undefined;
  return QUESTIONS.find(
    (question): question is Extract<Question, { kind: "compare" }> =>
      question.kind === "compare" &&
      question.perspective.a === perspective.a &&
      question.perspective.b === perspective.b &&
      question.perspective.on === perspective.on,
  );
}

/** The question open now: the trace's (which the answer panel shows first), else the comparison's. */
export function openQuestion(state: Pick<ExplorerState, "trace" | "perspectives">): Question | undefined {
  return state.trace.query
    ? traceQuestionFor(state.trace.query)
    : compareQuestionFor(state.perspectives.perspective);
}

/**
 * Asks a question of the bank: its trace (the "Stated claims only" switch kept as it is) or its
 * comparison. Either way the answer panel shows it: the selection is let go, and a comparison closes
 * the trace, which the panel would otherwise show first; a trace turns a comparison off.
 */
export function askQuestion(state: ExplorerState, id: string): ExplorerState {
  const question = questionById(id);
  if (!question) return state;
  if (question.kind === "trace") {
    const attribution = formValues(state.trace).attribution ?? null;
    const trace = reduceTrace(state.trace, { type: "setTrace", query: { ...question.query, attribution } });
    const perspective =
      state.perspectives.perspective.mode === "compare" ? PERSPECTIVE_OFF : state.perspectives.perspective;
    return { ...state, trace, selection: null, perspectives: { ...state.perspectives, perspective } };
  }
  const trace = reduceTrace(state.trace, { type: "setTrace", query: null });
  const perspective = normalisePerspective(question.perspective);
  return { ...state, trace, selection: null, perspectives: { ...state.perspectives, perspective } };
}
