// Compare in the wide right panel: the question (the question bank's, or where the two differ), the
// answer in words (state/compare-lists.ts), each side's colour, the Compare brief to download or copy
// (graph/compare-brief.ts), then the Differences by pattern, what rests on inference, the Agreements and
// the open questions, each a collapsible list of items (compare-item.ts). Items of roles the legend has
// turned off are hidden. Watches the Compare layer, the question and the picked item; dispatches
// setPerspective (close) and, through the items, pickCompareItem.

import { findingIndex } from "../../graph/build.ts";
import { compareBrief, type DifferenceItem } from "../../graph/compare-brief.ts";
import { type ClaimRole, DISAGREEMENT_PATTERNS, PATTERN_TEXT } from "../../graph/perspectives.ts";
import { capitalize, labelOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import {
  type CompareAsk,
  type CompareLists,
  compareListsAnswer,
  differenceRole,
  pairCount,
} from "../state/compare-lists.ts";
import type { Derived } from "../state/derived.ts";
import { activePick, PERSPECTIVE_OFF } from "../state/perspective.ts";
import type { PerspectiveLayer } from "../state/perspective-layer.ts";
import { compareQuestionFor } from "../state/questions.ts";
import { type Store, watch } from "../state/store.ts";
import { answerFrame } from "./answer-frame.ts";
import { type Brief, slugOf } from "./brief-actions.ts";
import { findingNames } from "./claim-reading.ts";
import { agreementItem, differenceItem, type ItemContext, openQuestionItem } from "./compare-item.ts";
import { roleSwatch } from "./compare-swatch.ts";
import { el } from "./dom.ts";
import "./compare-lists.css";

/** The lists shown and their heading, which titles the brief. */
interface Shown {
  lists: CompareLists;
  title: string;
}

/** The Compare brief of the lists shown, as the graph layer writes it, and its file's name. */
function briefFile(graph: LinkageGraph, { lists, title }: Shown): Brief {
  const markdown = compareBrief(graph, lists.comparison, { title, link: window.location.href });
  const on = lists.scope ? `-on-${slugOf(lists.scope.on)}` : "";
  return { markdown, fileName: `compare-${lists.holders.map(slugOf).join("-")}${on}.md` };
}

/** The heading when no question of the bank is open: "Where United States and China differ (on …)". */
function titleOf(graph: LinkageGraph, lists: CompareLists): string {
  const [a, b] = lists.holders.map((id) => labelOf(graph, id));
  return `Where ${a} and ${b} differ${lists.scope ? ` ${lists.scope.phrase}` : ""}`;
}

function section(className: string, title: string, count: number, items: HTMLElement[], open = true) {
  return el(
    "details",
    { class: `answer-section ${className}`, attrs: { open } },
    el("summary", {}, el("h3", { class: "answer-section-title", text: `${title} (${count})` })),
    items.length
      ? el("div", { class: "compare-groups" }, ...items)
      : el("p", { class: "hint", text: "None." }),
  );
}

/** Items of one pattern under its title and gloss; the count is of compare()'s pairs, as in the brief. */
function patternGroup(pattern: keyof typeof PATTERN_TEXT, count: number, items: HTMLElement[]): HTMLElement {
  const text = PATTERN_TEXT[pattern];
  return el(
    "section",
    { class: "compare-group", attrs: { "data-pattern": pattern } },
    el("h4", { class: "compare-group-title", text: `${text.title} (${count})` }),
    el("p", { class: "hint", text: `${capitalize(text.gloss)}.` }),
    el("ul", { class: "compare-items" }, ...items),
  );
}

function differenceGroups(context: ItemContext, items: readonly DifferenceItem[]): HTMLElement[] {
  return [...DISAGREEMENT_PATTERNS, "sides-not-stated" as const].flatMap((pattern) => {
    const group = items.filter((item) => item.pattern === pattern);
    return group.length
      ? [
          patternGroup(
            pattern,
            pairCount(group),
            group.map((item) => differenceItem(context, item, differenceRole(item))),
          ),
        ]
      : [];
  });
}

/** The sections in the order the question asks for them. */
function sections(context: ItemContext, lists: CompareLists, ask: CompareAsk): HTMLElement[] {
  const agreements = lists.agreements;
  const stated = section(
    "compare-differences",
    "Differences",
    pairCount(lists.differences),
    differenceGroups(context, lists.differences),
  );
  const agreed = section(
    "compare-agreements",
    "Agreements",
    agreements.length,
    (["shared", "matching"] as const).flatMap((pattern) => {
      const group = agreements.filter((agreement) => agreement.pattern === pattern);
      return group.length
        ? [
            patternGroup(
              pattern,
              group.length,
              group.map((a) => agreementItem(context, a)),
            ),
          ]
        : [];
    }),
  );
  const inferredCount = pairCount(lists.inferred) + lists.inferredAgreements.length;
  const inferred = inferredCount
    ? section(
        "compare-inferred-items",
        "Resting on inference",
        inferredCount,
        [
          ...differenceGroups(context, lists.inferred),
          ...lists.inferredAgreements.map((a) => agreementItem(context, a)),
        ],
        false,
      )
    : null;
  const open = lists.openQuestions.length
    ? section("compare-open", "Open questions", lists.openQuestions.length, [
        el(
          "ul",
          { class: "compare-items" },
          ...lists.openQuestions.map((claim) => openQuestionItem(context, claim)),
        ),
      ])
    : null;
  const order: (HTMLElement | null)[] =
    ask === "agree"
      ? [agreed, stated, inferred, open]
      : ask === "open"
        ? [open, stated, inferred]
        : [stated, inferred, agreed, open];
  return order.filter((part): part is HTMLElement => part !== null);
}

/** Each side's name in its colour, so the lists read without the legend. */
function sidesKey(graph: LinkageGraph, sides: readonly [string, string]): HTMLElement {
  return el(
    "p",
    { class: "compare-sides" },
    ...(["only-a", "only-b"] as const).map((slot, i) =>
      el(
        "span",
        { class: "compare-side-key" },
        roleSwatch(slot),
        el("span", { text: labelOf(graph, sides[i] as string) }),
      ),
    ),
  );
}

export function createCompareLists(store: Store, derived: Derived) {
  const { graph } = derived;
  const names = findingNames(graph, findingIndex(graph));
  const key = el("div", { class: "compare-key" });
  const close = () => store.dispatch({ type: "setPerspective", perspective: PERSPECTIVE_OFF });
  const frame = answerFrame<Shown>("Compare", (shown) => briefFile(graph, shown), close, key);
  const { element, question, sentence, body } = frame;

  const show = (layer: PerspectiveLayer | null) => {
    const lists = layer?.lists ?? null;
    if (!layer || !lists || !layer.sides) {
      frame.show(null);
      return body.replaceChildren();
    }
    const asked = compareQuestionFor(layer.perspective);
    const title = asked?.text ?? titleOf(graph, lists);
    frame.show({ lists, title });
    question.textContent = title;
    sentence.textContent = compareListsAnswer(graph, lists, asked?.ask ?? "differ");
    key.replaceChildren(sidesKey(graph, layer.sides));
    const context: ItemContext = { store, graph, names, holders: lists.holders, sides: layer.sides };
    body.replaceChildren(...sections(context, lists, asked?.ask ?? "differ"));
    const roles: readonly ClaimRole[] | undefined =
      layer.perspective.mode === "compare" ? layer.perspective.roles : undefined;
    for (const item of body.querySelectorAll<HTMLElement>(".compare-item[data-role]"))
      item.hidden = roles !== undefined && !roles.includes(item.dataset.role as ClaimRole);
  };
  watch(store, (state) => derived.layer(state), show);
  watch(
    store,
    (state) => ({ layer: derived.layer(state), picked: activePick(state) }),
    ({ picked }) => {
      const claims = picked?.claims.join(" ") ?? null;
      for (const item of body.querySelectorAll<HTMLElement>(".compare-item")) {
        const on = item.dataset.claims === claims;
        item.classList.toggle("is-picked", on);
        item.querySelector(".compare-item-pick")?.setAttribute("aria-pressed", String(on));
      }
    },
  );
  return { element };
}
