// The trace's answer, in the wide right panel: the question, the answer in one or two sentences
// (graph/answer.ts's readTrace), what was followed, the brief to download or copy (trace-brief.ts), a
// note when the filters hide part of it on the network, then the direct ties and the longer chains
// grouped by the node they pass through, each group collapsible and each step written once
// (trace-steps.ts), and the findings cited. Watches the answer, the focused and pinned nodes and what
// is visible; dispatches setTrace (close), pinTraceResult and focusTraceResult.
import type { ChainGroup, DirectTie } from "../../graph/answer.ts";
import { type FindingRecord, findingIndex } from "../../graph/build.ts";
import { countOf, kindNoun, labelOf, listOf } from "../../graph/sentences.ts";
import { traceBrief } from "../../graph/trace-brief.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { ATTRIBUTION_STYLES, RELATION_STYLES } from "../../model/vocabulary.ts";
import type { Derived } from "../state/derived.ts";
import { traceQuestionFor } from "../state/questions.ts";
import { type Store, watch } from "../state/store.ts";
import { hiddenTraceClaims, type TraceAnswer, type TraceQuery } from "../state/trace.ts";
import { answerFrame } from "./answer-frame.ts";
import { type Brief, slugOf } from "./brief-actions.ts";
import { findingNames } from "./claim-reading.ts";
import { el } from "./dom.ts";
import { chainTree, focusOnHover, type StepContext, stepItem } from "./trace-steps.ts";

/** A file name a reader recognises: `trace-taiwan-arms-sales-by-china-depth-2.md`. */
function briefFileName(query: TraceQuery): string {
  const holder = query.holder ? `-by-${slugOf(query.holder)}` : "";
  return `trace-${slugOf(query.target)}${holder}-depth-${query.depth}.md`;
}

/** The brief of the answer shown, as the graph layer writes it, and its file's name. */
function briefFile(graph: LinkageGraph, answer: TraceAnswer): Brief {
  const markdown = traceBrief(graph, answer.trace, {
    question: questionOf(answer),
    link: window.location.href,
  });
  return { markdown, fileName: briefFileName(answer.query) };
}

/** The question in words: the question bank's, or one made from the trace. */
export function questionOf(answer: TraceAnswer): string {
  return traceQuestionFor(answer.query)?.text ?? answer.reading.question;
}

/** What the trace followed, in one line: from where, whose claims, which relations and kinds, how far. */
function metaLine(graph: LinkageGraph, answer: TraceAnswer): string {
  const { trace } = answer;
  const parts = [
    `From ${labelOf(graph, trace.target)}`,
    trace.holder ? `claims held by ${labelOf(graph, trace.holder)}` : "claims held by anyone",
    listOf(trace.relations.map((r) => RELATION_STYLES[r].label.toLowerCase())),
  ];
  if (trace.attribution) parts.push(`${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} only`);
  if (trace.kinds) parts.push(`${kindNoun(trace.kinds).many} only`);
  parts.push(`chains of up to ${countOf(trace.depth, "claim")}`);
  return `${parts.join(" · ")}.`;
}

/** A collapsible part of the answer, open at first. */
function section(className: string, title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return el(
    "details",
    { class: `answer-section ${className}`, attrs: { open: true } },
    el("summary", {}, el("h3", { class: "answer-section-title", text: title })),
    ...content,
  );
}

function directTies(context: StepContext, ties: readonly DirectTie[]): HTMLElement {
  return section(
    "trace-direct",
    `Direct ties (${ties.length})`,
    el(
      "ol",
      { class: "trace-ties" },
      ...ties.flatMap((tie) => tie.steps.map((step) => stepItem(context, step, tie.node, "trace-result"))),
    ),
  );
}

