// The Trace panel's own question: a form of target (a combobox over the one search index), holder,
// depth, relations and the kinds of answer wanted, and the "Stated claims only" switch. Every change is a traceForm action: the
// reducer decides whether it edits the open question, opens one, or only changes the draft
// (state/trace.ts). Watches the question and the draft, which the form shows.
import type { SearchIndex } from "../../graph/search.ts";
import { countOf } from "../../graph/sentences.ts";
import { TRACE_DEPTH } from "../../graph/trace.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import {
  ATTRIBUTION_STYLES,
  KIND_STYLES,
  NODE_KINDS,
  type NodeKind,
  RELATION_STYLES,
  RELATIONS,
  type Relation,
} from "../../model/vocabulary.ts";
import { SIDES } from "../state/holders.ts";
import { traceQuestionFor } from "../state/questions.ts";
import { type Store, watch } from "../state/store.ts";
import { formValues, type TraceQuery, toggleTraceKind, toggleTraceRelation } from "../state/trace.ts";
import { createNodeCombobox } from "./combobox.ts";
import { el, kindSwatch, relationSwatch } from "./dom.ts";

const field = (id: string, text: string, control: HTMLElement) =>
  el("div", { class: "field" }, el("label", { text, attrs: { for: id } }), control);

/** Actors, the two sides first, then by name. */
function actorsOf(graph: LinkageGraph, label: (id: string) => string): string[] {
  const rank = (id: string) => (SIDES.includes(id as (typeof SIDES)[number]) ? 0 : 1);
  return graph
    .filterNodes((_node, attributes) => attributes.kind === "actor")
    .sort((a, b) => rank(a) - rank(b) || label(a).localeCompare(label(b)));
}

/** A box per value: a change asks `toggled(value)`; a box the toggle kept (the last one) stays checked. */
function boxes<T extends string>(
  values: readonly T[],
  toggled: (value: T) => Partial<TraceQuery>,
  checked: (value: T) => boolean,
  ask: (change: Partial<TraceQuery>) => void,
  label: (value: T) => (Element | string)[],
) {
  const inputs = new Map<T, HTMLInputElement>();
  const fields = values.map((value) => {
    const box = el("input", {
      attrs: { type: "checkbox", value },
      on: {
        change: () => {
          ask(toggled(value));
          // The last one stays on (a trace of none reaches nothing): the state did not change.
          box.checked = checked(value);
        },
      },
    });
    inputs.set(value, box);
    return el("label", { class: "trace-relation" }, box, ...label(value));
  });
  return { inputs, fields };
}

/** The holder and depth selects and the relation and kind boxes. */
function choices(
  graph: LinkageGraph,
  ask: (change: Partial<TraceQuery>) => void,
  values: () => { relations: readonly Relation[]; kinds?: readonly NodeKind[] | null },
) {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const holder = el(
    "select",
    { id: "trace-holder", on: { change: () => ask({ holder: holder.value === "" ? null : holder.value }) } },
    el("option", { text: "Anyone", attrs: { value: "" } }),
    ...actorsOf(graph, label).map((actor) => el("option", { text: label(actor), attrs: { value: actor } })),
  );
  const depth = el(
    "select",
    { id: "trace-depth", on: { change: () => ask({ depth: Number(depth.value) }) } },
    ...Array.from({ length: TRACE_DEPTH.max - TRACE_DEPTH.min + 1 }, (_, i) => {
      const claims = TRACE_DEPTH.min + i;
      return el("option", { text: countOf(claims, "claim"), attrs: { value: claims } });
    }),
  );
  const relations = boxes(
    RELATIONS,
    (relation) => ({ relations: toggleTraceRelation(values().relations, relation) }),
    (relation) => values().relations.includes(relation),
    ask,
    (relation) => [relationSwatch(relation), el("span", { text: RELATION_STYLES[relation].label })],
  );
  const kindShown = (kind: NodeKind) => !values().kinds?.length || values().kinds?.includes(kind) === true;
  const kinds = boxes(
    NODE_KINDS,
    (kind) => ({ kinds: toggleTraceKind(values().kinds, kind) }),
    kindShown,
    ask,
    (kind) => [kindSwatch(kind, 12), el("span", { text: KIND_STYLES[kind].plural })],
  );
  return { holder, depth, relations, kinds, kindShown };
}

/** "Stated claims only": a trace that follows only what the document attributes to its holders. */
function statedSwitch(ask: (change: Partial<TraceQuery>) => void) {
  const input = el("input", {
    id: "trace-stated",
    attrs: { type: "checkbox", role: "switch", "aria-describedby": "trace-stated-hint" },
    on: { change: () => ask({ attribution: input.checked ? "stated" : null }) },
  });
  const field = el(
    "div",
    { class: "trace-switch" },
    input,
    el("label", { text: "Stated claims only", attrs: { for: "trace-stated" } }),
    el("p", {
      class: "hint",
      id: "trace-stated-hint",
      text: `Leaves out ${ATTRIBUTION_STYLES.inferred.label.toLowerCase()} holders and what ${ATTRIBUTION_STYLES.document.label.toLowerCase()} in its own voice.`,
    }),
  );
  return { input, field };
}

export function createTraceForm(store: Store, graph: LinkageGraph, index: SearchIndex) {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const ask = (change: Partial<TraceQuery>) => store.dispatch({ type: "traceForm", change });
  const { input: target, listbox } = createNodeCombobox({
    index,
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
      target.value = hit.label;
    },
  });
  const { holder, depth, relations, kinds, kindShown } = choices(graph, ask, () =>
    formValues(store.getState().trace),
  );

  const stated = statedSwitch(ask);
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
        target,
        listbox,
      ),
      el(
        "div",
        { class: "trace-field-row" },
        field("trace-holder", "Claims held by", holder),
        field("trace-depth", "Up to", depth),
      ),
      el("fieldset", { class: "trace-relations" }, el("legend", { text: "Following" }), ...relations.fields),
      el(
        "fieldset",
        { class: "trace-relations trace-kinds" },
        el("legend", { text: "Answers of kind" }),
        ...kinds.fields,
      ),
    ),
  );

  let opened = false;
  watch(
    store,
    (state) => ({ query: state.trace.query, values: formValues(state.trace) }),
    ({ query, values }) => {
      // A question of one's own opens the form once, so its values are in view.
      if (query && !traceQuestionFor(query) && !opened) {
        form.open = true;
        opened = true;
      }
      if (query && document.activeElement !== target) target.value = label(query.target);
      holder.value = values.holder ?? "";
      depth.value = String(values.depth);
      for (const [relation, box] of relations.inputs) box.checked = values.relations.includes(relation);
      for (const [kind, box] of kinds.inputs) box.checked = kindShown(kind);
      stated.input.checked = values.attribution === "stated";
    },
  );
  return { statedField: stated.field, form };
}
