// Under the position matrix: the chosen cell's claims (sentence, qualifier, hedge, which are contested
// and how, who the document says differ, findings) and the findings it cites, with a way to see them in
// the network. Or, with no cell chosen, how to choose one. Builds from the matrix's plain data;
// dispatches setView.
import type { PositionMatrix } from "../../graph/position-matrix.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import { countOf } from "../../graph/sentences.ts";
import { MODALITY_STYLES } from "../../model/vocabulary.ts";
import { disputedSentence } from "../state/details.ts";
import type { MatrixContest } from "../state/matrix-contest.ts";
import type { MatrixCell } from "../state/perspective.ts";
import type { Store } from "../state/store.ts";
import { el } from "./dom.ts";
import { cellClaims, POSITION_TEXT, shortRef } from "./matrix-grid.ts";

/** How the cell's claims are worded: labels, sentences, and which are contested. */
interface CellWords {
  label: (id: string) => string;
  sentence: (claim: ClaimRecord) => string;
  contest: MatrixContest | null;
}

function claimEntry(claim: ClaimRecord, { label, sentence, contest }: CellWords) {
  const marker = claim.modality ? MODALITY_STYLES[claim.modality].marker : "";
  const contested = contest?.byClaim.get(claim.id);
  return el(
    "li",
    { class: "claim", attrs: { "data-claim": claim.id } },
    el("p", { class: "claim-sentence", text: sentence(claim) }),
    contested
      ? el("p", { class: "claim-contested", text: `Contested: ${contested.join(", ").toLowerCase()}` })
      : null,
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

/** "List the three differences on …": Compare's list for the column, as the column's count opens it. */
function differencesButton(store: Store, column: string, { label, contest }: CellWords): HTMLElement | null {
  const count = contest?.byColumn.get(column) ?? 0;
  if (!contest || !count) return null;
  const [a, b] = contest.holders;
  return el("button", {
    class: "button button-quiet",
    text: `List the ${countOf(count, "difference")} on ${label(column)}`,
    attrs: { type: "button" },
    on: {
      click: () =>
        store.dispatch({ type: "setPerspective", perspective: { mode: "compare", a, b, on: column } }),
    },
  });
}

/** Shows `cell` of `matrix` in `box`, or the hint when there is none (or it left the matrix). */
export function showCellDetails(
  box: HTMLElement,
  store: Store,
  matrix: PositionMatrix | null,
  cell: MatrixCell | null,
  words: CellWords,
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
    el("ul", { class: "claim-list" }, ...cellClaims(found).map((claim) => claimEntry(claim, words))),
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
    el(
      "div",
      { class: "matrix-cell-actions" },
      el("button", {
        class: "button",
        text: "Show in the network",
        attrs: { type: "button" },
        on: { click: () => store.dispatch({ type: "setView", view: "graph" }) },
      }),
      differencesButton(store, cell.column, words),
    ),
  );
}
