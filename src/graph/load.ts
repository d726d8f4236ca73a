// Turns the text of one source file into a checked SourceFile, or into Problems that name the file,
// the line and column (syntax) or the JSON path (schema). Pure: the caller reads the file.
// loadSourceText takes curated sources only; loadAnySourceText also takes imported graphs.
import { parseJsonText } from "../model/json-text.ts";
import { type AnySourceFile, SourceFile, sourceFileSchemaFor } from "../model/schema.ts";
import { jsonPath, type Problem } from "./problems.ts";

export interface LoadedSource {
  file: string;
  data: SourceFile;
}

/** A curated source or an imported graph (`source.provenance === "imported"`). */
export interface AnyLoadedSource {
  file: string;
  data: AnySourceFile;
}

export type LoadResult = { ok: true; source: LoadedSource } | { ok: false; problems: Problem[] };
export type AnyLoadResult = { ok: true; source: AnyLoadedSource } | { ok: false; problems: Problem[] };

export function loadSourceText(file: string, text: string): LoadResult {
  return loadWith(file, text, () => SourceFile);
}

/** Like loadSourceText, but a file whose source says `"provenance": "imported"` is read as an imported graph. */
export function loadAnySourceText(file: string, text: string): AnyLoadResult {
  return loadWith(file, text, sourceFileSchemaFor);
}

function loadWith<S extends typeof SourceFile | ReturnType<typeof sourceFileSchemaFor>>(
  file: string,
  text: string,
  schemaFor: (value: unknown) => S,
): { ok: true; source: { file: string; data: S["_output"] } } | { ok: false; problems: Problem[] } {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    return {
      ok: false,
      problems: [{ rule: "json-syntax", file, line, column, message: `malformed JSON: ${message}` }],
    };
  }
  const checked = schemaFor(parsed.value).safeParse(parsed.value);
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
