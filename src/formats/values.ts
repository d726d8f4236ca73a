// Typed values read from XML attribute text (GEXF attvalues, GraphML data): numbers, booleans and
// lists as the declared type says, or the text itself, with a note, when it does not parse.
import type { ForeignValue } from "../model/schema.ts";

export type Notes = Map<string, number>;

export function note(notes: Notes, message: string): void {
  notes.set(message, (notes.get(message) ?? 0) + 1);
}

export function notesAsWarnings(notes: Notes): string[] {
  return [...notes].map(([message, count]) => (count > 1 ? `${message} (${count} times)` : message));
}

const INTEGER = /^[+-]?\d+$/;

function scalar(raw: string, type: string): string | number | boolean | undefined {
  switch (type) {
    case "integer":
    case "int":
    case "long":
    case "short":
    case "byte":
    case "biginteger": {
      const text = raw.trim();
      if (!INTEGER.test(text)) return undefined;
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case "float":
    case "double":
    case "bigdecimal": {
      const text = raw.trim();
      if (text === "") return undefined;
      const n = Number(text);
      return Number.isFinite(n) ? n : undefined;
    }
    case "boolean": {
      const text = raw.trim().toLowerCase();
      if (text === "true" || text === "1") return true;
      if (text === "false" || text === "0") return false;
      return undefined;
    }
    default:
      return raw;
  }
}

/**
 * Splits a GEXF list: `[a, b]`, `["a", 'b']` (1.3, quotes with backslash escapes) or `a|b` (1.1 and
 * 1.2 liststring). Returns undefined for text it cannot split.
 */
export function splitGexfList(raw: string): string[] | undefined {
  const text = raw.trim();
  if (text === "" || text === "[]") return [];
  if (!text.startsWith("[") || !text.endsWith("]")) return text.split("|");
  const items: string[] = [];
  let i = 1;
  const end = text.length - 1;
  while (i < end) {
    while (i < end && /\s/.test(text[i] as string)) i++;
    if (i >= end) break;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      let item = "";
      i++;
      while (i < end && text[i] !== quote) {
        if (text[i] === "\\" && i + 1 < end) i++;
        item += text[i];
        i++;
      }
      if (text[i] !== quote) return undefined;
      i++;
      items.push(item);
      while (i < end && /\s/.test(text[i] as string)) i++;
    } else {
      const comma = text.indexOf(",", i);
      const stop = comma === -1 || comma > end ? end : comma;
      items.push(text.slice(i, stop).trim());
      i = stop;
    }
    if (i < end && text[i] !== ",") return undefined;
    i++;
  }
  return items;
}

/** A declared-type value; lists are GEXF's. Undefined (with a note) when the text does not parse. */
export function typedValue(raw: string, type: string, notes: Notes, what: string): ForeignValue {
  const lowered = type.toLowerCase();
  if (lowered.startsWith("list")) {
    const itemType = lowered.slice(4);
    const items = splitGexfList(raw);
    const typed = items?.map((item) => scalar(item, itemType));
    if (typed?.every((item) => item !== undefined)) {
      const first = typed[0];
      if (typed.every((item) => typeof item === typeof first)) return typed as ForeignValue;
    }
    note(notes, `${what}: a ${type} value could not be read as a list; kept as text`);
    return raw;
  }
  const value = scalar(raw, lowered);
  if (value === undefined) {
    note(notes, `${what}: a ${type} value could not be read as one; kept as text`);
    return raw;
  }
  return value;
}

/**
 * Sets a foreign attribute by the name the file gives it. `__proto__` would reach the object's
 * prototype instead of a property, so it is skipped with a note; every other name is kept.
 */
export function setAttribute(
  attributes: Record<string, ForeignValue>,
  name: string,
  value: ForeignValue,
  notes: Notes,
): void {
  if (name === "__proto__") {
    note(notes, 'an attribute named "__proto__" was skipped');
    return;
  }
  attributes[name] = value;
}
