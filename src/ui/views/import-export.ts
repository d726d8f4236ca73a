// The header's Import and Export controls: the buttons, the import dialog (file picker and mapping),
// drag-and-drop on the page, the progress and error line, and the banner of an imported graph. The
// export dialog (export-dialog.ts) is loaded on first use, with the writers. Text only through el().
// Lives as long as the page (explorer-host.ts owns it), so it watches no explorer's store: the host
// calls it with what happened.
import type { FormatId, ImportMapping } from "../../formats/types.ts";
import { NODE_KINDS, type NodeKind } from "../../model/vocabulary.ts";
import { el } from "./dom.ts";
import { dialogActions, keepFocusInside, openModal } from "./modal.ts";
import "./import-export.css";

export type ImageFormat = "png-1x" | "png-2x" | "svg";
export type ExportScope = "all" | "visible";

export interface ExportCommands {
  exportData(format: FormatId, scope: ExportScope): Promise<void>;
  exportImage(format: ImageFormat): Promise<void>;
  /** "Visible now: 12 nodes of 40…" for the scope choice. */
  visibleSummary(): string;
  canDrawImages(): boolean;
}

export interface ImportExportCommands {
  /** Opens the export dialog (loading it on first use). */
  openExport(): void;
  importFile(file: File, mapping: ImportMapping): void;
  backToCurated(): void;
}

/** The import dialog: the file picker and the mapping of foreign attributes to kinds. */
function importDialog(onFile: (file: File) => void) {
  const fileInput = el("input", {
    id: "import-file",
    attrs: {
      type: "file",
      accept: ".json,.gexf,.graphml,.xml,application/json,application/xml",
      "aria-describedby": "import-formats",
    },
  });
  const kindAttribute = el("input", {
    id: "import-kind-attribute",
    attrs: { type: "text", placeholder: "for example type", autocomplete: "off", spellcheck: "false" },
  });
  const defaultKind = el(
    "select",
    { id: "import-default-kind" },
    ...NODE_KINDS.map((kind) =>
      el("option", { text: kind, attrs: { value: kind, selected: kind === "issue" } }),
    ),
  );
  const dialog: HTMLDialogElement = el(
    "dialog",
    { class: "io-dialog", id: "import-dialog", attrs: { "aria-labelledby": "import-title" } },
    el("h2", { id: "import-title", text: "Import a graph" }),
    el("p", {
      id: "import-formats",
      class: "export-hint",
      text: "Project JSON, graphology JSON, GEXF 1.1 to 1.3 or GraphML, up to 100 MB. You can also drop a file anywhere on the page. The imported graph replaces the one shown until you go back; graph-data is not changed.",
    }),
    el("label", { class: "io-field" }, el("span", { text: "File" }), fileInput),
    el(
      "fieldset",
      { class: "export-scope" },
      el("legend", { text: "Mapping (optional)" }),
      el(
        "label",
        { class: "io-field" },
        el("span", { text: "Read each node's kind from the attribute" }),
        kindAttribute,
      ),
      el("label", { class: "io-field" }, el("span", { text: "Kind of the other nodes" }), defaultKind),
      el("p", {
        class: "export-hint",
        text: "Edges become links-to claims. Nothing is invented: an imported graph has no holders or findings.",
      }),
    ),
    dialogActions(() => dialog, "Cancel"),
  );
  keepFocusInside(dialog);
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    dialog.close();
    onFile(file);
    fileInput.value = "";
  });
  const mapping = (): ImportMapping => {
    const attribute = kindAttribute.value.trim();
    return {
      defaultKind: defaultKind.value as NodeKind,
      defaultRelation: "links-to",
      ...(attribute ? { kindAttribute: attribute } : {}),
    };
  };
  return { dialog, mapping };
}

