// The start screen's ways into the perspectives: walk through a source's findings, or compare the
// two sides. Shown by the details panel while nothing is selected; dispatches openTour,
// setPerspective and setView. Reads the graph and state/ only.
import type { LinkageGraph } from "../../graph/types.ts";
import { holdersOf } from "../state/holders.ts";
import { defaultCompare } from "../state/perspective.ts";
import type { Store } from "../state/store.ts";
import { el } from "./dom.ts";

export function startActions(store: Store, graph: LinkageGraph): HTMLElement | null {
  const sources = graph.getAttribute("sources").filter((source) => source.findings.length > 0);
  const comparison = defaultCompare(holdersOf(graph));
  const label = (id: string) => graph.getNodeAttribute(id, "label");
  const buttons = [
    ...sources.map((source) =>
      el("button", {
        class: "button start-action",
        text: `Walk through the ${source.findings.length} findings${sources.length > 1 ? ` of ${source.title}` : ""}`,
        attrs: { type: "button", "data-tour": source.id, title: source.title },
        on: { click: () => store.dispatch({ type: "openTour", source: source.id }) },
      }),
    ),
    comparison?.mode === "compare"
      ? el("button", {
          class: "button button-quiet start-action",
          text: `Compare ${label(comparison.a)} and ${label(comparison.b)}`,
          attrs: { type: "button", "data-compare": `${comparison.a},${comparison.b}` },
          on: { click: () => store.dispatch({ type: "setPerspective", perspective: comparison }) },
        })
      : null,
    el("button", {
      class: "button button-quiet start-action",
      text: "Open the position matrix",
      attrs: { type: "button" },
      on: { click: () => store.dispatch({ type: "setView", view: "matrix" }) },
    }),
  ];
  return el("div", { class: "start-actions", attrs: { role: "group", "aria-label": "Ways in" } }, ...buttons);
}
