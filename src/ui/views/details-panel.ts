// The right panel. It shows one of four things (state/answer-panel.ts): the trace's answer
// (trace-answer.ts), Compare's lists (compare-lists.ts), the details of the selection, or, with
// nothing open, the start screen: the question bank and the other ways in. The details: what is
// selected, its description, its claims grouped by relation and holder, and under each claim who says
// it (stated, inferred with its reason, or the document's own voice), how firmly, its evidence quote
// and the findings it rests on (details-claim.ts), and in Compare its role and the other side's claim.
// Neighbours are buttons that move the selection and the camera; with an answer open, a button leads
// back to it. Watches the selection, what is visible, the Compare layer and what is open.
import { asStatement, claimSentence, holderNames, labelOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { KIND_STYLES, RELATION_STYLES } from "../../model/vocabulary.ts";
import { type PanelContent, panelShows } from "../state/answer-panel.ts";
import type { Derived } from "../state/derived.ts";
import {
  type ClaimDetails,
  describeSelection,
  type FileAttribute,
  type NodeDetails,
  type NodeRef,
} from "../state/details.ts";
import { ATTRIBUTION_LOOKS } from "../state/looks.ts";
import { type ClaimInComparison, claimInComparison } from "../state/perspective-layer.ts";
import { type Store, watch } from "../state/store.ts";
import { createCompareLists } from "./compare-lists.ts";
import { roleSwatch } from "./compare-swatch.ts";
import {
  claimEnds,
  claimItem,
  type DetailsActions,
  findingList,
  hiddenNote,
  modalityMarker,
  nodeButton,
  voiceAndEvidence,
} from "./details-claim.ts";
import { el, kindSwatch, relationSwatch } from "./dom.ts";
import { createQuestionBank } from "./question-bank.ts";
import { startActions } from "./start-actions.ts";
import { createTraceAnswer } from "./trace-answer.ts";

type Content = (HTMLElement | null)[];

const kindChip = (node: NodeRef) =>
  el("p", { class: "chip" }, kindSwatch(node.kind, 12), el("span", { text: KIND_STYLES[node.kind].label }));

function nodeContent(actions: DetailsActions, details: NodeDetails): Content {
  const claimCount = details.groups.reduce((sum, group) => sum + group.claims.length, 0);
  return [
    kindChip(details.node),
    el("h2", { class: "details-title", id: "details-title", text: details.node.label }),
    details.aliases.length
      ? el("p", { class: "aliases", text: `Also called ${details.aliases.join(", ")}` })
      : null,
    details.hidden ? hiddenNote(actions, "node") : null,
    el("p", { class: "description", text: details.description }),
    attributeTable(details.fileAttributes),
    el("h3", { class: "details-subtitle", text: `Claims (${claimCount})` }),
    details.hiddenClaims > 0
      ? el("p", { class: "note", text: `${details.hiddenClaims} more hidden by the current filters.` })
      : null,
    claimCount === 0
      ? el("p", { class: "note", text: "No claim of this node passes the current filters." })
      : null,
    ...details.groups.map((group) =>
      el(
        "section",
        { class: "claim-group", attrs: { "data-relation": group.relation, "data-holder": group.holderKey } },
        el(
          "h4",
          { class: "claim-group-title" },
          relationSwatch(
            group.relation,
            group.holderKey === "both",
            group.attribution ? ATTRIBUTION_LOOKS[group.attribution] : undefined,
          ),
          el("span", {
            text: [RELATION_STYLES[group.relation].label, group.holderLabel].filter(Boolean).join(" · "),
          }),
        ),
        el(
          "ul",
          { class: "claim-list" },
          ...group.claims.map((entry) => claimItem(actions, entry, details.node.id)),
        ),
      ),
    ),
    el("p", { class: "source-line", text: `From: ${details.sourceTitles.join("; ")}` }),
  ];
}

/** What the imported file said about the item, by its own names, as a two-column table; null if nothing. */
function attributeTable(rows: readonly FileAttribute[]): HTMLElement | null {
  if (!rows.length) return null;
  return el(
    "table",
    { class: "file-attributes" },
    el("caption", { text: "From the file" }),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { text: "Attribute", attrs: { scope: "col" } }),
        el("th", { text: "Value", attrs: { scope: "col" } }),
      ),
    ),
    el(
      "tbody",
      {},
      ...rows.map((row) =>
        el("tr", {}, el("th", { text: row.name, attrs: { scope: "row" } }), el("td", { text: row.value })),
      ),
    ),
  );
}