/** The line under the header: progress, errors, and the imported graph's banner. */
function importStatus(backToCurated: () => void) {
  const progress = el("progress", { class: "import-progress", attrs: { max: 1 } });
  const text = el("span", { class: "import-status-text" });
  const status = el(
    "div",
    { class: "import-status", id: "import-status", attrs: { role: "status", hidden: true } },
    text,
    progress,
  );
  const errorTitle = el("h2", { class: "import-error-title", id: "import-error-title" });
  const errorList = el("ul", {
    class: "import-error-list",
    attrs: { tabindex: "0", "aria-label": "Problems" },
  });
  // A modal dialog, not a strip: a long list scrolls inside it, its Dismiss button stays in view,
  // and Esc closes it (modal.ts).
  const error = keepFocusInside(
    el(
      "dialog",
      {
        class: "io-dialog import-error",
        id: "import-error",
        attrs: { role: "alertdialog", "aria-labelledby": "import-error-title" },
      },
      errorTitle,
      errorList,
      el("p", { text: "The graph shown has not changed." }),
      dialogActions(() => error, "Dismiss"),
    ),
  );
  const bannerText = el("span", { class: "imported-banner-text" });
  const banner = el(
    "div",
    { class: "imported-banner", id: "imported-banner", attrs: { hidden: true } },
    el("span", { class: "imported-badge", text: "Imported" }),
    bannerText,
    el("button", {
      class: "button button-quiet",
      id: "back-to-curated",
      text: "Back to graph-data",
      attrs: { type: "button" },
      on: { click: backToCurated },
    }),
  );
  return {
    strip: el("div", { class: "io-strip" }, banner, status, error),
    progress(name: string, fraction: number | null, phase: string) {
      if (error.open) error.close();
      status.hidden = false;
      text.textContent = `Importing ${name}: ${phase}${fraction === null ? "…" : ` ${Math.round(fraction * 100)}%`}`;
      if (fraction === null) progress.removeAttribute("value");
      else progress.value = fraction;
    },
    done: () => (status.hidden = true),
    failed(name: string, messages: readonly string[]) {
      status.hidden = true;
      errorTitle.textContent = `Could not import ${name}`;
      errorList.replaceChildren(...messages.map((message) => el("li", { text: message })));
      openModal(error);
    },
    banner(text: string | null, detail: string) {
      banner.hidden = text === null;
      bannerText.textContent = text ?? "";
      bannerText.title = text ? `${text}. ${detail}` : "";
    },
  };
}

/** Drag and drop anywhere on the page: the hint while a file is over it, the file once dropped. */
function dropZone(onFile: (file: File) => void): HTMLElement {
  const hint = el(
    "div",
    { class: "drop-hint", attrs: { hidden: true, "aria-hidden": "true" } },
    el("p", { text: "Drop a graph file to import it" }),
  );
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
  let depth = 0;
  document.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    depth++;
    hint.hidden = false;
  });
  document.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  });
  document.addEventListener("dragover", (event) => {
    if (carriesFiles(event)) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    hint.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
  return hint;
}

export function createImportExport(commands: ImportExportCommands) {
  const importing = (file: File) => commands.importFile(file, dialog.mapping());
  const dialog = importDialog(importing);
  const status = importStatus(() => commands.backToCurated());
  const importButton = el("button", {
    class: "switch-button io-button",
    id: "import-button",
    text: "Import…",
    attrs: { type: "button", title: "Open a GEXF, GraphML or JSON graph (or drop one on the page)" },
    on: { click: () => openModal(dialog.dialog) },
  });
  const exportButton = el("button", {
    class: "switch-button io-button",
    id: "export-button",
    text: "Export…",
    attrs: { type: "button", title: "Download the graph or an image of the view" },
    on: { click: () => commands.openExport() },
  });
  const tools = el(
    "div",
    { class: "io-tools", attrs: { role: "group", "aria-label": "Import and export" } },
    importButton,
    exportButton,
    dialog.dialog,
  );

  return {
    /** Where the export dialog goes once it is loaded. */
    tools,
    /** Go into the header of each explorer started on the page. */
    headerTools: [tools, status.strip] as const,
    dropHint: dropZone(importing),
    importing(name: string, fraction: number | null, phase: string) {
      importButton.disabled = true;
      status.progress(name, fraction, phase);
    },
    importDone() {
      status.done();
      importButton.disabled = false;
    },
    importFailed(name: string, messages: readonly string[]) {
      importButton.disabled = false;
      status.failed(name, messages);
    },
    showImported(text: string | null, detail = "") {
      status.banner(text, detail);
      document.body.dataset.imported = String(text !== null);
    },
  };
}
