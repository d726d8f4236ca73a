// The steps of a trace's answer as the reader meets them: each claim once, as a sentence in its own
// direction (graph/answer.ts's StepReading, written by graph/sentences.ts), with who holds it, its
// marks, its evidence quote and findings (claim-reading.ts). A click frames the chain the step is on (pinTraceResult);
// pointer or keyboard on it keeps only that chain bright (focusTraceResult). Builders only.
import type { ChainStep, StepReading } from "../../graph/answer.ts";
import { asStatement } from "../../graph/sentences.ts";
import type { Store } from "../state/store.ts";
import { type FindingNames, readingDetails } from "./claim-reading.ts";
import { el } from "./dom.ts";

/** What the step builders read and do: the findings' summaries (for titles), and the store. */
export interface StepContext {
  store: Store;
  names: FindingNames;
}

/**
 * Pointer and keyboard alike: the step or tie under either (the innermost, in a nested chain) has its
 * own chains drawn bright; leaving the answer brings back the pinned chain, or the whole trace.
 */
export function focusOnHover(store: Store, answer: HTMLElement): void {
  let current: string | null = null;
  const focus = (target: EventTarget | null) => {
    const item = target instanceof Element ? target.closest<HTMLElement>("[data-node]") : null;
    const node = item && answer.contains(item) ? (item.dataset.node ?? null) : null;
    if (node === current) return;
    current = node;
    store.dispatch({ type: "focusTraceResult", node });
  };
  answer.addEventListener("mouseover", (event) => focus(event.target));
  answer.addEventListener("mouseleave", () => focus(null));
  answer.addEventListener("focusin", (event) => focus(event.target));
  answer.addEventListener("focusout", (event) => {
    if (!(event.relatedTarget instanceof Node && answer.contains(event.relatedTarget))) focus(null);
  });
}

/** One step: its sentence as the button that frames its chain, then what backs it. */
export function stepItem(context: StepContext, step: StepReading, node: string, className = ""): HTMLElement {
  const item = el(
    "li",
    { class: `trace-step ${className}`.trim(), attrs: { "data-claim": step.claim.id, "data-node": node } },
    el("button", {
      class: "trace-step-sentence",
      text: asStatement(step.sentence),
      attrs: { type: "button", "aria-pressed": "false", title: "Frame this chain in the network" },
      on: { click: () => context.store.dispatch({ type: "pinTraceResult", node }) },
    }),
    ...readingDetails(context.names, step),
  );
  return item;
}

/** A group's tree below the node it passes through: each step once, what follows it nested under it. */
export function chainTree(context: StepContext, steps: readonly ChainStep[]): HTMLElement {
  return el(
    "ol",
    { class: "trace-chain-tree" },
    ...steps.map((branch) => {
      const item = stepItem(context, branch.step, branch.step.to, branch.reachesResult ? "trace-result" : "");
      if (branch.next.length) item.append(chainTree(context, branch.next));
      return item;
    }),
  );
}
