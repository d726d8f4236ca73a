// One result of the trace's answer: the node reached, each chain to it step by step (the relation,
// which way the claim runs, who says it, hedges, the findings) and the findings cited, listed under
// it. Hovering or focusing the result focuses its chains on the graph (focusTraceResult). Builders over
// graph/trace.ts's plain data; text reaches the DOM as text only.
import type { FindingRecord } from "../../graph/build.ts";
import { claimVoice } from "../../graph/records.ts";
import { type LinkagePath, type PathStep, pathSteps, type TraceResult } from "../../graph/trace.ts";
import { RELATION_STYLES, type Relation } from "../../model/vocabulary.ts";
import type { Store } from "../state/store.ts";
import { el, kindSwatch } from "./dom.ts";

/** What the result builders read and do: node labels, the findings index, and the store. */
export interface ResultContext {
  store: Store;
  label: (id: string) => string;
  findings: ReadonlyMap<string, FindingRecord>;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function nodeButton(context: ResultContext, node: string, className: string): HTMLElement {
  const name = context.label(node);
  return el("button", {
    class: className,
    text: name,
    attrs: { type: "button", "data-node": node, title: `Select ${name}` },
    on: {
      click: () =>
        context.store.dispatch({ type: "select", selection: { type: "node", id: node }, focus: true }),
    },
  });
}

/** One step of a chain: the claim it follows, which way, who says it, and on what findings. */
function stepRow({ label, findings }: ResultContext, step: PathStep): HTMLElement {
  const { claim } = step;
  const voice = claimVoice(claim);
  const holders = voice.lead ?? claim.heldBy.map(label).join(" and ");
  const relation = RELATION_STYLES[claim.relation as Relation];
  const sentence = `${label(claim.source)} ${relation?.verb ?? claim.relation} ${label(claim.target)}${claim.qualifier ? `, “${claim.qualifier}”` : ""}; ${voice.lead ? voice.lead.toLowerCase() : `held by ${holders}`}${voice.markers.length ? ` (${voice.markers.join(", ")})` : ""}`;
  return el(
    "li",
    { class: "trace-step", attrs: { "data-claim": claim.id, title: sentence } },
    el("span", { class: "trace-arrow", text: step.forward ? "↓" : "↑", attrs: { "aria-hidden": "true" } }),
    el(
      "span",
      { class: "trace-step-text" },
      el("span", { class: "trace-relation-name", text: relation?.label ?? claim.relation }),
      claim.qualifier ? el("span", { class: "claim-qualifier", text: ` “${claim.qualifier}”` }) : null,
      el("span", {
        class: "trace-direction",
        text: step.forward ? " (this way)" : " (back along the claim)",
      }),
      el("span", { class: "trace-holders", text: ` · ${holders}` }),
      ...voice.markers.flatMap((marker) => [" ", el("span", { class: "claim-marker", text: marker })]),
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
  );
}

/** One chain as an ordered list of nodes and steps; `cited` collects the findings it rests on. */
function chain(
  context: ResultContext,
  path: LinkagePath,
  title: string | null,
  cited: Set<string>,
): HTMLElement {
  const rows: HTMLElement[] = [
    el("li", { class: "trace-node" }, nodeButton(context, path.nodes[0] as string, "link-button")),
  ];
  for (const step of pathSteps(path)) {
    for (const ref of step.claim.findings) cited.add(ref);
    rows.push(stepRow(context, step));
    rows.push(el("li", { class: "trace-node" }, nodeButton(context, step.to, "link-button")));
  }
  return el(
    "div",
    { class: "trace-chain" },
    title ? el("p", { class: "trace-chain-title", text: title }) : null,
    el("ol", { class: "trace-steps" }, ...rows),
  );
}

function citedFindings({ findings }: ResultContext, cited: ReadonlySet<string>): HTMLElement {
  return el(
    "details",
    { class: "trace-result-findings" },
    el("summary", { text: `Findings (${cited.size})` }),
    el(
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
    ),
  );
}

/** Pointer and keyboard alike: the result under either has its own chains drawn bright. */
function focusOnHover(store: Store, item: HTMLElement, node: string): void {
  const focusHere = () => store.dispatch({ type: "focusTraceResult", node });
  const leave = () => store.dispatch({ type: "focusTraceResult", node: null });
  item.addEventListener("mouseenter", focusHere);
  item.addEventListener("mouseleave", leave);
  item.addEventListener("focusin", focusHere);
  item.addEventListener("focusout", (event) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node && item.contains(next))) leave();
  });
}

/** The result numbered `index + 1` in the answer. */
export function resultItem(context: ResultContext, result: TraceResult, index: number): HTMLElement {
  const cited = new Set<string>();
  const many = result.paths.length > 1;
  const chains = result.paths.map((path, p) =>
    chain(context, path, many ? `Chain ${p + 1} of ${result.paths.length}` : null, cited),
  );
  const item = el(
    "li",
    { class: "trace-result", attrs: { "data-node": result.node, "data-distance": result.distance } },
    el(
      "div",
      { class: "trace-result-head" },
      el("span", { class: "trace-result-index", text: `${index + 1}.` }),
      kindSwatch(result.kind, 14),
      nodeButton(context, result.node, "link-button trace-result-name"),
      many ? el("span", { class: "trace-result-paths", text: plural(result.paths.length, "chain") }) : null,
    ),
    ...chains,
    citedFindings(context, cited),
  );
  focusOnHover(context.store, item, result.node);
  return item;
}