function throughGroup(context: StepContext, graph: LinkageGraph, target: string, group: ChainGroup) {
  const goOn = `${countOf(group.chains, "chain goes", "chains go")} on`;
  const lead = group.direct
    ? [el("p", { class: "hint", text: `A direct tie (above), from which ${goOn}:` })]
    : [
        el("p", { class: "hint", text: `Tied to ${labelOf(graph, target)} by:` }),
        el("ol", { class: "trace-ties" }, ...group.first.map((step) => stepItem(context, step, group.via))),
        el("p", { class: "hint", text: `From there ${goOn}:` }),
      ];
  const element = section("trace-through", `Through ${group.label}`, ...lead, chainTree(context, group.next));
  element.dataset.via = group.via;
  return element;
}

function findingsCited(findings: ReadonlyMap<string, FindingRecord>, refs: readonly string[]): HTMLElement {
  return el(
    "details",
    { class: "answer-section trace-findings" },
    el("summary", {}, el("h3", { class: "answer-section-title", text: `Findings cited (${refs.length})` })),
    el(
      "ul",
      { class: "finding-list" },
      ...refs.map((ref) => {
        const finding = findings.get(ref);
        return el(
          "li",
          { class: "finding" },
          el("span", { class: "finding-id", text: finding?.id ?? ref }),
          el("span", {
            class: "finding-summary",
            text: finding?.summary ?? "Not among the loaded findings.",
          }),
        );
      }),
    ),
  );
}

/** The answer's body: the ties, the chains through each node, the findings; or why nothing is reached. */
function answerBody(
  context: StepContext & { findings: ReadonlyMap<string, FindingRecord> },
  graph: LinkageGraph,
  answer: TraceAnswer,
): HTMLElement[] {
  const { reading, trace } = answer;
  if (trace.results.length === 0) return [];
  return [
    ...(reading.direct.length ? [directTies(context, reading.direct)] : []),
    ...reading.groups.map((group) => throughGroup(context, graph, trace.target, group)),
    findingsCited(context.findings, reading.findings),
  ];
}

export function createTraceAnswer(store: Store, derived: Derived) {
  const { graph } = derived;
  const findings = findingIndex(graph);
  const context: StepContext = { store, names: findingNames(graph, findings) };
  const meta = el("p", { class: "trace-meta" });
  const hiddenNote = el("p", { class: "note note-warning trace-hidden-note", attrs: { hidden: true } });
  const close = () => store.dispatch({ type: "setTrace", query: null });
  const frame = answerFrame<TraceAnswer>(
    "Trace",
    (answer) => briefFile(graph, answer),
    close,
    meta,
    hiddenNote,
  );
  const { element, question, sentence, body } = frame;
  focusOnHover(store, body);

  watch(
    store,
    (state) => derived.traceAnswer(state.trace.query),
    (answer) => {
      frame.show(answer);
      if (!answer) return body.replaceChildren();
      question.textContent = questionOf(answer);
      sentence.textContent = answer.reading.answer;
      meta.textContent = metaLine(graph, answer);
      body.replaceChildren(...answerBody({ ...context, findings }, graph, answer));
    },
  );
  watch(
    store,
    (state) => ({
      answer: derived.traceAnswer(state.trace.query),
      focus: state.trace.focus,
      pinned: state.trace.pinned,
    }),
    ({ focus, pinned }) => {
      for (const item of body.querySelectorAll<HTMLElement>(".trace-step")) {
        item.classList.toggle("is-focused", item.dataset.node === focus);
        item
          .querySelector(".trace-step-sentence")
          ?.setAttribute("aria-pressed", String(item.dataset.node === pinned));
      }
    },
  );
  watch(
    store,
    (state) => ({ answer: derived.traceAnswer(state.trace.query), visibility: derived.visibility(state) }),
    ({ answer, visibility }) => {
      const hidden = answer ? hiddenTraceClaims(answer, visibility.claims) : 0;
      hiddenNote.hidden = hidden === 0;
      hiddenNote.textContent = hidden
        ? `The filters hide ${countOf(hidden, "claim")} of this trace on the network; the answer still lists every chain.`
        : "";
    },
  );
  return { element };
}
