// A Vite plugin that lays out graph-data at build (and dev-server) time and serves the positions
// as the virtual module `virtual:graph-layout`, so the page never runs ForceAtlas2 while a user
// waits. Node-only: it reads graph-data from disk and calls the same pure code the app uses.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";
import { computeLayout, DEFAULT_LAYOUT_ITERATIONS, DEFAULT_LAYOUT_SEED } from "../src/graph/layout.ts";
import { isSourceFileName, loadSources } from "../src/ui/state/sources.ts";

const VIRTUAL_ID = "virtual:graph-layout";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface GraphLayoutModule {
  seed: number;
  iterations: number;
  positions: Record<string, { x: number; y: number }>;
}

/** The module's value for a directory of sources: no positions when the data does not load. */
export function layoutGraphData(directory: string): { layout: GraphLayoutModule; files: string[] } {
  const names = readdirSync(directory).filter(isSourceFileName).sort();
  const files = names.map((name) => join(directory, name));
  const texts = Object.fromEntries(names.map((name, i) => [name, readFileSync(files[i] as string, "utf8")]));
  const loaded = loadSources(texts);
  // Broken data still builds: the app reports the problems itself, with file and line.
  const positions = loaded.ok ? computeLayout(loaded.graph) : {};
  return {
    layout: { seed: DEFAULT_LAYOUT_SEED, iterations: DEFAULT_LAYOUT_ITERATIONS, positions },
    files,
  };
}

export function graphLayoutPlugin(options: { directory?: string } = {}): Plugin {
  let directory = "";
  return {
    name: "linkage-atlas:graph-layout",
    configResolved(config) {
      directory = resolve(config.root, options.directory ?? "graph-data");
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { layout, files } = layoutGraphData(directory);
      for (const file of files) this.addWatchFile(file);
      return `export default ${JSON.stringify(layout)};`;
    },
    configureServer(server) {
      // A changed source file changes the layout: drop the cached module so the reload recomputes it.
      server.watcher.add(directory);
      const invalidate = (file: string) => {
        if (!file.startsWith(directory)) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
      };
      server.watcher.on("change", invalidate);
      server.watcher.on("add", invalidate);
      server.watcher.on("unlink", invalidate);
    },
  };
}
