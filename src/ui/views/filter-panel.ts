// The claim filters that are not in the legend (holder, source, finding), the running counts of
// what is shown, and the reset button. Choices come from the graph; changes become actions.
import type { LinkageGraph } from "../../graph/types.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import { isDefaultFilters, type VisibleCounts } from "../state/filters.ts";
import { type HolderFilter, SIDES } from "../state/holders.ts";
import type { Store } from "../state/store.ts";
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

export function createFilterPanel(store: Store, graph: LinkageGraph) {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const holders = new Set<string>();
  graph.forEachEdge((_claim, attributes) => {
    for (const holder of attributes.heldBy) holders.add(holder);
  });
  const bothSides = SIDES.every((side) => holders.has(side));

  const holder = el(
    "select",
    { on: { change: () => store.dispatch({ type: "setHolder", holder: holder.value as HolderFilter }) } },
    option("any", "Anyone"),
    bothSides ? option("both", `Both ${SIDES.map(label).join(" and ")} (thick lines)`) : null,
    ...[...holders]
      .sort((a, b) => {
        const rank = (id: string) => (SIDES.includes(id as (typeof SIDES)[number]) ? 0 : 1);
        return rank(a) - rank(b) || label(a).localeCompare(label(b));
      })
      .map((id) => option(id, `${label(id)} (alone or jointly)`)),
  );

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

  const findingGroups = sources.map((s) =>
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
    ...findingGroups,
  );

  const summary = el("p", { class: "filter-summary", attrs: { "aria-live": "polite" } });
  const reset = el("button", {
    class: "button button-quiet",
    text: "Show everything",
    attrs: { type: "button" },
    on: { click: () => store.dispatch({ type: "resetFilters" }) },
  });

  const element = el(
    "section",
    { class: "panel-section filters", attrs: { "aria-labelledby": "filters-title" } },
    el("h2", { id: "filters-title", class: "section-title", text: "Filter claims" }),
    field("filter-holder", "Held by", holder),
    field("filter-source", "Source", source),
    field("filter-finding", "Finding", finding),
    el("div", { class: "filter-footer" }, summary, reset),
  );

  return {
    element,
    update(state: ExplorerState, counts: VisibleCounts) {
      holder.value = state.filters.holder;
      source.value = state.filters.source ?? "";
      finding.value = state.filters.finding ?? "";
      // Findings of other sources cannot match once a source is chosen.
      for (const [i, group] of findingGroups.entries()) {
        group.disabled = state.filters.source !== null && sources[i]?.id !== state.filters.source;
      }
      summary.textContent = `Showing ${plural(counts.nodes, "node", "nodes")} of ${graph.order} and ${plural(
        counts.claims,
        "claim",
        "claims",
      )} of ${graph.size}.`;
      reset.disabled = isDefaultFilters(state.filters);
    },
  };
}