/** Who holds the claim, who said it and where: a definition list without empty rows. */
function claimFacts(actions: DetailsActions, details: ClaimDetails): HTMLElement {
  const { claim } = details;
  // The document's own voice has no holders: no "Held by" line at all, rather than an empty one.
  return el(
    "dl",
    { class: "facts" },
    claim.holders.length ? el("dt", { text: "Held by" }) : null,
    claim.holders.length
      ? el(
          "dd",
          {},
          ...claim.holders.flatMap((holder, i) => [
            i > 0 ? " and " : null,
            nodeButton(actions, holder, null),
          ]),
        )
      : null,
    claim.speaker ? el("dt", { text: "Said by" }) : null,
    claim.speaker ? el("dd", { text: claim.speaker }) : null,
    el("dt", { text: "Source" }),
    el("dd", { text: details.sourceTitle }),
  );
}

/** "Contested: opposite stances, contested linkage"; "Held jointly". */
function roleLine(part: ClaimInComparison): string {
  const patterns = part.patterns.filter((pattern) => pattern !== part.label).map((p) => p.toLowerCase());
  return patterns.length ? `${part.label}: ${patterns.join(", ")}` : part.label;
}

/** In Compare: the claim's role, the patterns it is in, and the other side's claims, each a way there. */
function comparisonPart(actions: DetailsActions, graph: LinkageGraph, part: ClaimInComparison): HTMLElement {
  return el(
    "section",
    { class: "claim-comparison", attrs: { "data-role": part.role } },
    el("h3", { class: "details-subtitle", text: "In this comparison" }),
    el("p", { class: "claim-role" }, roleSwatch(part.role), el("span", { text: roleLine(part) })),
    part.others.length
      ? el(
          "ul",
          { class: "claim-others" },
          ...part.others.map((other) =>
            el(
              "li",
              { attrs: { "data-claim": other.id } },
              el("span", { class: "claim-others-holder", text: `${holderNames(graph, other)}: ` }),
              el("button", {
                class: "link-button",
                text: asStatement(claimSentence(graph, other)),
                attrs: { type: "button", title: "Details of this claim" },
                on: { click: () => actions.selectClaim(other.id) },
              }),
            ),
          ),
        )
      : null,
  );
}

function claimContent(
  actions: DetailsActions,
  details: ClaimDetails,
  comparison: HTMLElement | null,
): Content {
  const { claim } = details;
  const marker = modalityMarker(claim);
  return [
    el(
      "p",
      { class: "chip", attrs: { "data-attribution": claim.attribution } },
      relationSwatch(
        claim.relation,
        claim.heldByBothSides,
        claim.attribution ? ATTRIBUTION_LOOKS[claim.attribution] : undefined,
      ),
      el("span", { text: `Claim · ${RELATION_STYLES[claim.relation].label}` }),
    ),
    el("h2", { class: "details-title", id: "details-title", text: claim.sentence }),
    claimEnds(actions, claim, null),
    details.hidden ? hiddenNote(actions, "claim") : null,
    marker ? el("p", { class: "claim-marks" }, marker) : null,
    claim.qualifier ? el("p", { class: "claim-qualifier", text: `“${claim.qualifier}”` }) : null,
    // An inferred claim's note is its reason, shown with the badge; any other note is its description.
    claim.attribution === "inferred" ? null : el("p", { class: "description", text: claim.note }),
    ...voiceAndEvidence(claim),
    comparison,
    claimFacts(actions, details),
    attributeTable(details.fileAttributes),
    // An imported edge cites no finding: no empty Findings heading either.
    ...(claim.findings.length
      ? [
          el("h3", { class: "details-subtitle", text: `Findings (${claim.findings.length})` }),
          findingList(claim.findings),
        ]
      : []),
  ];
}

