// Holds the page's one explorer and swaps it: graph-data at first, an imported graph after an
// import (clearly labelled, never mixed into the curated one), graph-data again on "Back". Wires
// the Import and Export controls to the format table, the import worker and the image controller.
// Data exports read the explorer's graph as loaded (the renderer draws a display graph of its own)
// with its current layout. The writers (and the export dialog) load on first use, not with the page.
import type { FormatId, ImportMapping } from "../formats/types.ts";
import { visibleSubgraph } from "../graph/visible-subgraph.ts";
import { isImported } from "../model/schema.ts";
import { type Explorer, type ExplorerInput, startExplorer } from "./app.ts";
import { gatherScene, snapshotPng } from "./controllers/image-export.ts";
import { downloadBlob, downloadFiles } from "./downloads.ts";
import {
  createImportExport,
  type ExportCommands,
  type ExportScope,
  type ImageFormat,
} from "./views/import-export.ts";
import { importInWorker } from "./workers/import-client.ts";

interface Shown {
  explorer: Explorer;
  /** A file-name stem for downloads. */
  base: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function stem(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, "")
      .replace(/[^\p{L}\p{N}._-]+/gu, "-")
      .slice(0, 80) || "imported"
  );
}

/** What the export dialog asks of the explorer shown now. */
function exportCommandsOf(current: () => Shown): ExportCommands {
  return {
    async exportData(format: FormatId, scope: ExportScope) {
      const { exportGraph, FORMATS } = await import("../formats/index.ts");
      const { explorer, base } = current();
      const visibility = explorer.visibility();
      if (!explorer.graph) throw new Error("there is no graph to export");
      const graph =
        scope === "visible" && visibility ? visibleSubgraph(explorer.graph, visibility) : explorer.graph;
      const files = exportGraph(graph, format, { layout: () => explorer.positions() });
      const suffix = scope === "visible" ? "-visible" : "";
      const [only] = files;
      if (files.length === 1 && only && format !== "project-json") {
        only.name = `${base}${suffix}${FORMATS[format].extensions[0]}`;
      }
      await downloadFiles(files, `${base}${suffix}-${format}.zip`);
    },
    async exportImage(format: ImageFormat) {
      const { explorer, base } = current();
      const renderer = explorer.renderer;
      if (!renderer) throw new Error("the network is not drawn in this browser");
      if (format === "svg") {
        const { writeSvg } = await import("../formats/svg-scene.ts");
        const scene = gatherScene(renderer, `Linkage Atlas: ${base}`);
        downloadBlob(new Blob([writeSvg(scene)], { type: "image/svg+xml" }), `${base}.svg`);
        return;
      }
      const scale = format === "png-2x" ? 2 : 1;
      downloadBlob(await snapshotPng(renderer, scale), `${base}${scale === 2 ? "@2x" : ""}.png`);
    },
    visibleSummary() {
      const { explorer } = current();
      const visibility = explorer.visibility();
      const graph = explorer.graph;
      if (!visibility || !graph) return "";
      return `Visible now: ${plural(visibility.nodes.size, "node")} of ${graph.order} and ${plural(visibility.claims.size, "claim")} of ${graph.size}.`;
    },
    canDrawImages() {
      return current().explorer.renderer !== null;
    },
  };
}

/** Starts the explorer on graph-data (from `curated()`, called again on "Back") and keeps it swappable. */
export function startExplorerHost(root: HTMLElement, curated: () => ExplorerInput): { current(): Explorer } {
  let shown: Shown;
  let busy = false;

  const show = (input: ExplorerInput, base: string) => {
    shown?.explorer.dispose();
    const explorer = startExplorer(root, { ...input, headerTools: controls.headerTools });
    root.append(controls.dropHint);
    shown = { explorer, base };
  };

  /** A new graph owns the page: the old one's link state means nothing for it. */
  const clearLink = () => {
    window.history.replaceState(null, "", `${window.location.pathname}${window.location.hash}`);
  };

  const exportCommands = exportCommandsOf(() => shown);

  let exportDialog: Promise<{ open(): void }> | null = null;
  const controls = createImportExport({
    openExport() {
      exportDialog ??= import("./views/export-dialog.ts").then(({ createExportDialog }) => {
        const dialog = createExportDialog(exportCommands);
        controls.tools.append(dialog.element);
        return dialog;
      });
      exportDialog
        .then((dialog) => dialog.open())
        .catch((error: unknown) => {
          exportDialog = null;
          shown.explorer.store.dispatch({
            type: "notify",
            texts: [`The export could not open: ${String(error)}`],
          });
        });
    },
    importFile(file: File, mapping: ImportMapping) {
      if (busy) return;
      busy = true;
      controls.importing(file.name, 0, "reading");
      importInWorker(file, mapping, (progress) =>
        controls.importing(
          file.name,
          progress.phase === "reading" ? progress.fraction : null,
          progress.phase,
        ),
      )
        .then((result) => {
          if (!result.ok) {
            controls.importFailed(file.name, result.messages);
            return;
          }
          controls.importDone();
          clearLink();
          show({ sources: { ok: true, graph: result.graph }, positions: {} }, stem(file.name));
          const sources = result.graph.getAttribute("sources");
          const curatedToo = sources.some((source) => !isImported(source));
          const text = `${file.name} · ${plural(result.graph.order, "node")}, ${plural(result.graph.size, "claim")} · ${
            curatedToo
              ? "a project file, not checked against graph-data"
              : "not curated: no holders or findings"
          }`;
          controls.showImported(text, `Read as ${result.label}`);
          // What the reader kept differently or skipped goes to the explorer's notices.
          if (result.warnings.length) {
            shown.explorer.store.dispatch({ type: "notify", texts: result.warnings.slice(0, 20) });
          }
        })
        .catch((error: unknown) => controls.importFailed(file.name, [String(error)]))
        .finally(() => {
          busy = false;
        });
    },
    backToCurated() {
      clearLink();
      show(curated(), "linkage-atlas");
      controls.showImported(null);
    },
  });

  show(curated(), "linkage-atlas");
  controls.showImported(null);
  return { current: () => shown.explorer };
}
