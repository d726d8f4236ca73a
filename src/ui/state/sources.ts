// Turns the texts of graph-data files into the one graph the explorer shows, or into the
// problems that stop it. Pure: the caller hands in { file name: text }; nothing here does I/O.
import { buildGraph } from "../../graph/build.ts";
import { checkIntegrity } from "../../graph/integrity.ts";
import { type AnyLoadedSource, loadAnySourceText } from "../../graph/load.ts";
import type { Problem } from "../../graph/problems.ts";
import type { LinkageGraph } from "../../graph/types.ts";

export type SourcesResult = { ok: true; graph: LinkageGraph } | { ok: false; problems: Problem[] };

/** Files whose names end in `.schema.json` describe the format; they are not sources. */
export function isSourceFileName(name: string): boolean {
  return name.endsWith(".json") && !name.endsWith(".schema.json");
}

export function loadSources(files: Readonly<Record<string, string>>): SourcesResult {
  const loaded: AnyLoadedSource[] = [];
  const problems: Problem[] = [];
  for (const name of Object.keys(files).filter(isSourceFileName).sort()) {
    // The same reader as the CLI: curated sources and imported graphs alike.
    const result = loadAnySourceText(name, files[name] as string);
    if (result.ok) loaded.push(result.source);
    else problems.push(...result.problems);
  }
  if (problems.length === 0) problems.push(...checkIntegrity(loaded));
  if (problems.length > 0) return { ok: false, problems };
  if (loaded.length === 0) {
    return {
      ok: false,
      problems: [{ rule: "schema", file: "graph-data", message: "no source files found" }],
    };
  }
  return { ok: true, graph: buildGraph(loaded) };
}