function emptyContent(store: Store, graph: LinkageGraph, bank: HTMLElement): Content {
  // An imported graph has no holders, so no question of the bank can be asked of it: no heading either.
  const asks = bank.childElementCount > 0;
  return [
    el("h2", { class: "details-title", id: "details-title", text: "Nothing selected" }),
    el(
      "p",
      { class: "description" },
      `${asks ? "Ask one of these questions, or click" : "Click"} a node or a line in the network, pick a row in the list, or search by name. This panel then shows ${asks ? "the answer, or " : ""}what each side claims about your choice and the findings those claims rest on.`,
    ),
    asks ? el("h3", { class: "details-subtitle", text: "Questions an analyst asks" }) : null,
    asks ? bank : null,
    el("h3", { class: "details-subtitle", text: "Other ways in" }),
    startActions(store, graph),
    el(
      "ul",
      { class: "tips" },
      el("li", { text: "Hover a node to light up its neighbours." }),
      el("li", { text: "Drag to pan, scroll or pinch to zoom; + − and arrow keys work too." }),
      el("li", { text: "Escape clears the selection. Links keep the view: copy the address to share it." }),
    ),
  ];
}

export function createDetailsPanel(store: Store, derived: Derived) {
  const { graph } = derived;
  const body = el("div", { class: "details-body" });
  const back = el("button", {
    class: "link-button answer-back",
    text: "← Back to the answer",
    attrs: { type: "button", hidden: true },
    on: { click: () => store.dispatch({ type: "select", selection: null }) },
  });
  const trace = createTraceAnswer(store, derived);
  const compareLists = createCompareLists(store, derived);
  const bank = createQuestionBank(store, graph, true).element;
  const parts: Record<Exclude<PanelContent, "start">, HTMLElement[]> = {
    trace: [trace.element],
    compare: [compareLists.element],
    details: [back, body],
  };
  const element = el(
    "aside",
    { class: "details", id: "details", attrs: { "aria-label": "Answer and details", tabindex: "-1" } },
    trace.element,
    compareLists.element,
    back,
    body,
  );
  const select = (selection: { type: "node" | "claim"; id: string }) =>
    store.dispatch({ type: "select", selection, focus: true });
  const actions: DetailsActions = {
    selectNode: (id) => select({ type: "node", id }),
    selectClaim: (id) => select({ type: "claim", id }),
    resetFilters: () => store.dispatch({ type: "resetFilters" }),
  };

  watch(
    store,
    (state) => panelShows(state, derived),
    ({ content, answerOpen }) => {
      element.dataset.content = content;
      const on = content === "start" ? "details" : content;
      for (const [part, elements] of Object.entries(parts))
        for (const shown of elements) shown.classList.toggle("is-off", part !== on);
      back.hidden = content !== "details" || !answerOpen;
      element.scrollTop = 0;
    },
  );
  watch(
    store,
    (state) => ({
      selection: state.selection,
      visibility: derived.visibility(state),
      layer: derived.layer(state),
    }),
    ({ selection, visibility, layer }) => {
      const details = selection ? describeSelection(graph, selection, visibility) : null;
      const label = (id: string) => labelOf(graph, id);
      const part = details?.type === "claim" ? claimInComparison(layer, details.claim.id, label) : null;
      const content =
        details === null
          ? emptyContent(store, graph, bank)
          : details.type === "node"
            ? nodeContent(actions, details)
            : claimContent(actions, details, part ? comparisonPart(actions, graph, part) : null);
      body.replaceChildren(...content.filter((child) => child !== null));
      element.scrollTop = 0;
      element.classList.toggle("has-selection", details !== null);
    },
  );
  return { element };
}
