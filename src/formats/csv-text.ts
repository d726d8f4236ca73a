// RFC 4180 fields and rows (CRLF, quotes doubled), the list joining the CSV exports document (items
// joined with " | ", a literal "|" or "\" inside an item escaped with a backslash), the byte-order mark
// every CSV file starts with, and the one formula guard every CSV the project writes goes through.

/**
 * The byte-order mark every CSV file the project writes starts with, so spreadsheet programs open it
 * as UTF-8; neo4j-admin skips it.
 */
export const CSV_BOM = "\ufeff";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export const LIST_SEPARATOR = " | ";

export function joinList(items: readonly (string | number | boolean)[]): string {
  return items.map((item) => String(item).replace(/[\\|]/g, (c) => `\\${c}`)).join(LIST_SEPARATOR);
}

/** The inverse of joinList, for readers of our CSV files. */
export function splitList(text: string): string[] {
  if (text === "") return [];
  const items: string[] = [];
  let item = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length) {
      item += text[++i];
    } else if (c === "|") {
      items.push(item.replace(/ $/, ""));
      item = "";
      if (text[i + 1] === " ") i++;
    } else item += c;
  }
  items.push(item);
  return items;
}

/**
 * What a spreadsheet may run as a formula: a cell that starts with a tab, CR or LF, or whose first
 * character after any leading white space (including U+0085, U+2028, U+2029 and zero-width ones) is
 * = + - @ or a fullwidth ＝ ＋ － ＠, which some spreadsheets read as the ASCII ones. A plain signed
 * number (`-12.5`, `+3e-7`) is a number, not a formula.
 */
const FORMULA_START =
  /^(?:[\t\r\n]|[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;
const SIGNED_NUMBER = /^[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text);
}

/** The mark put in front of a cell that would start a formula; spreadsheets show what follows as text. */
export const FORMULA_GUARD = "'";

/**
 * The one formula guard of every CSV the project writes: a cell that would start a formula gets a
 * leading apostrophe, which spreadsheets show as text and do not run.
 */
export function spreadsheetSafe(text: string): string {
  return startsFormula(text) ? `${FORMULA_GUARD}${text}` : text;
}

/** A CSV row for spreadsheets: every cell, headers too, through the formula guard. */
export function spreadsheetRow(fields: readonly string[]): string {
  return csvRow(fields.map(spreadsheetSafe));
}

/**
 * The guard made reversible, for files another program must read exactly (neo4j-admin): a cell that
 * would start a formula, or that starts with the guard itself, gets the guard in front, so taking
 * one leading guard off any cell that has one (unguard) gives the text back.
 */
export function reversiblySafe(text: string): string {
  return startsFormula(text) || text.startsWith(FORMULA_GUARD) ? `${FORMULA_GUARD}${text}` : text;
}

export function unguard(text: string): string {
  return text.startsWith(FORMULA_GUARD) ? text.slice(FORMULA_GUARD.length) : text;
}
