// Parsing JSON imports: size bound, then JSON.parse with the line and column of a syntax error.
// JSON is data here; nothing in it is ever evaluated.
import { parseJsonText } from "../model/json-text.ts";
import { ImportError } from "./errors.ts";
import { checkTextSize } from "./limits.ts";

export function parseJsonImport(file: string, text: string): unknown {
  checkTextSize(file, text);
  const parsed = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    throw new ImportError({ file, line, column, message: `malformed JSON: ${message}` });
  }
  return parsed.value;
}
