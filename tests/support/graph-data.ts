// The real graph-data, loaded the way the explorer loads it, for the UI state tests.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LinkageGraph } from "../../src/graph/types.ts";
import { isSourceFileName, loadSources } from "../../src/ui/state/sources.ts";

const directory = fileURLToPath(new URL("../../graph-data/", import.meta.url));

export function graphDataTexts(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(directory)
      .filter(isSourceFileName)
      .map((name) => [`graph-data/${name}`, readFileSync(`${directory}${name}`, "utf8")]),
  );
}

/** A fresh graph on every call, so a test that writes attributes cannot leak into another. */
export function loadGraphData(): LinkageGraph {
  const result = loadSources(graphDataTexts());
  if (!result.ok) throw new Error(`graph-data does not load: ${JSON.stringify(result.problems)}`);
  return result.graph;
}
