// The position matrix's table: a header row of issues and treaties, each with the count of differences
// between the two sides that touch it (a button: matrix-view opens Compare's list for the column), then
// one row per actor, each cell a symbol and a word (never colour alone), how many of its claims are
// contested, its findings, "differ (sides not stated)" where the document leaves the sides unassigned,
// and a marker on hedged cells; every cell also read out whole through its label. Builds rows from
// graph/position-matrix.ts's plain data and state/matrix-contest.ts; no state, no listeners.
import type {
  CellPosition,
  PositionCell,
  PositionColumn,
  PositionMatrix,
  PositionRow,
} from "../../graph/position-matrix.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import { countOf, labelOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { KIND_STYLES, MODALITY_STYLES } from "../../model/vocabulary.ts";
import type { MatrixContest } from "../state/matrix-contest.ts";
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
export const MAX_COLUMNS = 80;
export const MAX_ROWS = 60;

export const shortRef = (ref: string) => ref.slice(ref.lastIndexOf("#") + 1);

/** The claims a cell rests on: stances, then linkages, then the differences with sides not stated. */
export const cellClaims = (cell: PositionCell): ClaimRecord[] => [
  ...cell.stances,
  ...cell.linkages,
  ...cell.disputed,
];

/** The symbols and what they mean, above the table. */
export function matrixKey(): HTMLElement {
  return el(
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
  );
}

/** How the grid words things: claims as sentences, node labels, and the contested claims and counts. */
export interface GridWords {
  graph: LinkageGraph;
  sentence: (claim: ClaimRecord) => string;
  contest: MatrixContest | null;
}

/** "3 contested": a button that opens the differences between the two sides touching the column. */
function contestedButton(column: PositionColumn, words: GridWords): HTMLElement | null {
  const count = words.contest?.byColumn.get(column.id) ?? 0;
  if (!count || !words.contest) return el("span", { class: "matrix-contested" });
  const [a, b] = words.contest.holders.map((id) => labelOf(words.graph, id));
  return el("button", {
    class: "matrix-contested link-button",
    text: `${count} contested`,
    attrs: {
      type: "button",
      // The grid keeps one Tab stop; keyboard users reach the list from a cell's details.
      tabindex: "-1",
      "data-contested": column.id,
      // The name starts with the visible words (WCAG 2.5.3), then says what they open.
      "aria-label": `${count} contested: list the differences between ${a} and ${b} that touch ${column.label}`,
    },
  });
}

function columnHeader(column: PositionColumn, words: GridWords): HTMLElement {
  return el(
    "th",
    {
      class: "matrix-column",
      attrs: {
        role: "columnheader",
        scope: "col",
        "data-column": column.id,
        title: `${KIND_STYLES[column.kind].label}: ${column.label}. ${countOf(column.contestedness, "disagreement")} between any two actors touch it.`,
      },
    },
    kindSwatch(column.kind, 11),
    el("span", { class: "matrix-column-label", text: column.label }),
    contestedButton(column, words),
  );
}

/** Where a cell sits and how its claims and findings read in its tooltip. */
interface CellContext {
  row: PositionRow;
  r: number;
  c: number;
  column: PositionColumn | undefined;
  words: GridWords;
  summaries: ReadonlyMap<string, string>;
}

/** The cell's own claims (stances and linkages) that are in a disagreement between the two sides. */
export function contestedClaims(cell: PositionCell, contest: MatrixContest | null): ClaimRecord[] {
  return [...cell.stances, ...cell.linkages].filter((claim) => contest?.byClaim.has(claim.id));
}

