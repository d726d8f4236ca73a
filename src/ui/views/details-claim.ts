// The pieces the details panel builds a claim from: node buttons, the finding list, the modality
// marker, the inferred badge with its reason, the document's own voice and the evidence quote, and a
// claim as an item of a node's list. Plain builders over state/details.ts's entries; the clicks they
// carry are the panel's (DetailsActions). Text reaches the DOM as text only.
import type { FindingRecord } from "../../graph/build.ts";
import { claimVoice } from "../../graph/records.ts";
import { ATTRIBUTION_STYLES, MODALITY_STYLES } from "../../model/vocabulary.ts";
import { type ClaimEntry, disputedSentence, type NodeRef } from "../state/details.ts";
import { el, kindSwatch } from "./dom.ts";

/** What a click in the panel does: move the selection (and the camera) or clear the filters. */
export interface DetailsActions {
  selectNode(id: string): void;
  selectClaim(id: string): void;
  resetFilters(): void;
}

/** A button that selects the node; the node already shown is plain bold text. */
export function nodeButton(actions: DetailsActions, node: NodeRef, current: string | null): HTMLElement {
  return node.id === current
    ? el("strong", { class: "node-name", text: node.label })
    : el(
        "button",
        {
          class: "link-button",
          attrs: { type: "button", "data-node": node.id, title: `Select ${node.label}` },
          on: { click: () => actions.selectNode(node.id) },
        },
        kindSwatch(node.kind, 11),
        node.label,
      );
}

export function findingList(findings: readonly FindingRecord[]): HTMLElement {
  return el(
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
}

/** "hedged" or "open question" beside the claim (claimVoice's hedge); nothing for a plain assertion. */
export function modalityMarker(entry: ClaimEntry): HTMLElement | null {
  const hedge = claimVoice(entry).hedge;
  return hedge && entry.modality
    ? el("span", {
        class: "claim-marker",
        text: hedge,
        attrs: { "data-modality": entry.modality, title: MODALITY_STYLES[entry.modality].description },
      })
    : null;
}

/** The inferred badge with the note as its reason: the holders are our reading, and why. */
function inferredReason(reason: string): HTMLElement {
  return el(
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
}

/** The evidence quote with the findings it comes from. */
function evidenceQuote(evidence: string, findings: readonly FindingRecord[]): HTMLElement {
  return el(
    "figure",
    { class: "claim-evidence" },
    el("blockquote", { class: "evidence-quote" }, el("p", { text: `“${evidence}”` })),
    el(
      "figcaption",
      { class: "evidence-cites" },
      findings.length === 1 ? "Finding " : "Findings ",
      ...findings.flatMap((finding, i) => [
        i > 0 ? ", " : null,
        el("span", { class: "evidence-finding", text: finding.id, attrs: { title: finding.summary } }),
      ]),
    ),
  );
}

/** The document's own voice, the evidence quote with its findings, who it says differ, why inferred. */
export function voiceAndEvidence(entry: ClaimEntry): (HTMLElement | null)[] {
  const voice = claimVoice(entry);
  return [
    voice.lead
      ? el("p", {
          class: "claim-voice",
          text: voice.lead,
          attrs: { title: ATTRIBUTION_STYLES.document.description },
        })
      : null,
    voice.evidence ? evidenceQuote(voice.evidence, entry.findings) : null,
    entry.disputedBy.length >= 2
      ? el("p", {
          class: "claim-disputed",
          text: disputedSentence(entry.disputedBy.map((actor) => actor.label)),
        })
      : null,
    voice.inferredBecause ? inferredReason(voice.inferredBecause) : null,
  ];
}

/** The claim's two ends, each a button to it (the one already shown in bold), source first. */
export function claimEnds(actions: DetailsActions, entry: ClaimEntry, current: string | null): HTMLElement {
  return el(
    "p",
    { class: "claim-ends" },
    nodeButton(actions, entry.source, current),
    el("span", { class: "claim-ends-arrow", text: " → ", attrs: { "aria-label": "to" } }),
    nodeButton(actions, entry.target, current),
  );
}

/** One claim in a node's list: its sentence, its ends as buttons, what backs it, and a way in. */
export function claimItem(actions: DetailsActions, entry: ClaimEntry, current: string): HTMLElement {
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
    el("p", { class: "claim-sentence" }, entry.sentence, marker ? " " : null, marker),
    claimEnds(actions, entry, current),
    entry.qualifier ? el("p", { class: "claim-qualifier", text: `“${entry.qualifier}”` }) : null,
    ...voiceAndEvidence(entry),
    entry.speaker ? el("p", { class: "claim-speaker", text: `Said by ${entry.speaker}` }) : null,
    findingList(entry.findings),
    el("button", {
      class: "link-button link-button-small",
      text: "Claim details",
      attrs: { type: "button", "aria-label": `Details of the claim: ${entry.sentence}` },
      on: { click: () => actions.selectClaim(entry.id) },
    }),
  );
}

/** Says the selection is hidden by the filters, with the way back to everything. */
export function hiddenNote(actions: DetailsActions, what: string): HTMLElement {
  return el(
    "p",
    { class: "note note-warning" },
    `This ${what} is hidden by the current filters. `,
    el("button", {
      class: "link-button",
      text: "Show everything",
      attrs: { type: "button" },
      on: { click: () => actions.resetFilters() },
    }),
  );
}
