// Project JSON: the graph as graph-data source files, one per source, each ready to drop into
// graph-data. Lossless for everything the model holds (layout is not part of a curated source).

import { loadAnySourceText } from "../graph/load.ts";
import type { LinkageGraph } from "../graph/types.ts";
import { MODEL_VERSION, SourceFile, sourceFileSchemaFor } from "../model/schema.ts";
import { ImportError } from "./errors.ts";
import { parseJsonImport } from "./json-input.ts";
import { checkAndBuild, recordsOf, splitRecords } from "./records.ts";
import type { ExportFile, ImportInput, ImportOutcome } from "./types.ts";

export const PROJECT_JSON_MIME = "application/json";

export function writeProjectJson(graph: LinkageGraph): ExportFile[] {
  return splitRecords(recordsOf(graph)).map((file) => ({
    name: `${file.source.id}.json`,
    text: `${JSON.stringify(file, null, 2)}\n`,
    mime: PROJECT_JSON_MIME,
  }));
}

export function readProjectJson(input: ImportInput): ImportOutcome {
  const value = parseJsonImport(input.name, input.text);
  refuseOtherModel(input, value);
  return checkAndBuild(input.name, "project-json", [value], []);
}

/**
 * A curated file written for another model is refused as a whole, in the loader's words (what to
 * add), rather than with one schema error per claim.
 */
function refuseOtherModel(input: ImportInput, value: unknown): void {
  if (sourceFileSchemaFor(value) !== SourceFile) return;
  if ((value as { modelVersion?: unknown } | null)?.modelVersion === MODEL_VERSION) return;
  const loaded = loadAnySourceText(input.name, input.text.replace(/^\ufeff/, ""));
  const problem = loaded.ok ? undefined : loaded.problems.find((p) => p.rule === "model-version");
  if (problem) throw new ImportError({ file: input.name, element: "modelVersion", message: problem.message });
}
