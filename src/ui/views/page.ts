// The page's frame: the header with the brand and the graph's subtitle, and the page shown instead of
// the explorer when graph-data has problems. Static DOM: no state to watch.
import { formatProblem, type Problem } from "../../graph/problems.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { el } from "./dom.ts";

/** The one source's title and year, or how many sources the graph holds. */
export function subtitle(graph: LinkageGraph): string {
  const sources = graph.getAttribute("sources");
  const [only] = sources;
  if (sources.length === 1 && only)
    return only.date ? `${only.title} (${only.date.slice(0, 4)})` : only.title;
  return `${sources.length} sources`;
}

/** The header: the brand with `subtitleText` under it, then `tools` in their order. */
export function pageHeader(subtitleText: HTMLElement, ...tools: HTMLElement[]): HTMLElement {
  return el(
    "header",
    { class: "app-header" },
    el("div", { class: "brand" }, el("h1", { class: "brand-name", text: "Linkage Atlas" }), subtitleText),
    ...tools,
  );
}

/** What the page says when graph-data does not load: each problem, as `linkage validate` words it. */
export function problemsPage(problems: readonly Problem[]): HTMLElement[] {
  return [
    pageHeader(el("p", { class: "brand-subtitle", text: "The graph data could not be loaded" })),
    el(
      "main",
      { class: "problems" },
      el("h2", {
        text: `The graph data has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}`,
      }),
      el("p", {
        text: "Fix these in graph-data, then reload. `npx linkage validate` lists the same problems.",
      }),
      el(
        "ul",
        {},
        ...problems.map((problem) => el("li", { class: "problem-item", text: formatProblem(problem) })),
      ),
    ),
  ];
}
