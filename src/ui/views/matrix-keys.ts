// The position matrix as an ARIA grid: one cell in the Tab order (roving tabindex); the arrow keys,
// Home and End (with Ctrl, the corners) move it; Enter, Space or a click chooses the cell. Keeps the
// focused cell across redraws by its holder and column. DOM only: what a choice does is the caller's.
import { MAX_COLUMNS, MAX_ROWS } from "./matrix-grid.ts";

const FAR = Number.MAX_SAFE_INTEGER;

/** Where each key moves from [row, column]; Home and End reach the row's ends, with Ctrl the grid's. */
function keyMoves(row: number, column: number, ctrl: boolean): Record<string, [number, number]> {
  return {
    ArrowUp: [row - 1, column],
    ArrowDown: [row + 1, column],
    ArrowLeft: [row, column - 1],
    ArrowRight: [row, column + 1],
    Home: ctrl ? [0, 0] : [row, 0],
    End: ctrl ? [FAR, FAR] : [row, FAR],
  };
}

/** `size()` is the matrix's rows and columns (before the cut); `choose` runs on Enter, Space or click. */
export function bindGridKeys(
  grid: HTMLTableElement,
  size: () => { rows: number; columns: number } | null,
  choose: (cell: HTMLTableCellElement) => void,
) {
  /** The cell in the Tab order, as [row, column] indexes of the data cells. */
  let focus: [number, number] = [0, 0];
  const cellAt = (row: number, column: number) =>
    grid.querySelector<HTMLTableCellElement>(`td[data-row="${row}"][data-col="${column}"]`);

  const moveFocus = (row: number, column: number, move = true) => {
    const whole = size();
    if (!whole) return;
    const rows = Math.min(whole.rows, MAX_ROWS);
    const columns = Math.min(whole.columns, MAX_COLUMNS);
    if (rows === 0 || columns === 0) return;
    const target = cellAt(Math.min(Math.max(row, 0), rows - 1), Math.min(Math.max(column, 0), columns - 1));
    if (!target) return;
    for (const cell of grid.querySelectorAll<HTMLTableCellElement>("td[role=gridcell]")) cell.tabIndex = -1;
    target.tabIndex = 0;
    focus = [Number(target.dataset.row), Number(target.dataset.col)];
    if (move) target.focus();
  };

  grid.addEventListener("keydown", (event) => {
    const [row, column] = focus;
    const move = keyMoves(row, column, event.ctrlKey)[event.key];
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

  return {
    /** Redraws with `redraw`, then puts the Tab stop (and focus, if the grid had it) back on the same cell. */
    keepFocus(redraw: () => void) {
      const hadFocus = grid.contains(document.activeElement);
      const ids = cellAt(...focus)?.dataset;
      redraw();
      const again = ids
        ? grid.querySelector<HTMLTableCellElement>(
            `td[data-holder="${CSS.escape(ids.holder ?? "")}"][data-column="${CSS.escape(ids.column ?? "")}"]`,
          )
        : null;
      moveFocus(again ? Number(again.dataset.row) : 0, again ? Number(again.dataset.col) : 0, hadFocus);
    },
  };
}
