// The trace's answer: the question in words, what was followed, the evidence brief to download or
// copy as Markdown (graph/trace-brief.ts), a note when the filters hide part of it on the network,
// and the results grouped by distance (trace-result.ts). Watches the answer, the focused result and
// what is visible; dispatches setTrace (close) and, through the results, select and focusTraceResult.
import { findingIndex } from "../../graph/build.ts";
import { traceBrief, traceQuestion } from "../../graph/trace-brief.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { ATTRIBUTION_STYLES, RELATION_STYLES } from "../../model/vocabulary.ts";
import type { Derived } from "../state/derived.ts";
import { type Store, watch } from "../state/store.ts";
import { hiddenTraceClaims, type TraceAnswer, type TraceQuery } from "../state/trace.ts";
import { presetFor } from "../state/trace-presets.ts";
import { el } from "./dom.ts";
import { type ResultContext, resultItem } from "./trace-result.ts";

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A file name a reader recognises: `trace-taiwan-arms-sales-by-china-depth-2.md`. */
function briefFileName(query: TraceQuery): string {
  const slug = (id: string) => id.replace(/^[a-z]+:/, "").replace(/[^a-z0-9-]+/gi, "-");
  const holder = query.holder ? `-by-${slug(query.holder)}` : "";
  return `trace-${slug(query.target)}${holder}-depth-${query.depth}.md`;
}

/** The question in words: the preset's, or one made from the trace. */
export function questionOf(graph: LinkageGraph, answer: TraceAnswer): string {
  return presetFor(answer.query)?.question ?? traceQuestion(graph, answer.trace);
}

/** The Download and Copy buttons of the brief, and the line that says what they did. */
function briefActions(graph: LinkageGraph, answer: () => TraceAnswer | null) {
  const status = el("p", { class: "trace-brief-status", attrs: { role: "status", "aria-live": "polite" } });
  const brief = () => {
    const shown = answer();
    return shown
      ? {
          shown,
          markdown: traceBrief(graph, shown.trace, {
            question: questionOf(graph, shown),
            link: window.location.href,
          }),
        }
      : null;
  };
  const download = () => {
    const current = brief();
    if (!current) return;
    const name = briefFileName(current.shown.query);
    const url = URL.createObjectURL(new Blob([current.markdown], { type: "text/markdown;charset=utf-8" }));
    const link = el("a", { attrs: { href: url, download: name, hidden: true } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = `Downloaded ${name}.`;
  };
  const copy = async () => {
    const current = brief();
    if (!current) return;
    try {
      await navigator.clipboard.writeText(current.markdown);
      status.textContent = "The brief is on the clipboard, as Markdown.";
    } catch {
      status.textContent = "This browser did not allow copying; download the brief instead.";
    }
  };
  const buttons = el(
    "div",
    { class: "trace-brief" },
    el("button", {
      class: "button",
      text: "Download brief (.md)",
      attrs: { type: "button" },
      on: { click: download },
    }),
    el("button", {
      class: "button button-quiet",
      text: "Copy",
      attrs: { type: "button", "aria-label": "Copy the brief as Markdown" },
      on: { click: () => void copy() },
    }),
  );
  return { elements: [buttons, status], clear: () => (status.textContent = "") };
}

/** What the trace followed, in one line: from where, whose claims, which relations, how far, how many. */
function metaLine(label: (id: string) => string, answer: TraceAnswer): string {
  const { trace } = answer;
  const holder = trace.holder ? `claims held by ${label(trace.holder)}` : "claims held by anyone";
  const relations = trace.relations.map((r) => RELATION_STYLES[r].label.toLowerCase()).join(", ");
  const stated = trace.attribution
    ? ` · ${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} only`
    : "";
  return `From ${label(trace.target)} · ${holder} · ${relations}${stated} · up to ${plural(trace.depth, "claim")}. ${plural(trace.results.length, "node")} reached.`;
}

/** The results under their distances, numbered across the groups; or why nothing is reached. */
function resultGroups(context: ResultContext, answer: TraceAnswer): HTMLElement[] {
  const { trace } = answer;
  if (trace.results.length === 0) {
    const only = trace.attribution ? `${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} ` : "";
    return [
      el("p", {
        class: "hint",
        text: `Nothing is reached: no ${only}claim with these relations and this holder touches the target.`,
      }),
    ];
  }
  const groups: HTMLElement[] = [
    el("p", {
      class: "hint trace-legend",
      text: "↓ the claim runs down the chain; ↑ it runs back up (being tied is mutual). Hover a result to see only its chains.",
    }),
  ];
  let index = 0;
  for (let distance = 1; distance <= trace.depth; distance++) {
    const here = trace.results.filter((result) => result.distance === distance);
    if (!here.length) continue;
    groups.push(
      el(
        "section",
        { class: "trace-group", attrs: { "data-distance": distance } },
        el("h4", { class: "group-title", text: `Distance ${distance} · ${plural(here.length, "node")}` }),
        el(
          "ol",
          { class: "trace-result-list" },
          ...here.map((result) => resultItem(context, result, index++)),
        ),
      ),
    );
  }
  return groups;
}

export function createTraceAnswer(store: Store, derived: Derived) {
  const { graph } = derived;
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const context: ResultContext = { store, label, findings: findingIndex(graph) };
  let shown: TraceAnswer | null = null;
  const question = el("h3", { class: "trace-question", id: "trace-question" });
  const meta = el("p", { class: "trace-meta" });
  const hiddenNote = el("p", { class: "note note-warning trace-hidden-note", attrs: { hidden: true } });
  const results = el("div", { class: "trace-results" });
  const brief = briefActions(graph, () => shown);
  const element = el(
    "div",
    { class: "trace-answer", attrs: { hidden: true, "aria-labelledby": "trace-question" } },
    el(
      "div",
      { class: "trace-answer-head" },
      question,
      el("button", {
        class: "notice-close trace-close",
        text: "×",
        attrs: { type: "button", "aria-label": "Close the trace" },
        on: { click: () => store.dispatch({ type: "setTrace", query: null }) },
      }),
    ),
    meta,
    ...brief.elements,
    hiddenNote,
    results,
  );

  const show = (answer: TraceAnswer | null) => {
    shown = answer;
    brief.clear();
    element.hidden = !answer;
    if (!answer) return results.replaceChildren();
    question.textContent = questionOf(graph, answer);
    meta.textContent = metaLine(label, answer);
    results.replaceChildren(...resultGroups(context, answer));
  };
  watch(store, (state) => derived.traceAnswer(state.trace.query), show);
  watch(
    store,
    (state) => state.trace.focus,
    (focus) => {
      for (const item of results.querySelectorAll<HTMLElement>(".trace-result"))
        item.classList.toggle("is-focused", item.dataset.node === focus);
    },
  );
  watch(
    store,
    (state) => ({ answer: derived.traceAnswer(state.trace.query), visibility: derived.visibility(state) }),
    ({ answer, visibility }) => {
      const hidden = answer ? hiddenTraceClaims(answer, visibility.claims) : 0;
      hiddenNote.hidden = hidden === 0;
      hiddenNote.textContent = hidden
        ? `The filters hide ${plural(hidden, "claim")} of this trace on the network; the list still shows every chain.`
        : "";
    },
  );
  return { element };
}
