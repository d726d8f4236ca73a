// The list view: every visible node and claim as real tables, under the same filters as the graph.
// It is the accessible alternative to the canvas: buttons in rows select, the panel explains.
// Watches the view, what is visible and the selection; drawn only while it is open.
import { type ClaimRecord, claimRecord, claimVoice } from "../../graph/records.ts";
import { claimSentence, holderNames } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { KIND_STYLES, RELATION_STYLES } from "../../model/vocabulary.ts";
import type { Derived } from "../state/derived.ts";
import type { Selection } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import { type Store, watch } from "../state/store.ts";
import { el, kindSwatch, relationSwatch } from "./dom.ts";

/** Rows beyond this are summarised: a table of 100,000 claims helps no one and stalls the page. */
const MAX_ROWS = 400;

function table(caption: string, headers: readonly string[], rows: HTMLTableRowElement[], total: number) {
  return el(
    "table",
    { class: "data-table" },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { text: h, attrs: { scope: "col" } })))),
    el(
      "tbody",
      {},
      ...rows,
      rows.length === 0
        ? el(
            "tr",
            {},
            el("td", { text: "Nothing matches the current filters.", attrs: { colspan: headers.length } }),
          )
        : null,
      total > rows.length
        ? el(
            "tr",
            {},
            el("td", {
              text: `…and ${total - rows.length} more. Narrow the filters to see them.`,
              attrs: { colspan: headers.length },
            }),
          )
        : null,
    ),
  );
}

/** A row's button selects its node or claim, and moves the camera to it. */
type SelectButton = (selection: Selection, text: string) => HTMLButtonElement;

/** Who says a claim, in words: the document's own voice or its holders, then inferred and hedged marks. */
function holdersText(graph: LinkageGraph, claim: ClaimRecord): string {
  const voice = claimVoice(claim);
  const who = voice.lead ?? holderNames(graph, claim);
  return voice.markers.length ? `${who} (${voice.markers.join(", ")})` : who;
}

function nodeRow(graph: LinkageGraph, id: string, button: SelectButton): HTMLTableRowElement {
  const attributes = graph.getNodeAttributes(id);
  return el(
    "tr",
    { attrs: { "data-node": id } },
    el("th", { attrs: { scope: "row" } }, button({ type: "node", id }, attributes.label)),
    el("td", {}, kindSwatch(attributes.kind, 12), ` ${KIND_STYLES[attributes.kind].label}`),
    el("td", { class: "numeric", text: String(graph.degree(id)) }),
    el("td", { text: attributes.aliases.join(", ") }),
  );
}

function claimRow(graph: LinkageGraph, id: string, button: SelectButton): HTMLTableRowElement {
  const claim = claimRecord(graph, id);
  return el(
    "tr",
    { attrs: { "data-claim": id } },
    el("th", { attrs: { scope: "row" } }, button({ type: "claim", id }, claimSentence(graph, claim))),
    el("td", {}, relationSwatch(claim.relation), ` ${RELATION_STYLES[claim.relation].label}`),
    // What the canvas shows by grey and lightness, in words: the document's voice, inferred, hedged.
    el("td", { text: holdersText(graph, claim) }),
    el("td", { text: claim.qualifier ?? "" }),
    el("td", { text: claim.findings.map((ref) => ref.slice(ref.lastIndexOf("#") + 1)).join(", ") }),
  );
}

/** Both tables, for what is visible: nodes by name, claims in graph order, each cut at MAX_ROWS. */
function tables(graph: LinkageGraph, visibility: Visibility, button: SelectButton): HTMLElement[] {
  const label = (id: string) => graph.getNodeAttribute(id, "label");
  const nodes = [...visibility.nodes].sort((a, b) => label(a).localeCompare(label(b)));
  const claims = [...visibility.claims];
  return [
    el("h2", { class: "visually-hidden", text: "List view" }),
    table(
      `Nodes (${nodes.length})`,
      ["Name", "Kind", "Claims", "Also called"],
      nodes.slice(0, MAX_ROWS).map((id) => nodeRow(graph, id, button)),
      nodes.length,
    ),
    table(
      `Claims (${claims.length})`,
      ["Claim", "Relation", "Held by", "Qualifier", "Findings"],
      claims.slice(0, MAX_ROWS).map((id) => claimRow(graph, id, button)),
      claims.length,
    ),
  ];
}

const isSelected = (selection: Selection | null, type: Selection["type"], id: string) =>
  selection?.type === type && selection.id === id;

/** Selection only restyles rows: re-rendering would destroy the focused button under a keyboard user. */
function markSelection(element: HTMLElement, selection: Selection | null): void {
  for (const row of element.querySelectorAll<HTMLTableRowElement>("tr[data-node], tr[data-claim]")) {
    const current = row.dataset.node
      ? isSelected(selection, "node", row.dataset.node)
      : isSelected(selection, "claim", row.dataset.claim ?? "");
    row.classList.toggle("is-selected", current);
    const button = row.querySelector("button");
    if (current) button?.setAttribute("aria-current", "true");
    else button?.removeAttribute("aria-current");
  }
}

export function createListView(store: Store, derived: Derived) {
  const { graph } = derived;
  const element = el("section", {
    class: "list-view",
    id: "list-view",
    attrs: { "aria-label": "Nodes and claims as tables", hidden: true },
  });
  const button: SelectButton = (selection, text) =>
    el("button", {
      class: "row-button",
      text,
      attrs: { type: "button" },
      on: { click: () => store.dispatch({ type: "select", selection, focus: true }) },
    });
  let renderedFor: Visibility | null = null;

  watch(
    store,
    (state) =>
      state.view === "list" ? { visibility: derived.visibility(state), selection: state.selection } : null,
    (shown) => {
      element.hidden = shown === null;
      if (!shown) return;
      if (renderedFor !== shown.visibility) {
        renderedFor = shown.visibility;
        element.replaceChildren(...tables(graph, shown.visibility, button));
      }
      markSelection(element, shown.selection);
    },
  );
  return { element };
}
