// Turns the text of one source file into a checked SourceFile, or into Problems that name the file,
// the line and column (syntax) or the JSON path (schema). Pure: the caller reads the file.
// loadSourceText takes curated sources only; loadAnySourceText also takes imported graphs.
import { parseJsonText } from "../model/json-text.ts";
import { type AnySourceFile, MODEL_VERSION, SourceFile, sourceFileSchemaFor } from "../model/schema.ts";
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
  const schema = schemaFor(parsed.value);
  const oldShape = schema === SourceFile ? modelVersionProblem(file, parsed.value) : null;
  if (oldShape) return { ok: false, problems: [oldShape] };
  const checked = schema.safeParse(parsed.value);
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

/**
 * A curated file written for an earlier model is refused as a whole, with what to add, rather than
 * with one schema error per claim; nothing is defaulted for it (evidence in particular).
 */
function modelVersionProblem(file: string, value: unknown): Problem | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const version = (value as { modelVersion?: unknown }).modelVersion;
  if (version === MODEL_VERSION) return null;
  const found =
    version === undefined
      ? 'has no "modelVersion" (the first model)'
      : `says "modelVersion": ${JSON.stringify(version)}`;
  return {
    rule: "model-version",
    file,
    path: "modelVersion",
    message:
      `this file ${found}; model ${MODEL_VERSION} needs "modelVersion": ${MODEL_VERSION} at the top, ` +
      `"opening" on every finding (the first words of its passage, verbatim), and "evidence" on every claim ` +
      `(a verbatim quote of 2 to 12 words from a cited finding). Optional per claim: "attribution" ` +
      `("stated", the default; "inferred", with a note saying why; or "document", with heldBy empty), ` +
      `"modality" ("asserted", the default; "hedged"; or "question") and "disputedBy" (two or more actors, ` +
      `with attribution "document")`,
  };
}
