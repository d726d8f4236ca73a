// Holds the page's one explorer and swaps it: graph-data at first, an imported graph after an
// import (clearly labelled, never mixed into the curated one), graph-data again on "Back". A link
// with `?file=URL` opens that file instead of graph-data, downloaded and parsed off the main thread,
// and keeps `file=` in the address while it is shown. Wires the Import and Export controls to the
// format table, the import worker and the image controller. Data exports read the explorer's graph as
// loaded (the renderer draws a display graph of its own) with its current layout. The writers (and
// the export dialog) load on first use, not with the page.
import type { FormatId, ImportMapping } from "../formats/types.ts";
import { plural } from "../graph/sentences.ts";
import { visibleSubgraph, visibleSubset } from "../graph/visible-subgraph.ts";
import { type Explorer, type ExplorerInput, startExplorer } from "./app.ts";
import { snapshotPng } from "./controllers/image-export.ts";
import { downloadBlob, downloadFiles } from "./downloads.ts";
import { describeFileLink, type FileParam, fileLinkNotice, queryWithFile } from "./state/file-param.ts";
import { importedBanner } from "./state/imported-banner.ts";
import { el } from "./views/dom.ts";
import {
  createImportExport,
  type ExportCommands,
  type ExportScope,
  type ImageFormat,
} from "./views/import-export.ts";
import { pageHeader } from "./views/page.ts";
import {
  fileNameOf,
  type ImportProgress,
  type ImportResult,
  importInWorker,
  importUrlInWorker,
} from "./workers/import-client.ts";

interface Shown {
  explorer: Explorer;
  /** A file-name stem for downloads. */
  base: string;
}

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
        const scene = explorer.scene(`Linkage Atlas: ${base}`);
        if (!scene) throw new Error("the network is not drawn in this browser");
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
      const shown = `Visible now: ${plural(visibility.nodes.size, "node")} of ${graph.order} and ${plural(visibility.claims.size, "claim")} of ${graph.size}.`;
      // "Only what is visible" writes a file that reopens whole: the hidden actors that visible claims
      // name as holders come along, and a node left with no claim stays out. Say so before it is chosen.
      const subset = visibleSubset(graph, visibility);
      const parts = [
        subset.actorsKept.length
          ? `adds ${plural(subset.actorsKept.length, "hidden actor")} that visible claims name as holders`
          : "",
        subset.claimsLeftOut.length
          ? `leaves out ${plural(subset.claimsLeftOut.length, "visible claim")} whose actors are not in it`
          : "",
        subset.nodesLeftOut.length
          ? `leaves out ${plural(subset.nodesLeftOut.length, "visible node")} with no claim`
          : "",
      ].filter(Boolean);
      return parts.length
        ? `${shown} Only what is visible ${parts.join(" and ")}, so the file reopens whole.`
        : shown;
    },
    canDrawImages() {
      return current().explorer.renderer !== null;
    },
  };
}

const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The progress line's fraction (null: no measure) and words for one step of an import. */
function progressOf(progress: ImportProgress): [fraction: number | null, phase: string] {
  switch (progress.phase) {
    case "downloading": {
      const { loaded, total } = progress;
      return total && total >= loaded
        ? [loaded / total, `downloading ${megabytes(loaded)} of ${megabytes(total)}`]
        : [null, `downloading ${megabytes(loaded)}`];
    }
    case "building":
      return [null, `building ${count(progress.nodes, "node")} and ${count(progress.edges, "edge")}`];
    default:
      return [progress.phase === "reading" ? progress.fraction : null, progress.phase];
  }
}

/** The imported banner's text: where the graph came from, its size, and that it is not curated. */
/** One notice reason from a failed import's messages: the first, and how many more there were. */
function reasonOf(messages: readonly string[]): string {
  const [first = "the import failed", ...rest] = messages;
  return rest.length ? `${first} (and ${plural(rest.length, "more problem")})` : first;
}

/**
 * While a graph opened from a `?file=` link is shown, every address the explorer writes keeps
 * `file=` first, so the link in the address bar reopens that graph with its view. The explorer's URL
 * sync (controllers/url-sync.ts) writes only the parameters it knows, so the host wraps this page's
 * history writes; a write that would change nothing is dropped, as the sync itself does. Aborting
 * the returned controller unwraps them.
 */
