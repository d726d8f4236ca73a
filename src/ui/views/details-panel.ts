// The details panel: what is selected, its description, its claims grouped by relation and
// holder with qualifiers, and under each claim who says it (stated, inferred with its reason, or the
// document's own voice), how firmly (hedged, open question), its evidence quote and the findings it
// rests on (details-claim.ts builds those). Neighbours are buttons that move the selection and the
// camera. With nothing selected it says how to begin. Watches the selection and what is visible.
import type { LinkageGraph } from "../../graph/types.ts";
import { KIND_STYLES, RELATION_STYLES } from "../../model/vocabulary.ts";
import type { Derived } from "../state/derived.ts";
import { type ClaimDetails, describeSelection, type NodeDetails, type NodeRef } from "../state/details.ts";
import { ATTRIBUTION_LOOKS } from "../state/looks.ts";
import { type Store, watch } from "../state/store.ts";
import {
  claimItem,
  type DetailsActions,
  findingList,
  hiddenNote,
  modalityMarker,
  nodeButton,
  voiceAndEvidence,
} from "./details-claim.ts";
import { el, kindSwatch, relationSwatch } from "./dom.ts";
import { startActions } from "./start-actions.ts";

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
          el("span", { text: `${RELATION_STYLES[group.relation].label} · ${group.holderLabel}` }),
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

function claimContent(actions: DetailsActions, details: ClaimDetails): Content {
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
    el(
      "h2",
      { class: "details-title", id: "details-title" },
      nodeButton(actions, claim.source, null),
      ` ${RELATION_STYLES[claim.relation].verb} `,
      nodeButton(actions, claim.target, null),
    ),
    details.hidden ? hiddenNote(actions, "claim") : null,
    marker ? el("p", { class: "claim-marks" }, marker) : null,
    claim.qualifier ? el("p", { class: "claim-qualifier", text: `“${claim.qualifier}”` }) : null,
    // An inferred claim's note is its reason, shown with the badge; any other note is its description.
    claim.attribution === "inferred" ? null : el("p", { class: "description", text: claim.note }),
    ...voiceAndEvidence(claim),
    claimFacts(actions, details),
    el("h3", { class: "details-subtitle", text: `Findings (${claim.findings.length})` }),
    findingList(claim.findings),
  ];
}

function emptyContent(store: Store, graph: LinkageGraph): Content {
  return [
    el("h2", { class: "details-title", id: "details-title", text: "Nothing selected" }),
    el(
      "p",
      { class: "description" },
      "Click a node or a line in the network, pick a row in the list, or search by name. This panel then shows what each side claims about it, and the findings those claims rest on.",
    ),
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
  const element = el(
    "aside",
    { class: "details", id: "details", attrs: { "aria-label": "Details of the selection", tabindex: "-1" } },
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
    (state) => ({ selection: state.selection, visibility: derived.visibility(state) }),
    ({ selection, visibility }) => {
      const details = selection ? describeSelection(graph, selection, visibility) : null;
      const content =
        details === null
          ? emptyContent(store, graph)
          : details.type === "node"
            ? nodeContent(actions, details)
            : claimContent(actions, details);
      body.replaceChildren(...content.filter((child) => child !== null));
      element.scrollTop = 0;
      element.classList.toggle("has-selection", details !== null);
    },
  );
  return { element };
}
