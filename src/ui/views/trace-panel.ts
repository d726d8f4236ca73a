// The Trace panel: the preset questions, the "Stated claims only" switch, a form (target by search,
// holder, depth, relations), and the answer as a list grouped by distance, each result with its chains
// and findings, each step saying who says it. Hovering or focusing a result focuses its paths on the
// graph; the evidence brief (graph/trace-brief.ts, used as it is) downloads or copies as Markdown.
// Reads the state and the precomputed answer; writes only actions. Text reaches the DOM as text.
import { findingIndex } from "../../graph/build.ts";
import { claimVoice } from "../../graph/records.ts";
import type { SearchIndex } from "../../graph/search.ts";
import { pathSteps, TRACE_DEPTH, type TraceResult } from "../../graph/trace.ts";
import { traceBrief, traceQuestion } from "../../graph/trace-brief.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import {
  ATTRIBUTION_STYLES,
  KIND_STYLES,
  RELATION_STYLES,
  RELATIONS,
  type Relation,
} from "../../model/vocabulary.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import { SIDES } from "../state/holders.ts";
import type { Store } from "../state/store.ts";
import { hiddenTraceClaims, type TraceAnswer, type TraceQuery, toggleTraceRelation } from "../state/trace.ts";
import { availablePresets, presetFor } from "../state/trace-presets.ts";
import { createNodeCombobox } from "./combobox.ts";
import { el, kindSwatch, relationSwatch } from "./dom.ts";
import "./trace-panel.css";