function keepFileInLink(raw: string): AbortController {
  const keeper = new AbortController();
  const history = window.history;
  const wrap =
    (write: History["pushState"]): History["pushState"] =>
    (data, unused, url) => {
      if (url === undefined || url === null) return write.call(history, data, unused, url);
      const target = new URL(url, window.location.href);
      const search = queryWithFile(target.search, raw);
      if (search === window.location.search && target.pathname === window.location.pathname) return;
      write.call(history, data, unused, `${target.pathname}${search}${target.hash}`);
    };
  const { pushState, replaceState } = History.prototype;
  history.pushState = wrap(pushState);
  history.replaceState = wrap(replaceState);
  keeper.signal.addEventListener("abort", () => {
    // The own properties go; the prototype's methods show through again.
    Reflect.deleteProperty(history, "pushState");
    Reflect.deleteProperty(history, "replaceState");
  });
  return keeper;
}

/** What the page shows while a linked file downloads and parses: the header with its progress line. */
function openingPage(link: string, headerTools: readonly HTMLElement[]): HTMLElement[] {
  const title = `Opening ${describeFileLink(link)}`;
  return [
    pageHeader(el("p", { class: "brand-subtitle", text: title, attrs: { title } }), ...headerTools),
    el(
      "main",
      { class: "stage", id: "stage" },
      el(
        "div",
        { class: "stage-message" },
        el("p", { text: `Opening the graph at ${describeFileLink(link)}.` }),
      ),
    ),
  ];
}

/** Marks the first frame that holds a whole graph, for the benchmark (bench/open.bench.ts) and profiles. */
function markDrawn(explorer: Explorer): void {
  const graph = explorer.graph;
  void explorer.ready.then(() => {
    if (!explorer.renderer || !graph) return;
    performance.mark(GRAPH_DRAWN_MARK, { detail: { nodes: graph.order, edges: graph.size } });
  });
}

/** The performance mark set at the first frame of each graph the host shows. */
export const GRAPH_DRAWN_MARK = "graph-drawn";

/** Opens the export dialog, loading it (and with it the writers) on first use; `failed` says why not. */
function exportOpener(commands: ExportCommands, mount: () => HTMLElement, failed: (text: string) => void) {
  let dialog: Promise<{ open(): void }> | null = null;
  return () => {
    dialog ??= import("./views/export-dialog.ts").then(({ createExportDialog }) => {
      const made = createExportDialog(commands);
      mount().append(made.element);
      return made;
    });
    dialog
      .then((made) => made.open())
      .catch((error: unknown) => {
        dialog = null;
        failed(`The export could not open: ${String(error)}`);
      });
  };
}

export interface HostOptions {
  /**
   * Reads the address's `file` parameter (state/file-param.ts): a graph to open instead of
   * graph-data, at the start and again on Back and Forward.
   */
  readLink?: () => FileParam;
}

/**
 * Starts the explorer on graph-data (from `curated()`, called again on "Back") and keeps it
 * swappable; with a usable `file` link it opens that file instead, and graph-data only if it fails.
 */
