// The position matrix view: actors that hold claims as rows, issues and treaties as columns, each
// cell a symbol and a word (never colour alone) with its findings; "differ (sides not stated)" where
// the document says the row differs without saying which view it holds, and a marker (seen and read
// out) on hedged cells. A grid in the ARIA sense: one cell is in the Tab order (roving tabindex), arrow
// keys / Home / End move, Enter or Space selects the cell's claims (selectCell: the column node is
// selected and the cell's claims are emphasised).
// Sorting by contestedness and a CSV download. Computed only while the view is open.

import { positionMatrixCsv } from "../../formats/position-matrix-csv.ts";
import { type CellPosition, type PositionMatrix, positionMatrix } from "../../graph/position-matrix.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { KIND_STYLES, MODALITY_STYLES, RELATION_STYLES, type Relation } from "../../model/vocabulary.ts";
import { disputedSentence } from "../state/details.ts";
import type { ExplorerState } from "../state/explorer-state.ts";
import type { Visibility } from "../state/filters.ts";
import { activeCell, type MatrixSort } from "../state/perspective.ts";
import { visibilityFilter } from "../state/perspective-layer.ts";
import type { Store } from "../state/store.ts";
import { el, kindSwatch } from "./dom.ts";

/** What each position looks like: a symbol and a word, so colour is never the only cue. */
export const POSITION_TEXT: Record<CellPosition, { symbol: string; text: string }> = {
  supports: { symbol: "✓", text: "supports" },
  opposes: { symbol: "✗", text: "opposes" },
  mixed: { symbol: "±", text: "mixed" },
  linkage: { symbol: "↔", text: "linkage" },
  "differ-unassigned": { symbol: "≠", text: "differ (sides not stated)" },
  none: { symbol: "·", text: "nothing" },
};

/** The marker of a cell with a hedged claim or an open question: seen, and read out. */
export const HEDGED_MARK = {
  symbol: "~",
  text: `${MODALITY_STYLES.hedged.marker} or ${MODALITY_STYLES.question.marker}`,
};

/** More columns than this are cut, with a note: a table thousands wide helps no one. */
const MAX_COLUMNS = 80;
const MAX_ROWS = 60;

const shortRef = (ref: string) => ref.slice(ref.lastIndexOf("#") + 1);

