// The position matrix view: actors that hold claims as rows, issues and treaties as columns
// (matrix-grid.ts draws them), a grid in the ARIA sense (matrix-keys.ts: arrow keys move, Enter or
// Space selects the cell's claims through selectCell, so the column node is selected and the cell's
// claims emphasised), the chosen cell's claims under it (matrix-cell-details.ts), sorting by
// contestedness and a CSV download. A column's "contested" count opens Compare's Differences narrowed
// to that column (setPerspective with `on`). Watches the view, what is visible, the sort and the
// chosen cell; the matrix is computed only while the view is open.
import { positionMatrixCsvFile } from "../../formats/position-matrix-csv.ts";
import { type PositionMatrix, positionMatrix } from "../../graph/position-matrix.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import { asStatement, claimSentence, labelOf } from "../../graph/sentences.ts";
import type { Derived } from "../state/derived.ts";
import type { Visibility } from "../state/filters.ts";
import { type MatrixContest, matrixContest } from "../state/matrix-contest.ts";
import { activeCell, type MatrixSort } from "../state/perspective.ts";
import { visibilityFilter } from "../state/perspective-layer.ts";
import { type Store, watch } from "../state/store.ts";
import { saveText } from "./brief-actions.ts";
import { el } from "./dom.ts";
import { showCellDetails } from "./matrix-cell-details.ts";
import { fillGrid, matrixKey } from "./matrix-grid.ts";
import { bindGridKeys } from "./matrix-keys.ts";

/** Sorting by contestedness (setMatrixSort) and the CSV download of the matrix on screen. */
function matrixTools(store: Store, shown: () => PositionMatrix | null) {
  const sort = el("button", {
    class: "button button-quiet",
    text: "Most contested first",
    attrs: { type: "button", "aria-pressed": "false", id: "matrix-sort" },
    on: {
      click: () => {
        const next = store.getState().perspectives.matrixSort === "contestedness" ? "graph" : "contestedness";
        store.dispatch({ type: "setMatrixSort", sort: next });
      },
    },
  });
  const download = el("button", {
    class: "button button-quiet",
    text: "Download CSV",
    attrs: { type: "button", id: "matrix-csv" },
    on: {
      click: () => {
        const matrix = shown();
        if (matrix) saveText(positionMatrixCsvFile(matrix), "position-matrix.csv", "text/csv");
      },
    },
  });
  return {
    element: el("div", { class: "matrix-tools" }, sort, download),
    showSort: (current: MatrixSort) => sort.setAttribute("aria-pressed", String(current === "contestedness")),
  };
}

export function createPositionMatrixView(store: Store, derived: Derived) {
  const { graph } = derived;
  const label = (id: string) => labelOf(graph, id);
  const sentence = (claim: ClaimRecord) => asStatement(claimSentence(graph, claim));
  let matrix: PositionMatrix | null = null;
  let contest: MatrixContest | null = null;
  let builtFor: { visibility: Visibility; sort: MatrixSort } | null = null;

  const tools = matrixTools(store, () => matrix);
  const grid = el("table", {
    class: "data-table matrix-grid",
    id: "matrix-grid",
    attrs: { role: "grid", "aria-labelledby": "matrix-title", "aria-describedby": "matrix-keys" },
  });
  const note = el("p", { class: "note", attrs: { hidden: true } });
  const cellDetails = el("div", {
    class: "matrix-cell-details",
    id: "matrix-cell-details",
    attrs: { "aria-live": "polite" },
  });
  const element = el(
    "section",
    { class: "matrix-view", id: "matrix-view", attrs: { "aria-labelledby": "matrix-title", hidden: true } },
    el("h2", { class: "section-title", id: "matrix-title", text: "Position matrix" }),
    el(
      "p",
      { class: "hint", id: "matrix-keys" },
      "Each actor's stance on each issue and treaty, with the findings it rests on. Arrow keys move between cells; Enter selects a cell's claims.",
    ),
    matrixKey(),
    tools.element,
    note,
    el("div", { class: "matrix-scroll" }, grid),
    cellDetails,
  );

  const keys = bindGridKeys(
    grid,
    () => (matrix ? { rows: matrix.rows.length, columns: matrix.columns.length } : null),
    (cell) => {
      const { holder, column } = cell.dataset;
      if (holder && column) store.dispatch({ type: "selectCell", holder, column });
    },
  );
  // A column's count opens Compare's list for it, in the right panel; the matrix stays in view.
  grid.addEventListener("click", (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLElement>("[data-contested]") : null;
    const on = button?.dataset.contested;
    if (!on || !contest) return;
    const [a, b] = contest.holders;
    store.dispatch({ type: "setPerspective", perspective: { mode: "compare", a, b, on } });
  });
  const build = (visibility: Visibility, sort: MatrixSort) => {
    builtFor = { visibility, sort };
    const built = positionMatrix(graph, { filter: visibilityFilter(visibility), sort });
    matrix = built;
    contest = matrixContest(graph, visibility);
    const words = { graph, sentence, contest };
    keys.keepFocus(() => {
      const text = fillGrid(grid, built, words);
      note.hidden = text === null;
      note.textContent = text ?? "";
    });
    tools.showSort(sort);
  };

  watch(
    store,
    (state) =>
      state.view === "matrix"
        ? {
            visibility: derived.visibility(state),
            sort: state.perspectives.matrixSort,
            cell: activeCell(state),
          }
        : null,
    (shown) => {
      element.hidden = shown === null;
      if (!shown) return;
      if (builtFor?.visibility !== shown.visibility || builtFor.sort !== shown.sort)
        build(shown.visibility, shown.sort);
      const { cell } = shown;
      for (const td of grid.querySelectorAll<HTMLTableCellElement>("td[role=gridcell]")) {
        const chosen =
          cell !== null && td.dataset.holder === cell.holder && td.dataset.column === cell.column;
        td.setAttribute("aria-selected", String(chosen));
      }
      showCellDetails(cellDetails, store, matrix, cell, { label, sentence, contest });
    },
  );
  return { element };
}
