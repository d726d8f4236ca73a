// The claim filters that are not in the legend (holder, source, finding), the running counts of
// what is shown, and the reset button. Choices come from the graph; changes become actions.
// Watches the filters and the visible counts.
import type { LinkageGraph } from "../../graph/types.ts";
import type { Derived } from "../state/derived.ts";
import type { Filters } from "../state/explorer-state.ts";
import { isDefaultFilters } from "../state/filters.ts";
import { type HolderFilter, SIDES } from "../state/holders.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function option(value: string, label: string): HTMLOptionElement {
  return el("option", { text: label, attrs: { value } });
}

function field(id: string, label: string, select: HTMLSelectElement): HTMLElement {
  select.id = id;
  return el("div", { class: "field" }, el("label", { text: label, attrs: { for: id } }), select);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Every holder of a claim: "anyone", both sides (when the graph has both), then each actor. */
function holderSelect(store: Store, graph: LinkageGraph): HTMLSelectElement {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const holders = new Set<string>();
  graph.forEachEdge((_claim, attributes) => {
    for (const holder of attributes.heldBy) holders.add(holder);
  });
  const bothSides = SIDES.every((side) => holders.has(side));
  const rank = (id: string) => (SIDES.includes(id as (typeof SIDES)[number]) ? 0 : 1);
  const holder = el(
    "select",
    { on: { change: () => store.dispatch({ type: "setHolder", holder: holder.value as HolderFilter }) } },
    option("any", "Anyone"),
    bothSides ? option("both", `Both ${SIDES.map(label).join(" and ")} (thick lines)`) : null,
    ...[...holders]
      .sort((a, b) => rank(a) - rank(b) || label(a).localeCompare(label(b)))
      .map((id) => option(id, `${label(id)} (alone or jointly)`)),
  );
  return holder;
}

/** The source select and the finding select, whose findings are grouped by source. */
function sourceSelects(store: Store, graph: LinkageGraph) {
  const sources = graph.getAttribute("sources");
  const source = el(
    "select",
    {
      on: {
        change: () =>
          store.dispatch({ type: "setSource", source: source.value === "" ? null : source.value }),
      },
    },
    option("", sources.length === 1 ? "The one source loaded" : `All ${sources.length} sources`),
    ...sources.map((s) => option(s.id, shorten(s.title, 70))),
  );
  const groups = sources.map((s) =>
    el(
      "optgroup",
      { attrs: { label: shorten(s.title, 60) } },
      ...s.findings.map((f) => option(`${s.id}#${f.id}`, `${f.id}: ${shorten(f.summary, 64)}`)),
    ),
  );
  const finding = el(
    "select",
    {
      on: {
        change: () =>
          store.dispatch({ type: "setFinding", finding: finding.value === "" ? null : finding.value }),
      },
    },
    option("", "Every finding"),
    ...groups,
  );
  return {
    source,
    finding,
    show(filters: Filters) {
      source.value = filters.source ?? "";
      finding.value = filters.finding ?? "";
      // Findings of other sources cannot match once a source is chosen.
      for (const [i, group] of groups.entries()) {
        group.disabled = filters.source !== null && sources[i]?.id !== filters.source;
      }
    },
  };
}

/** "Show everything": clears every filter. The filter panel has one, and so has the stage's empty view. */
export function showEverythingButton(store: Store, className: string): HTMLButtonElement {
  return el("button", {
    class: className,
    text: "Show everything",
    attrs: { type: "button" },
    on: { click: () => store.dispatch({ type: "resetFilters" }) },
  });
}

export function createFilterPanel(store: Store, derived: Derived) {
  const { graph } = derived;
  const holder = holderSelect(store, graph);
  const sources = sourceSelects(store, graph);
  const summary = el("p", { class: "filter-summary", attrs: { "aria-live": "polite" } });
  const reset = showEverythingButton(store, "button button-quiet");
  const element = el(
    "section",
    { class: "panel-section filters", attrs: { "aria-labelledby": "filters-title" } },
    el("h2", { id: "filters-title", class: "section-title", text: "Filter claims" }),
    field("filter-holder", "Held by", holder),
    field("filter-source", "Source", sources.source),
    field("filter-finding", "Finding", sources.finding),
    el("div", { class: "filter-footer" }, summary, reset),
  );

  watch(
    store,
    (state) => ({ filters: state.filters, counts: derived.counts(derived.visibility(state)) }),
    ({ filters, counts }) => {
      holder.value = filters.holder;
      sources.show(filters);
      summary.textContent = `Showing ${plural(counts.nodes, "node", "nodes")} of ${graph.order} and ${plural(
        counts.claims,
        "claim",
        "claims",
      )} of ${graph.size}.`;
      reset.disabled = isDefaultFilters(filters);
    },
  );
  return { element };
}