export function startExplorerHost(
  root: HTMLElement,
  curated: () => ExplorerInput,
  options: HostOptions = {},
): { current(): Explorer | null } {
  let shown: Shown | undefined;
  let busy = false;
  let linkKeeper: AbortController | null = null;
  /** The `file` value of the graph shown, or null for graph-data and a file chosen by hand. */
  let shownLink: string | null = null;

  /** `link`: the raw `file` value the graph was opened from, kept in the address while it is shown. */
  const show = (input: ExplorerInput, base: string, link?: string) => {
    linkKeeper?.abort();
    shown?.explorer.dispose();
    // Before the explorer starts: it rewrites the address as soon as it has read it.
    linkKeeper = link === undefined ? null : keepFileInLink(link);
    shownLink = link ?? null;
    const explorer = startExplorer(root, { ...input, headerTools: controls.headerTools });
    root.append(controls.dropHint);
    shown = { explorer, base };
    markDrawn(explorer);
    return explorer;
  };

  /** A new graph owns the page: the old one's link state means nothing for it. */
  const clearLink = () => {
    linkKeeper?.abort();
    linkKeeper = null;
    window.history.replaceState(null, "", `${window.location.pathname}${window.location.hash}`);
  };

  const notify = (texts: readonly string[]) => {
    if (texts.length) shown?.explorer.store.dispatch({ type: "notify", texts });
  };

  // The banner is set before the explorer starts: a header that grows under sigma's first frame would
  // shrink the stage, and the camera and every label would be placed a second time.
  const showCurated = () => {
    controls.showImported(null);
    show(curated(), "linkage-atlas");
  };

  /** A link that could not be opened: graph-data, and a notice naming the link and the reason. */
  const fallBack = (link: string, reason: string) => {
    clearLink();
    controls.importDone();
    showCurated();
    notify([fileLinkNotice(link, reason)]);
  };

  const showImported = (
    result: Extract<ImportResult, { ok: true }>,
    name: string,
    base: string,
    link?: string,
  ) => {
    controls.importDone();
    controls.showImported(importedBanner(name, result.graph), `Read as ${result.label}`);
    show({ sources: { ok: true, graph: result.graph }, positions: {} }, base, link);
    // What the reader kept differently or skipped goes to the explorer's notices.
    notify(result.warnings.slice(0, 20));
  };

  /** Opens the file a link names: downloaded, then parsed in the worker; graph-data is never drawn. */
  const openLink = (raw: string, url: URL) => {
    busy = true;
    // The graph shown goes now, with its listeners: it must not rewrite the address meanwhile.
    linkKeeper?.abort();
    linkKeeper = null;
    shown?.explorer.dispose();
    shown = undefined;
    shownLink = raw;
    root.replaceChildren(...openingPage(raw, controls.headerTools));
    controls.importing(url.href, 0, "downloading");
    importUrlInWorker(url, undefined, (progress) => controls.importing(url.href, ...progressOf(progress)))
      .then((result) => {
        if (result.ok) showImported(result, url.href, stem(fileNameOf(url)), raw);
        else fallBack(raw, reasonOf(result.messages));
      })
      .catch((error: unknown) => fallBack(raw, String(error)))
      .finally(() => {
        busy = false;
      });
  };

  const openExportDialog = exportOpener(
    exportCommandsOf(() => shown as Shown),
    () => controls.tools,
    (text) => notify([text]),
  );
  const controls = createImportExport({
    openExport() {
      // Nothing to export while a linked file is still on its way.
      if (shown) openExportDialog();
    },
    importFile(file: File, mapping: ImportMapping) {
      if (busy) return;
      busy = true;
      controls.importing(file.name, 0, "reading");
      importInWorker(file, mapping, (progress) => controls.importing(file.name, ...progressOf(progress)))
        .then((result) => {
          if (!result.ok) {
            controls.importFailed(file.name, result.messages);
            return;
          }
          clearLink();
          showImported(result, file.name, stem(file.name));
        })
        .catch((error: unknown) => controls.importFailed(file.name, [String(error)]))
        .finally(() => {
          busy = false;
        });
    },
    backToCurated() {
      clearLink();
      showCurated();
    },
  });

  /** Opens what a link's `file` parameter asks for: the file, or graph-data (with a notice if refused). */
  const follow = (file: FileParam) => {
    if (file.status === "ok") openLink(file.raw, file.url);
    else if (file.status === "refused") fallBack(file.raw, file.reason);
    else showCurated();
  };

  // Back and Forward across graphs: an entry that names another file (or none, after a linked one)
  // swaps the graph; within one graph the explorer restores the view itself. Before the explorer's
  // own listener, which a swap removes.
  const readLink = options.readLink ?? ((): FileParam => ({ status: "absent" }));
  window.addEventListener("popstate", () => {
    const file = readLink();
    if (!busy && (file.status === "absent" ? null : file.raw) !== shownLink) follow(file);
  });

  follow(readLink());
  return { current: () => shown?.explorer ?? null };
}