export interface TracePanelOptions {
  index: SearchIndex;
  answerOf: (query: TraceQuery | null) => TraceAnswer | null;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A file name a reader recognises: `trace-taiwan-arms-sales-by-china-depth-2.md`. */
function briefFileName(query: TraceQuery): string {
  const slug = (id: string) => id.replace(/^[a-z]+:/, "").replace(/[^a-z0-9-]+/gi, "-");
  const holder = query.holder ? `-by-${slug(query.holder)}` : "";
  return `trace-${slug(query.target)}${holder}-depth-${query.depth}.md`;
}

export function createTracePanel(store: Store, graph: LinkageGraph, options: TracePanelOptions) {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const findings = findingIndex(graph);
  const presets = availablePresets(graph);
  const actors = graph
    .filterNodes((_node, attributes) => attributes.kind === "actor")
    .sort((a, b) => {
      const rank = (id: string) => (SIDES.includes(id as (typeof SIDES)[number]) ? 0 : 1);
      return rank(a) - rank(b) || label(a).localeCompare(label(b));
    });

  const selectNode = (node: string) =>
    store.dispatch({ type: "select", selection: { type: "node", id: node }, focus: true });

  /** The form's values while no question is open; once one is, the form shows the question. */
  let draft: Omit<TraceQuery, "target"> = {
    holder: null,
    depth: TRACE_DEPTH.default,
    relations: ["links-to"],
    attribution: null,
  };
  const ask = (change: Partial<TraceQuery>) => {
    const query = store.getState().trace.query;
    if (query) store.dispatch({ type: "editTrace", change });
    else if (change.target)
      store.dispatch({ type: "setTrace", query: { ...draft, ...change, target: change.target } });
    else {
      draft = { ...draft, ...change };
      render(store.getState());
    }
  };

  // Presets: one click from the start screen.
  const presetButtons = presets.map((preset) =>
    el(
      "button",
      {
        class: "trace-preset",
        attrs: { type: "button", "aria-pressed": "false", "data-preset": preset.id },
        on: {
          // The switch stays as it is: a preset asks its question of the claims the switch admits.
          click: () => {
            const attribution = store.getState().trace.query?.attribution ?? draft.attribution ?? null;
            store.dispatch({ type: "setTrace", query: { ...preset.query, attribution } });
          },
        },
      },
      el("span", { class: "trace-preset-question", text: preset.question }),
      el("span", { class: "trace-preset-hint", text: preset.hint }),
    ),
  );

  // The target: a small combobox over the same search index as the header's.
  const { input: targetInput, listbox: targetList } = createNodeCombobox({
    index: options.index,
    inputId: "trace-target",
    inputClass: "trace-input",
    placeholder: "Search an issue, treaty or actor…",
    listboxId: "trace-target-results",
    listboxClass: "search-results trace-target-results",
    listboxLabel: "Nodes to trace from",
    optionIdPrefix: "trace-target-option-",
    meta: (hit) => KIND_STYLES[hit.kind].label,
    onChoose: (hit) => {
      ask({ target: hit.id });
      targetInput.value = hit.label;
    },
  });

  const holderSelect = el(
    "select",
    {
      id: "trace-holder",
      on: { change: () => ask({ holder: holderSelect.value === "" ? null : holderSelect.value }) },
    },
    el("option", { text: "Anyone", attrs: { value: "" } }),
    ...actors.map((actor) => el("option", { text: label(actor), attrs: { value: actor } })),
  );
  const depthSelect = el(
    "select",
    { id: "trace-depth", on: { change: () => ask({ depth: Number(depthSelect.value) }) } },
    ...Array.from({ length: TRACE_DEPTH.max - TRACE_DEPTH.min + 1 }, (_, i) => {
      const depth = TRACE_DEPTH.min + i;
      return el("option", { text: plural(depth, "claim"), attrs: { value: depth } });
    }),
  );
  const relationBoxes = new Map<Relation, HTMLInputElement>();
  const relationFields = RELATIONS.map((relation) => {
    const box = el("input", {
      attrs: { type: "checkbox", value: relation },
      on: {
        change: () => {
          const current = store.getState().trace.query?.relations ?? draft.relations;
          ask({ relations: toggleTraceRelation(current, relation) });
        },
      },
    });
    relationBoxes.set(relation, box);
    return el(
      "label",
      { class: "trace-relation" },
      box,
      relationSwatch(relation),
      el("span", { text: RELATION_STYLES[relation].label }),
    );
  });

  // "Stated claims only": a trace that follows only what the document attributes to its holders.
  const statedSwitch = el("input", {
    id: "trace-stated",
    attrs: { type: "checkbox", role: "switch", "aria-describedby": "trace-stated-hint" },
    on: { change: () => ask({ attribution: statedSwitch.checked ? "stated" : null }) },
  });
  const statedField = el(
    "div",
    { class: "trace-switch" },
    statedSwitch,
    el("label", { text: "Stated claims only", attrs: { for: "trace-stated" } }),
    el("p", {
      class: "hint",
      id: "trace-stated-hint",
      text: `Leaves out ${ATTRIBUTION_STYLES.inferred.label.toLowerCase()} holders and what ${ATTRIBUTION_STYLES.document.label.toLowerCase()} in its own voice.`,
    }),
  );

  const form = el(
    "details",
    { class: "trace-form" },
    el("summary", { text: "Ask your own question" }),
    el(
      "div",
      { class: "trace-fields" },
      el(
        "div",
        { class: "field trace-target" },
        el("label", { text: "Trace from", attrs: { for: "trace-target" } }),
        targetInput,
        targetList,
      ),
      el(
        "div",
        { class: "trace-field-row" },
        el(
          "div",
          { class: "field" },
          el("label", { text: "Claims held by", attrs: { for: "trace-holder" } }),
          holderSelect,
        ),
        el(
          "div",
          { class: "field" },
          el("label", { text: "Up to", attrs: { for: "trace-depth" } }),
          depthSelect,
        ),
      ),
      el("fieldset", { class: "trace-relations" }, el("legend", { text: "Following" }), ...relationFields),
    ),
  );

  // The answer.
  const question = el("h3", { class: "trace-question", id: "trace-question" });
  const meta = el("p", { class: "trace-meta" });
  const hiddenNote = el("p", { class: "note note-warning trace-hidden-note", attrs: { hidden: true } });
  const briefStatus = el("p", {
    class: "trace-brief-status",
    attrs: { role: "status", "aria-live": "polite" },
  });
  const results = el("div", { class: "trace-results" });
  let shownAnswer: TraceAnswer | null = null;

  const downloadBrief = () => {
    const markdown = currentBrief();
    if (!markdown || !shownAnswer) return;
    const url = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
    const link = el("a", { attrs: { href: url, download: briefFileName(shownAnswer.query), hidden: true } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    briefStatus.textContent = `Downloaded ${briefFileName(shownAnswer.query)}.`;
  };
  const copyBrief = async () => {
    const markdown = currentBrief();
    if (!markdown) return;
    try {
      await navigator.clipboard.writeText(markdown);
      briefStatus.textContent = "The brief is on the clipboard, as Markdown.";
    } catch {
      briefStatus.textContent = "This browser did not allow copying; download the brief instead.";
    }
  };
  const currentBrief = (): string | null => {
    if (!shownAnswer) return null;
    return traceBrief(graph, shownAnswer.trace, {
      question: questionOf(shownAnswer),
      link: window.location.href,
    });
  };
  const questionOf = (answer: TraceAnswer) =>
    presetFor(answer.query)?.question ?? traceQuestion(graph, answer.trace);

  const answerBox = el(
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
    el(
      "div",
      { class: "trace-brief" },
      el("button", {
        class: "button",
        text: "Download brief (.md)",
        attrs: { type: "button" },
        on: { click: downloadBrief },
      }),
      el("button", {
        class: "button button-quiet",
        text: "Copy",
        attrs: { type: "button", "aria-label": "Copy the brief as Markdown" },
        on: { click: () => void copyBrief() },
      }),
    ),
    briefStatus,
    hiddenNote,
    results,
  );

  const nodeButton = (node: string, className: string) =>
    el("button", {
      class: className,
      text: label(node),
      attrs: { type: "button", "data-node": node, title: `Select ${label(node)}` },
      on: { click: () => selectNode(node) },
    });

  const resultItem = (result: TraceResult, index: number) => {
    const cited = new Set<string>();
    const chains = result.paths.map((path, p) => {
      const rows: HTMLElement[] = [
        el("li", { class: "trace-node" }, nodeButton(path.nodes[0] as string, "link-button")),
      ];
      for (const step of pathSteps(path)) {
        const { claim } = step;
        for (const ref of claim.findings) cited.add(ref);
        const voice = claimVoice(claim);
        const holders = voice.lead ?? claim.heldBy.map(label).join(" and ");
        const sentence = `${label(claim.source)} ${RELATION_STYLES[claim.relation as Relation]?.verb ?? claim.relation} ${label(claim.target)}${claim.qualifier ? `, “${claim.qualifier}”` : ""}; ${voice.lead ? voice.lead.toLowerCase() : `held by ${holders}`}${voice.markers.length ? ` (${voice.markers.join(", ")})` : ""}`;
        rows.push(
          el(
            "li",
            { class: "trace-step", attrs: { "data-claim": claim.id, title: sentence } },
            el("span", {
              class: "trace-arrow",
              text: step.forward ? "↓" : "↑",
              attrs: { "aria-hidden": "true" },
            }),
            el(
              "span",
              { class: "trace-step-text" },
              el("span", {
                class: "trace-relation-name",
                text: RELATION_STYLES[claim.relation as Relation]?.label ?? claim.relation,
              }),
              claim.qualifier
                ? el("span", { class: "claim-qualifier", text: ` “${claim.qualifier}”` })
                : null,
              el("span", {
                class: "trace-direction",
                text: step.forward ? " (this way)" : " (back along the claim)",
              }),
              el("span", { class: "trace-holders", text: ` · ${holders}` }),
              ...voice.markers.flatMap((marker) => [
                " ",
                el("span", { class: "claim-marker", text: marker }),
              ]),
              " · ",
              ...claim.findings.map((ref, i) =>
                el(
                  "span",
                  {
                    class: "finding-id",
                    text: findings.get(ref)?.id ?? ref,
                    attrs: { title: findings.get(ref)?.summary ?? ref },
                  },
                  i < claim.findings.length - 1 ? " " : null,
                ),
              ),
            ),
            el("span", { class: "visually-hidden", text: `${sentence}.` }),
          ),
        );
        rows.push(el("li", { class: "trace-node" }, nodeButton(step.to, "link-button")));
      }
      return el(
        "div",
        { class: "trace-chain" },
        result.paths.length > 1
          ? el("p", { class: "trace-chain-title", text: `Chain ${p + 1} of ${result.paths.length}` })
          : null,
        el("ol", { class: "trace-steps" }, ...rows),
      );
    });
    const findingList = el(
      "ul",
      { class: "finding-list trace-findings" },
      ...[...cited].map((ref) => {
        const finding = findings.get(ref);
        return el(
          "li",
          { class: "finding" },
          el("span", { class: "finding-id", text: finding?.id ?? ref }),
          el(
            "div",
            {},
            el("p", { class: "finding-summary", text: finding?.summary ?? "Not among the loaded findings." }),
            finding ? el("p", { class: "finding-source", text: finding.sourceTitle }) : null,
          ),
        );
      }),
    );
    const item = el(
      "li",
      { class: "trace-result", attrs: { "data-node": result.node, "data-distance": result.distance } },
      el(
        "div",
        { class: "trace-result-head" },
        el("span", { class: "trace-result-index", text: `${index + 1}.` }),
        kindSwatch(result.kind, 14),
        nodeButton(result.node, "link-button trace-result-name"),
        result.paths.length > 1
          ? el("span", { class: "trace-result-paths", text: plural(result.paths.length, "chain") })
          : null,
      ),
      ...chains,
      el(
        "details",
        { class: "trace-result-findings" },
        el("summary", { text: `Findings (${cited.size})` }),
        findingList,
      ),
    );
    // Pointer and keyboard alike: the result under either has its own chains drawn bright.
    const focusHere = () => store.dispatch({ type: "focusTraceResult", node: result.node });
    const leave = () => store.dispatch({ type: "focusTraceResult", node: null });
    item.addEventListener("mouseenter", focusHere);
    item.addEventListener("mouseleave", leave);
    item.addEventListener("focusin", focusHere);
    item.addEventListener("focusout", (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node && item.contains(next))) leave();
    });
    return item;
  };

  const showAnswer = (answer: TraceAnswer | null) => {
    shownAnswer = answer;
    briefStatus.textContent = "";
    if (!answer) {
      results.replaceChildren();
      return;
    }
    const { trace } = answer;
    question.textContent = questionOf(answer);
    const from = `From ${label(trace.target)}`;
    const holder = trace.holder ? `claims held by ${label(trace.holder)}` : "claims held by anyone";
    const relations = trace.relations.map((r) => RELATION_STYLES[r].label.toLowerCase()).join(", ");
    const stated = trace.attribution
      ? ` · ${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} only`
      : "";
    meta.textContent = `${from} · ${holder} · ${relations}${stated} · up to ${plural(trace.depth, "claim")}. ${plural(trace.results.length, "node")} reached.`;
    if (trace.results.length === 0) {
      results.replaceChildren(
        el("p", {
          class: "hint",
          text: `Nothing is reached: no ${trace.attribution ? `${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} ` : ""}claim with these relations and this holder touches the target.`,
        }),
      );
      return;
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
          el("ol", { class: "trace-result-list" }, ...here.map((result) => resultItem(result, index++))),
        ),
      );
    }
    results.replaceChildren(...groups);
  };

  const element = el(
    "section",
    { class: "panel-section trace-panel", id: "trace-panel", attrs: { "aria-labelledby": "trace-title" } },
    el("h2", { id: "trace-title", class: "section-title", text: "Questions" }),
    el("p", { class: "hint", text: "Trace what an actor ties to an issue, and on what evidence." }),
    el("div", { class: "trace-presets" }, ...presetButtons),
    statedField,
    form,
    answerBox,
  );

  let formOpened = false;
  const render = (state: ExplorerState, visibility?: Visibility) => {
    const { query, focus } = state.trace;
    const answer = options.answerOf(query);
    if (answer !== shownAnswer) showAnswer(answer);
    answerBox.hidden = !answer;
    element.dataset.active = String(answer !== null);
    const preset = presetFor(query);
    for (const button of presetButtons)
      button.setAttribute("aria-pressed", String(button.dataset.preset === preset?.id));
    // A question of one's own opens the form once, so its values are in view.
    if (query && !preset && !formOpened) {
      form.open = true;
      formOpened = true;
    }
    const values = query ?? draft;
    if (query && document.activeElement !== targetInput) targetInput.value = label(query.target);
    holderSelect.value = values.holder ?? "";
    depthSelect.value = String(values.depth);
    for (const [relation, box] of relationBoxes) box.checked = values.relations.includes(relation);
    statedSwitch.checked = values.attribution === "stated";
    for (const item of results.querySelectorAll<HTMLElement>(".trace-result"))
      item.classList.toggle("is-focused", item.dataset.node === focus);
    if (answer && visibility) {
      const hidden = hiddenTraceClaims(answer, visibility.claims);
      hiddenNote.hidden = hidden === 0;
      hiddenNote.textContent = hidden
        ? `The filters hide ${plural(hidden, "claim")} of this trace on the network; the list still shows every chain.`
        : "";
    }
  };

  return { element, update: render };
}