function matrixCell(cell: PositionCell, { row, r, c, column, words, summaries }: CellContext): HTMLElement {
  const look = POSITION_TEXT[cell.position];
  const findings = cell.findings.map(shortRef);
  const contested = contestedClaims(cell, words.contest).length;
  // A stance or linkage beside a difference the document leaves unassigned: both are said.
  const alsoDiffer = cell.disputed.length > 0 && cell.position !== "differ-unassigned";
  const reading = [
    look.text,
    contested ? `${countOf(contested, "claim")} contested` : "",
    alsoDiffer ? `also ${POSITION_TEXT["differ-unassigned"].text}` : "",
    cell.hedged ? HEDGED_MARK.text : "",
  ]
    .filter(Boolean)
    .join("; ");
  const title = [
    ...cellClaims(cell).map(
      (claim) =>
        `${words.sentence(claim)}${words.contest?.byClaim.has(claim.id) ? ` (contested: ${words.contest.byClaim.get(claim.id)?.join(", ").toLowerCase()})` : ""}`,
    ),
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
        title: title || null,
      },
    },
    // The cell's name is its content, not an aria-label (which would have to start with the visible
    // words): one sentence for screen readers, whose cell it is first, and the visible marks hidden
    // from them, so nothing is read twice or run together.
    el("span", {
      class: "visually-hidden",
      text: `${row.label} on ${column?.label ?? cell.column}: ${reading}${findings.length ? `; findings ${findings.join(", ")}` : ""}`,
    }),
    el(
      "span",
      { class: "cell-shown", attrs: { "aria-hidden": "true" } },
      ...cellMarks(cell, look, contested, alsoDiffer, findings),
    ),
  );
}

function cellMarks(
  cell: PositionCell,
  look: (typeof POSITION_TEXT)[keyof typeof POSITION_TEXT],
  contested: number,
  alsoDiffer: boolean,
  findings: string[],
): (HTMLElement | null)[] {
  return [
    el("span", { class: "cell-symbol", text: look.symbol }),
    cell.position === "none" ? null : el("span", { class: "cell-text", text: look.text }),
    contested ? el("span", { class: "cell-text cell-contested", text: `${contested} contested` }) : null,
    alsoDiffer
      ? el("span", { class: "cell-text cell-also", text: POSITION_TEXT["differ-unassigned"].text })
      : null,
    cell.hedged
      ? el(
          "span",
          { class: "cell-hedged", attrs: { title: HEDGED_MARK.text } },
          el("span", { text: HEDGED_MARK.symbol }),
        )
      : null,
    findings.length ? el("span", { class: "cell-findings", text: findings.join(", ") }) : null,
  ];
}

/**
 * Fills `grid` with the matrix, cut to MAX_ROWS by MAX_COLUMNS, and returns the note under it: what
 * was cut, or that nothing passes the filters; null when there is nothing to say.
 */
export function fillGrid(grid: HTMLTableElement, matrix: PositionMatrix, words: GridWords): string | null {
  const summaries = new Map(matrix.findings.map((f) => [f.id, f.summary]));
  const columns = matrix.columns.slice(0, MAX_COLUMNS);
  const rows = matrix.rows.slice(0, MAX_ROWS);
  grid.setAttribute("aria-rowcount", String(rows.length + 1));
  grid.setAttribute("aria-colcount", String(columns.length + 1));
  const head = el(
    "thead",
    {},
    el(
      "tr",
      { attrs: { role: "row" } },
      el("th", { text: "Actor", attrs: { role: "columnheader", scope: "col" } }),
      ...columns.map((column) => columnHeader(column, words)),
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
        ...row.cells
          .slice(0, MAX_COLUMNS)
          .map((cell, c) => matrixCell(cell, { row, r, c, column: columns[c], words, summaries })),
      ),
    ),
  );
  grid.replaceChildren(head, body);
  if (rows.length === 0) return "No actor holds a claim that passes the current filters.";
  const cut = [
    matrix.rows.length > MAX_ROWS ? `${matrix.rows.length - MAX_ROWS} more actors` : "",
    matrix.columns.length > MAX_COLUMNS ? `${matrix.columns.length - MAX_COLUMNS} more columns` : "",
  ].filter(Boolean);
  return cut.length ? `…and ${cut.join(" and ")}. Narrow the filters to see them.` : null;
}
