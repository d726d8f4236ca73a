// RFC 4180 fields and rows (CRLF, quotes doubled), and the list joining the CSV exports document:
// items joined with " | ", a literal "|" or "\" inside an item escaped with a backslash.

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
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR) as a formula. Text cells that do
 * (other than a plain signed number) are written with a leading apostrophe, which spreadsheets show
 * as text and do not run.
 */
export function spreadsheetSafe(text: string): string {
  return /^(?:[=@\t\r]|[+-](?!\d+(?:\.\d+)?$))/.test(text) ? `'${text}` : text;
}
