// Turns the text of one source file into a checked SourceFile, or into Problems that name the file,
// the line and column (syntax) or the JSON path (schema). Pure: the caller reads the file.
import { parseJsonText } from "../model/json-text.ts";
import { SourceFile } from "../model/schema.ts";
import { jsonPath, type Problem } from "./problems.ts";

export interface LoadedSource {
  file: string;
  data: SourceFile;
}

export type LoadResult = { ok: true; source: LoadedSource } | { ok: false; problems: Problem[] };

export function loadSourceText(file: string, text: string): LoadResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    return {
      ok: false,
      problems: [{ rule: "json-syntax", file, line, column, message: `malformed JSON: ${message}` }],
    };
  }
  const checked = SourceFile.safeParse(parsed.value);
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({
        rule: "schema" as const,
        file,
        path: jsonPath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { ok: true, source: { file, data: checked.data } };
}
