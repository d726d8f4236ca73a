// Project JSON: the graph as graph-data source files, one per source, each ready to drop into
// graph-data. Lossless for everything the model holds (layout is not part of a curated source).
import type { LinkageGraph } from "../graph/types.ts";
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
  return checkAndBuild(input.name, "project-json", [value], []);
}
