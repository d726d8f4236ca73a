// Under the position matrix: the chosen cell's claims (sentence, qualifier, hedge, who the document
// says differ, findings) and the findings it cites, with a way to see them in the network. Or, with
// no cell chosen, how to choose one. Builds from the matrix's plain data; dispatches setView.
import type { PositionMatrix } from "../../graph/position-matrix.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import { MODALITY_STYLES } from "../../model/vocabulary.ts";
import { disputedSentence } from "../state/details.ts";
import type { MatrixCell } from "../state/perspective.ts";
import type { Store } from "../state/store.ts";
import { el } from "./dom.ts";
import { cellClaims, POSITION_TEXT, shortRef } from "./matrix-grid.ts";

function claimEntry(
  claim: ClaimRecord,
  label: (id: string) => string,
  sentence: (claim: ClaimRecord) => string,
) {
  const marker = claim.modality ? MODALITY_STYLES[claim.modality].marker : "";
  return el(
    "li",
    { class: "claim", attrs: { "data-claim": claim.id } },
    el("p", { class: "claim-sentence", text: sentence(claim) }),
    claim.qualifier ? el("p", { class: "claim-qualifier", text: `“${claim.qualifier}”` }) : null,
    marker
      ? el("p", { class: "claim-marker", text: marker, attrs: { "data-modality": claim.modality } })
      : null,
    claim.disputedBy.length >= 2
      ? el("p", { class: "claim-disputed", text: disputedSentence(claim.disputedBy.map(label)) })
      : null,
    el("p", { class: "claim-findings", text: `Findings ${claim.findings.map(shortRef).join(", ")}` }),
  );
}

/** Shows `cell` of `matrix` in `box`, or the hint when there is none (or it left the matrix). */
export function showCellDetails(
  box: HTMLElement,
  store: Store,
  matrix: PositionMatrix | null,
  cell: MatrixCell | null,
  words: { label: (id: string) => string; sentence: (claim: ClaimRecord) => string },
): void {
  const row = cell && matrix?.rows.find((r) => r.holder === cell.holder);
  const index = cell && matrix ? matrix.columns.findIndex((c) => c.id === cell.column) : -1;
  const found = row && index >= 0 ? row.cells[index] : undefined;
  if (!cell || !found || !matrix) {
    box.replaceChildren(
      el("p", {
        class: "hint",
        text: "Select a cell to see its claims and findings here and in the network.",
      }),
    );
    return;
  }
  const summaries = new Map(matrix.findings.map((f) => [f.id, f.summary]));
  box.replaceChildren(
    el("h3", {
      class: "details-subtitle",
      text: `${words.label(cell.holder)} on ${words.label(cell.column)}: ${POSITION_TEXT[found.position].text}`,
    }),
    el(
      "ul",
      { class: "claim-list" },
      ...cellClaims(found).map((claim) => claimEntry(claim, words.label, words.sentence)),
    ),
    el(
      "ul",
      { class: "finding-list", attrs: { "aria-label": "Findings cited" } },
      ...found.findings.map((ref) =>
        el(
          "li",
          { class: "finding" },
          el("span", { class: "finding-id", text: shortRef(ref) }),
          el("span", { class: "finding-summary", text: summaries.get(ref) ?? "" }),
        ),
      ),
    ),
    el("button", {
      class: "button",
      text: "Show in the network",
      attrs: { type: "button" },
      on: { click: () => store.dispatch({ type: "setView", view: "graph" }) },
    }),
  );
}
