// The details panel: what is selected, its description, its claims grouped by relation and
// holder with qualifiers, and under each claim who says it (stated, inferred with its reason, or the
// document's own voice), how firmly (hedged, open question), its evidence quote and the findings it
// rests on. Neighbours are buttons that move the selection and the camera. With nothing selected it
// says how to begin.
import type { FindingRecord } from "../../graph/build.ts";
import { claimVoice } from "../../graph/records.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { ATTRIBUTION_STYLES, KIND_STYLES, MODALITY_STYLES, RELATION_STYLES } from "../../model/vocabulary.ts";
import { ATTRIBUTION_LOOKS } from "../controllers/attribution-styles.ts";
import {
  type ClaimDetails,
  type ClaimEntry,
  claimSentence,
  describeSelection,
  disputedSentence,
  type NodeDetails,
  type NodeRef,
} from "../state/details.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import type { Store } from "../state/store.ts";
import { el, kindSwatch, relationSwatch } from "./dom.ts";
import { startActions } from "./start-actions.ts";

export function createDetailsPanel(store: Store, graph: LinkageGraph) {
  const body = el("div", { class: "details-body" });
  const element = el(
    "aside",
    { class: "details", id: "details", attrs: { "aria-label": "Details of the selection", tabindex: "-1" } },
    body,
  );

  const selectNode = (id: string) =>
    store.dispatch({ type: "select", selection: { type: "node", id }, focus: true });
  const selectClaim = (id: string) =>
    store.dispatch({ type: "select", selection: { type: "claim", id }, focus: true });

  const nodeButton = (node: NodeRef, current: string | null) =>
    node.id === current
      ? el("strong", { class: "node-name", text: node.label })
      : el(
          "button",
          {
            class: "link-button",
            attrs: { type: "button", "data-node": node.id, title: `Select ${node.label}` },
            on: { click: () => selectNode(node.id) },
          },
          kindSwatch(node.kind, 11),
          node.label,
        );

  const findingList = (findings: readonly FindingRecord[]) =>
    el(
      "ul",
      { class: "finding-list", attrs: { "aria-label": "Findings cited" } },
      ...findings.map((finding) =>
        el(
          "li",
          { class: "finding" },
          el("span", { class: "finding-id", text: finding.id }),
          el("span", { class: "finding-summary", text: finding.summary }),
          el("span", { class: "finding-source", text: finding.sourceTitle }),
        ),
      ),
    );

  /** "hedged" or "open question" beside the claim (claimVoice's hedge); nothing for a plain assertion. */
  const modalityMarker = (entry: ClaimEntry) => {
    const hedge = claimVoice(entry).hedge;
    return hedge && entry.modality
      ? el("span", {
          class: "claim-marker",
          text: hedge,
          attrs: { "data-modality": entry.modality, title: MODALITY_STYLES[entry.modality].description },
        })
      : null;
  };

  /** The inferred badge with the note as its reason: the holders are our reading, and why. */
  const inferredReason = (reason: string) =>
    el(
      "p",
      { class: "claim-inferred" },
      el("span", {
        class: "claim-badge",
        text: ATTRIBUTION_STYLES.inferred.badge,
        attrs: { title: ATTRIBUTION_STYLES.inferred.description },
      }),
      " ",
      el("span", { class: "claim-reason", text: reason }),
    );

  /** The document's own voice, the evidence quote with its findings, who it says differ, why inferred. */
  const voiceAndEvidence = (entry: ClaimEntry) => {
    const voice = claimVoice(entry);
    return [
      voice.lead
        ? el("p", {
            class: "claim-voice",
            text: voice.lead,
            attrs: { title: ATTRIBUTION_STYLES.document.description },
          })
        : null,
      voice.evidence
        ? el(
            "figure",
            { class: "claim-evidence" },
            el("blockquote", { class: "evidence-quote" }, el("p", { text: `“${voice.evidence}”` })),
            el(
              "figcaption",
              { class: "evidence-cites" },
              entry.findings.length === 1 ? "Finding " : "Findings ",
              ...entry.findings.flatMap((finding, i) => [
                i > 0 ? ", " : null,
                el("span", {
                  class: "evidence-finding",
                  text: finding.id,
                  attrs: { title: finding.summary },
                }),
              ]),
            ),
          )
        : null,
      entry.disputedBy.length >= 2
        ? el("p", {
            class: "claim-disputed",
            text: disputedSentence(entry.disputedBy.map((actor) => actor.label)),
          })
        : null,
      voice.inferredBecause ? inferredReason(voice.inferredBecause) : null,
    ];
  };

  const claimItem = (entry: ClaimEntry, current: string) => {
    const marker = modalityMarker(entry);
    return el(
      "li",
      {
        class: "claim",
        attrs: {
          "data-claim": entry.id,
          "data-attribution": entry.attribution,
          "data-modality": entry.modality,
        },
      },
      el(
        "p",
        { class: "claim-sentence" },
        nodeButton(entry.source, current),
        ` ${RELATION_STYLES[entry.relation].verb} `,
        nodeButton(entry.target, current),
        marker ? " " : null,
        marker,
      ),
      entry.qualifier ? el("p", { class: "claim-qualifier", text: `“${entry.qualifier}”` }) : null,
      ...voiceAndEvidence(entry),
      entry.speaker ? el("p", { class: "claim-speaker", text: `Said by ${entry.speaker}` }) : null,
      findingList(entry.findings),
      el("button", {
        class: "link-button link-button-small",
        text: "Claim details",
        attrs: { type: "button", "aria-label": `Details of the claim: ${claimSentence(entry)}` },
        on: { click: () => selectClaim(entry.id) },
      }),
    );
  };

  const hiddenNote = (what: string) =>
    el(
      "p",
      { class: "note note-warning" },
      `This ${what} is hidden by the current filters. `,
      el("button", {
        class: "link-button",
        text: "Show everything",
        attrs: { type: "button" },
        on: { click: () => store.dispatch({ type: "resetFilters" }) },
      }),
    );

  const kindChip = (node: NodeRef) =>
    el("p", { class: "chip" }, kindSwatch(node.kind, 12), el("span", { text: KIND_STYLES[node.kind].label }));

  const renderNode = (details: NodeDetails) => {
    const claimCount = details.groups.reduce((sum, group) => sum + group.claims.length, 0);
    return [
      kindChip(details.node),
      el("h2", { class: "details-title", id: "details-title", text: details.node.label }),
      details.aliases.length
        ? el("p", { class: "aliases", text: `Also called ${details.aliases.join(", ")}` })
        : null,
      details.hidden ? hiddenNote("node") : null,
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
          {
            class: "claim-group",
            attrs: { "data-relation": group.relation, "data-holder": group.holderKey },
          },
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
            ...group.claims.map((entry) => claimItem(entry, details.node.id)),
          ),
        ),
      ),
      el("p", { class: "source-line", text: `From: ${details.sourceTitles.join("; ")}` }),
    ];
  };

  const renderClaim = (details: ClaimDetails) => {
    const { claim } = details;
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
        nodeButton(claim.source, null),
        ` ${RELATION_STYLES[claim.relation].verb} `,
        nodeButton(claim.target, null),
      ),
      details.hidden ? hiddenNote("claim") : null,
      claimVoice(claim).hedge ? el("p", { class: "claim-marks" }, modalityMarker(claim)) : null,
      claim.qualifier ? el("p", { class: "claim-qualifier", text: `“${claim.qualifier}”` }) : null,
      // An inferred claim's note is its reason, shown with the badge; any other note is its description.
      claim.attribution === "inferred" ? null : el("p", { class: "description", text: claim.note }),
      ...voiceAndEvidence(claim),
      el(
        "dl",
        { class: "facts" },
        // The document's own voice has no holders: no "Held by" line at all, rather than an empty one.
        claim.holders.length ? el("dt", { text: "Held by" }) : null,
        claim.holders.length
          ? el(
              "dd",
              {},
              ...claim.holders.flatMap((holder, i) => [i > 0 ? " and " : null, nodeButton(holder, null)]),
            )
          : null,
        claim.speaker ? el("dt", { text: "Said by" }) : null,
        claim.speaker ? el("dd", { text: claim.speaker }) : null,
        el("dt", { text: "Source" }),
        el("dd", { text: details.sourceTitle }),
      ),
      el("h3", { class: "details-subtitle", text: `Findings (${claim.findings.length})` }),
      findingList(claim.findings),
    ];
  };

  const renderEmpty = () => [
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

  let shown: { selection: ExplorerState["selection"]; visibility: Visibility } | null = null;

  return {
    element,
    update(state: ExplorerState, visibility: Visibility) {
      if (shown && shown.selection === state.selection && shown.visibility === visibility) return;
      shown = { selection: state.selection, visibility };
      const details = state.selection ? describeSelection(graph, state.selection, visibility) : null;
      const content =
        details === null
          ? renderEmpty()
          : details.type === "node"
            ? renderNode(details)
            : renderClaim(details);
      body.replaceChildren(...content.filter((child) => child !== null));
      element.scrollTop = 0;
      element.classList.toggle("has-selection", details !== null);
    },
  };
}
