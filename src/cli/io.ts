// The CLI's contact with the outside: reading source files from disk, and the output streams.
// Everything else in src/cli is argument checking and printing over src/graph.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildGraph } from "../graph/build.ts";
import { checkIntegrity } from "../graph/integrity.ts";
import { type AnyLoadedSource, loadAnySourceText } from "../graph/load.ts";
import type { Problem } from "../graph/problems.ts";
import type { LinkageGraph } from "../graph/types.ts";

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../graph-data", import.meta.url));

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** The source files of a data directory: every `*.json` except generated `*.schema.json`. */
export function sourceFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
    .sort()
    .map((name) => join(dir, name));
}

export interface ReadResult {
  files: string[];
  sources: AnyLoadedSource[];
  problems: Problem[];
}

/** Reads and checks files (or, with none given, all of `dataDir`); names them relative to cwd. */
export function readSources(paths: readonly string[], dataDir = DEFAULT_DATA_DIR): ReadResult {
  const files: string[] = [];
  const problems: Problem[] = [];
  const targets = paths.length ? paths.map((p) => resolve(p)) : sourceFilesIn(dataDir);
  for (const target of targets) {
    const isDir = statSafe(target)?.isDirectory() ?? false;
    files.push(...(isDir ? sourceFilesIn(target) : [target]));
  }
  const sources: AnyLoadedSource[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || basename(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
      problems.push({ rule: "json-syntax", file: shown, message: `cannot read the file: ${reason}` });
      continue;
    }
    const loaded = loadAnySourceText(shown, text);
    if (loaded.ok) sources.push(loaded.source);
    else problems.push(...loaded.problems);
  }
  if (problems.length === 0) problems.push(...checkIntegrity(sources));
  return { files: files.map((f) => relative(process.cwd(), f) || basename(f)), sources, problems };
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export type GraphResult = { ok: true; graph: LinkageGraph } | { ok: false; problems: Problem[] };

/** Loads, checks and builds the graph; any problem means no graph. */
export function readGraph(paths: readonly string[] = [], dataDir = DEFAULT_DATA_DIR): GraphResult {
  const { sources, problems } = readSources(paths, dataDir);
  if (problems.length) return { ok: false, problems };
  return { ok: true, graph: buildGraph(sources) };
}