export function createPositionMatrixView(store: Store, graph: LinkageGraph) {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const sentence = (claim: ClaimRecord) =>
    `${label(claim.source)} ${RELATION_STYLES[claim.relation as Relation]?.verb ?? claim.relation} ${label(claim.target)}`;

  const sortButton = el("button", {
    class: "button button-quiet",
    text: "Most contested first",
    attrs: { type: "button", "aria-pressed": "false", id: "matrix-sort" },
    on: {
      click: () => {
        const sort: MatrixSort =
          store.getState().perspectives.matrixSort === "contestedness" ? "graph" : "contestedness";
        store.dispatch({ type: "setMatrixSort", sort });
      },
    },
  });
  const exportButton = el("button", {
    class: "button button-quiet",
    text: "Download CSV",
    attrs: { type: "button", id: "matrix-csv" },
    on: { click: () => download() },
  });
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
    el(
      "ul",
      { class: "matrix-key", attrs: { "aria-label": "Symbols" } },
      ...Object.values(POSITION_TEXT).map(({ symbol, text }) =>
        el(
          "li",
          {},
          el("span", { class: "cell-symbol", text: symbol, attrs: { "aria-hidden": "true" } }),
          ` ${text}`,
        ),
      ),
      el(
        "li",
        {},
        el("span", { class: "cell-hedged", text: HEDGED_MARK.symbol, attrs: { "aria-hidden": "true" } }),
        ` ${HEDGED_MARK.text}`,
      ),
    ),
    el("div", { class: "matrix-tools" }, sortButton, exportButton),
    note,
    el("div", { class: "matrix-scroll" }, grid),
    cellDetails,
  );

  let matrix: PositionMatrix | null = null;
  let builtFor: { visibility: Visibility; sort: MatrixSort } | null = null;
  /** The cell in the Tab order, as [row, column] indexes of the data cells. */
  let focus: [number, number] = [0, 0];

  const cells = () => [...grid.querySelectorAll<HTMLTableCellElement>("td[role=gridcell]")];
  const cellAt = (row: number, column: number) =>
    grid.querySelector<HTMLTableCellElement>(`td[data-row="${row}"][data-col="${column}"]`);

  const moveFocus = (row: number, column: number, move = true) => {
    if (!matrix) return;
    const rows = Math.min(matrix.rows.length, MAX_ROWS);
    const columns = Math.min(matrix.columns.length, MAX_COLUMNS);
    if (rows === 0 || columns === 0) return;
    const target = cellAt(Math.min(Math.max(row, 0), rows - 1), Math.min(Math.max(column, 0), columns - 1));
    if (!target) return;
    for (const cell of cells()) cell.tabIndex = -1;
    target.tabIndex = 0;
    focus = [Number(target.dataset.row), Number(target.dataset.col)];
    if (move) target.focus();
  };

  const choose = (cell: HTMLTableCellElement) => {
    const holder = cell.dataset.holder;
    const column = cell.dataset.column;
    if (holder && column) store.dispatch({ type: "selectCell", holder, column });
  };

  grid.addEventListener("keydown", (event) => {
    const [row, column] = focus;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: event.ctrlKey ? [0, 0] : [row, 0],
      End: event.ctrlKey
        ? [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
        : [row, Number.MAX_SAFE_INTEGER],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      event.stopPropagation();
      moveFocus(move[0], move[1]);
    } else if (event.key === "Enter" || event.key === " ") {
      const cell = cellAt(row, column);
      if (!cell) return;
      event.preventDefault();
      choose(cell);
    }
  });
  grid.addEventListener("click", (event) => {
    const cell =
      event.target instanceof Element
        ? event.target.closest<HTMLTableCellElement>("td[role=gridcell]")
        : null;
    if (!cell) return;
    moveFocus(Number(cell.dataset.row), Number(cell.dataset.col), false);
    choose(cell);
  });

  function download() {
    if (!matrix) return;
    const blob = new Blob([positionMatrixCsv(matrix)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { attrs: { href: url, download: "position-matrix.csv" } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function render(current: PositionMatrix) {
    const summaries = new Map(current.findings.map((f) => [f.id, f.summary]));
    const columns = current.columns.slice(0, MAX_COLUMNS);
    const rows = current.rows.slice(0, MAX_ROWS);
    grid.setAttribute("aria-rowcount", String(rows.length + 1));
    grid.setAttribute("aria-colcount", String(columns.length + 1));
    const head = el(
      "thead",
      {},
      el(
        "tr",
        { attrs: { role: "row" } },
        el("th", { text: "Actor", attrs: { role: "columnheader", scope: "col" } }),
        ...columns.map((column) =>
          el(
            "th",
            {
              class: "matrix-column",
              attrs: {
                role: "columnheader",
                scope: "col",
                "data-column": column.id,
                title: `${KIND_STYLES[column.kind].label}: ${column.label}. ${column.contestedness} disagreement${column.contestedness === 1 ? "" : "s"} touch it.`,
              },
            },
            kindSwatch(column.kind, 11),
            el("span", { class: "matrix-column-label", text: column.label }),
            el("span", {
              class: "matrix-contested",
              text: column.contestedness ? `${column.contestedness}× contested` : "",
            }),
          ),
        ),
      ),
    );
    const body = el(
      "tbody",
      {},
      ...rows.map((row, r) =>
        el(
          "tr",
          { attrs: { role: "row", "data-holder": row.holder } },
          el("th", {
            text: row.label,
            attrs: { role: "rowheader", scope: "row", title: `${row.claims} claims held` },
          }),
          ...row.cells.slice(0, MAX_COLUMNS).map((cell, c) => {
            const look = POSITION_TEXT[cell.position];
            const findings = cell.findings.map(shortRef);
            const claims = [...cell.stances, ...cell.linkages, ...cell.disputed];
            // A stance or linkage beside a difference the document leaves unassigned: both are said.
            const alsoDiffer = cell.disputed.length > 0 && cell.position !== "differ-unassigned";
            const reading = [
              look.text,
              alsoDiffer ? `also ${POSITION_TEXT["differ-unassigned"].text}` : "",
              cell.hedged ? HEDGED_MARK.text : "",
            ]
              .filter(Boolean)
              .join("; ");
            const column = columns[c];
            const title = [
              ...claims.map(sentence),
              ...cell.findings.map((ref) => `${shortRef(ref)}: ${summaries.get(ref) ?? ""}`),
            ].join("\n");
            return el(
              "td",
              {
                class: `matrix-cell matrix-${cell.position}`,
                attrs: {
                  role: "gridcell",
                  tabindex: "-1",
                  "data-row": r,
                  "data-col": c,
                  "data-holder": row.holder,
                  "data-column": cell.column,
                  "data-position": cell.position,
                  "data-hedged": cell.hedged,
                  "aria-selected": "false",
                  "aria-label": `${row.label} on ${column?.label ?? cell.column}: ${reading}${findings.length ? `; findings ${findings.join(", ")}` : ""}`,
                  title: title || null,
                },
              },
              el("span", { class: "cell-symbol", text: look.symbol, attrs: { "aria-hidden": "true" } }),
              cell.position === "none" ? null : el("span", { class: "cell-text", text: look.text }),
              alsoDiffer
                ? el("span", {
                    class: "cell-text cell-also",
                    text: POSITION_TEXT["differ-unassigned"].text,
                  })
                : null,
              cell.hedged
                ? el(
                    "span",
                    { class: "cell-hedged", attrs: { title: HEDGED_MARK.text } },
                    el("span", { text: HEDGED_MARK.symbol, attrs: { "aria-hidden": "true" } }),
                    el("span", { class: "visually-hidden", text: ` (${HEDGED_MARK.text})` }),
                  )
                : null,
              findings.length ? el("span", { class: "cell-findings", text: findings.join(", ") }) : null,
            );
          }),
        ),
      ),
    );
    grid.replaceChildren(head, body);
    const cut = [
      current.rows.length > MAX_ROWS ? `${current.rows.length - MAX_ROWS} more actors` : "",
      current.columns.length > MAX_COLUMNS ? `${current.columns.length - MAX_COLUMNS} more columns` : "",
    ].filter(Boolean);
    note.hidden = cut.length === 0 && rows.length > 0;
    note.textContent =
      rows.length === 0
        ? "No actor holds a claim that passes the current filters."
        : `…and ${cut.join(" and ")}. Narrow the filters to see them.`;
  }

  const showCell = (state: ExplorerState) => {
    const cell = activeCell(state);
    for (const td of cells()) {
      const chosen = cell !== null && td.dataset.holder === cell.holder && td.dataset.column === cell.column;
      td.setAttribute("aria-selected", String(chosen));
    }
    const row = cell && matrix?.rows.find((r) => r.holder === cell.holder);
    const index = cell && matrix ? matrix.columns.findIndex((c) => c.id === cell.column) : -1;
    const found = row && index >= 0 ? row.cells[index] : undefined;
    if (!cell || !found || !matrix) {
      cellDetails.replaceChildren(
        el("p", {
          class: "hint",
          text: "Select a cell to see its claims and findings here and in the network.",
        }),
      );
      return;
    }
    const summaries = new Map(matrix.findings.map((f) => [f.id, f.summary]));
    const claims = [...found.stances, ...found.linkages, ...found.disputed];
    cellDetails.replaceChildren(
      el("h3", {
        class: "details-subtitle",
        text: `${label(cell.holder)} on ${label(cell.column)}: ${POSITION_TEXT[found.position].text}`,
      }),
      el(
        "ul",
        { class: "claim-list" },
        ...claims.map((claim) =>
          el(
            "li",
            { class: "claim", attrs: { "data-claim": claim.id } },
            el("p", { class: "claim-sentence", text: sentence(claim) }),
            claim.qualifier ? el("p", { class: "claim-qualifier", text: `“${claim.qualifier}”` }) : null,
            claim.modality && MODALITY_STYLES[claim.modality].marker
              ? el("p", {
                  class: "claim-marker",
                  text: MODALITY_STYLES[claim.modality].marker,
                  attrs: { "data-modality": claim.modality },
                })
              : null,
            claim.disputedBy.length >= 2
              ? el("p", { class: "claim-disputed", text: disputedSentence(claim.disputedBy.map(label)) })
              : null,
            el("p", {
              class: "claim-findings",
              text: `Findings ${claim.findings.map(shortRef).join(", ")}`,
            }),
          ),
        ),
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
  };

  return {
    element,
    /** The matrix on screen (null until the view is first opened). */
    current: () => matrix,
    update(state: ExplorerState, visibility: Visibility) {
      element.hidden = state.view !== "matrix";
      if (element.hidden) return;
      const sort = state.perspectives.matrixSort;
      if (builtFor?.visibility !== visibility || builtFor.sort !== sort) {
        const hadFocus = grid.contains(document.activeElement);
        const focusedIds = cellAt(...focus)?.dataset;
        const keep = focusedIds ? { holder: focusedIds.holder, column: focusedIds.column } : null;
        builtFor = { visibility, sort };
        matrix = positionMatrix(graph, { filter: visibilityFilter(visibility), sort });
        render(matrix);
        const again = keep
          ? grid.querySelector<HTMLTableCellElement>(
              `td[data-holder="${CSS.escape(keep.holder ?? "")}"][data-column="${CSS.escape(keep.column ?? "")}"]`,
            )
          : null;
        moveFocus(again ? Number(again.dataset.row) : 0, again ? Number(again.dataset.col) : 0, hadFocus);
        sortButton.setAttribute("aria-pressed", String(sort === "contestedness"));
      }
      showCell(state);
    },
  };
}
