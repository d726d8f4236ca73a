// The header's Import and Export controls: the export dialog (every format of the format table, and
// the images), the import dialog (file picker and mapping), drag-and-drop on the page, the progress
// and error line, and the banner of an imported graph. Text only through el(); no markup strings.
import { EXPORT_FORMATS, FORMATS } from "../../formats/index.ts";
import type { FormatId, ImportMapping } from "../../formats/types.ts";
import { NODE_KINDS, type NodeKind } from "../../model/vocabulary.ts";
import { el } from "./dom.ts";
import "./import-export.css";

export type ImageFormat = "png-1x" | "png-2x" | "svg";
export type ExportScope = "all" | "visible";

/** The images of the current view, beside the data formats of FORMATS. */
export const IMAGE_FORMATS: Record<ImageFormat, { label: string; hint: string }> = {
  "png-1x": { label: "PNG image, 1×", hint: "the current view, as many pixels as on screen" },
  "png-2x": { label: "PNG image, 2×", hint: "the current view, twice the pixels each way" },
  svg: { label: "SVG vector image", hint: "the current view as shapes, lines and text" },
};
const IMAGE_IDS = Object.keys(IMAGE_FORMATS) as ImageFormat[];

export interface ImportExportCommands {
  exportData(format: FormatId, scope: ExportScope): Promise<void>;
  exportImage(format: ImageFormat): Promise<void>;
  importFile(file: File, mapping: ImportMapping): void;
  backToCurated(): void;
  /** "Showing 12 of 40 nodes…" for the scope choice. */
  visibleSummary(): string;
  canDrawImages(): boolean;
}

export function createImportExport(commands: ImportExportCommands) {
  // Export dialog.
  const scopeInput = (value: ExportScope, text: string, checked: boolean) =>
    el(
      "label",
      { class: "export-scope-option" },
      el("input", {
        attrs: { type: "radio", name: "export-scope", value, checked },
      }),
      el("span", { text }),
    );
  const visibleOption = scopeInput("visible", "Only what is visible", false);
  const scopeHint = el("p", { class: "export-hint" });
  const exportStatus = el("p", { class: "export-status", attrs: { role: "status" } });
  const chosenScope = (): ExportScope =>
    exportDialog.querySelector<HTMLInputElement>('input[name="export-scope"]:checked')?.value === "visible"
      ? "visible"
      : "all";
  const run = async (button: HTMLButtonElement, task: () => Promise<void>, name: string) => {
    button.disabled = true;
    exportStatus.textContent = `Preparing ${name}…`;
    try {
      await task();
      exportStatus.textContent = `${name}: downloaded.`;
    } catch (error) {
      exportStatus.textContent = `${name} could not be made: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  };
  const dataButtons = EXPORT_FORMATS.map((id) => {
    const spec = FORMATS[id];
    const button = el("button", {
      class: "export-choice",
      text: spec.label,
      attrs: { type: "button", "data-format": id },
    });
    button.addEventListener("click", () =>
      run(button, () => commands.exportData(id, chosenScope()), spec.label),
    );
    return el(
      "li",
      {},
      button,
      el("span", {
        class: "export-choice-hint",
        text: spec.multiFile ? "several files, in one .zip" : spec.extensions[0],
      }),
    );
  });
  const imageButtons = IMAGE_IDS.map((id) => {
    const button = el("button", {
      class: "export-choice",
      text: IMAGE_FORMATS[id].label,
      attrs: { type: "button", "data-format": id },
    });
    button.addEventListener("click", () =>
      run(button, () => commands.exportImage(id), IMAGE_FORMATS[id].label),
    );
    return el("li", {}, button, el("span", { class: "export-choice-hint", text: IMAGE_FORMATS[id].hint }));
  });
  const imageList = el("ul", { class: "export-list" }, ...imageButtons);
  const imageNote = el("p", {
    class: "export-hint",
    text: "Images need the network view, which this browser cannot draw.",
  });
  const exportDialog = el(
    "dialog",
    { class: "io-dialog", id: "export-dialog", attrs: { "aria-labelledby": "export-title" } },
    el("h2", { id: "export-title", text: "Export" }),
    el(
      "fieldset",
      { class: "export-scope" },
      el("legend", { text: "Data" }),
      scopeInput("all", "The whole graph", true),
      visibleOption,
      scopeHint,
    ),
    el("ul", { class: "export-list" }, ...dataButtons),
    el("h3", { text: "Images of the current view" }),
    imageList,
    imageNote,
    exportStatus,
    el(
      "div",
      { class: "io-dialog-actions" },
      el("button", {
        class: "button button-quiet",
        text: "Close",
        attrs: { type: "button" },
        on: { click: () => exportDialog.close() },
      }),
    ),
  );
  const openExport = () => {
    scopeHint.textContent = commands.visibleSummary();
    const drawable = commands.canDrawImages();
    imageList.hidden = !drawable;
    imageNote.hidden = drawable;
    exportStatus.textContent = "";
    exportDialog.showModal();
  };

  // Import dialog.
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
  const mapping = (): ImportMapping => {
    const attribute = kindAttribute.value.trim();
    return {
      defaultKind: defaultKind.value as NodeKind,
      defaultRelation: "links-to",
      ...(attribute ? { kindAttribute: attribute } : {}),
    };
  };
  const importDialog = el(
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
    el(
      "div",
      { class: "io-dialog-actions" },
      el("button", {
        class: "button button-quiet",
        text: "Cancel",
        attrs: { type: "button" },
        on: { click: () => importDialog.close() },
      }),
    ),
  );
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    importDialog.close();
    commands.importFile(file, mapping());
    fileInput.value = "";
  });

  // The line under the header: progress, errors, and the imported graph's banner.
  const progress = el("progress", { class: "import-progress", attrs: { max: 1 } });
  const statusText = el("span", { class: "import-status-text" });
  const status = el(
    "div",
    { class: "import-status", id: "import-status", attrs: { role: "status", hidden: true } },
    statusText,
    progress,
  );
  const errorList = el("ul", { class: "import-error-list" });
  const error = el(
    "div",
    { class: "import-error", id: "import-error", attrs: { role: "alert", hidden: true } },
    el("strong", { class: "import-error-title" }),
    errorList,
    el("p", { text: "The graph shown has not changed." }),
    el("button", {
      class: "button button-quiet",
      text: "Dismiss",
      attrs: { type: "button" },
      on: { click: () => (error.hidden = true) },
    }),
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
      on: { click: () => commands.backToCurated() },
    }),
  );

  const importButton = el("button", {
    class: "switch-button io-button",
    id: "import-button",
    text: "Import…",
    attrs: { type: "button", title: "Open a GEXF, GraphML or JSON graph (or drop one on the page)" },
    on: { click: () => importDialog.showModal() },
  });
  const exportButton = el("button", {
    class: "switch-button io-button",
    id: "export-button",
    text: "Export…",
    attrs: { type: "button", title: "Download the graph or an image of the view" },
    on: { click: openExport },
  });
  const tools = el(
    "div",
    { class: "io-tools", attrs: { role: "group", "aria-label": "Import and export" } },
    importButton,
    exportButton,
    importDialog,
    exportDialog,
  );
  const strip = el("div", { class: "io-strip" }, banner, status, error);

  // Drag and drop anywhere on the page.
  const dropHint = el(
    "div",
    { class: "drop-hint", attrs: { hidden: true, "aria-hidden": "true" } },
    el("p", { text: "Drop a graph file to import it" }),
  );
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
  let dragDepth = 0;
  document.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    dragDepth++;
    dropHint.hidden = false;
  });
  document.addEventListener("dragleave", () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropHint.hidden = true;
  });
  document.addEventListener("dragover", (event) => {
    if (carriesFiles(event)) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    dropHint.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file) commands.importFile(file, mapping());
  });

  return {
    /** Go into the header of each explorer started on the page. */
    headerTools: [tools, strip] as const,
    dropHint,
    importing(name: string, fraction: number | null, phase: string) {
      error.hidden = true;
      status.hidden = false;
      importButton.disabled = true;
      statusText.textContent = `Importing ${name}: ${phase}${fraction === null ? "…" : ` ${Math.round(fraction * 100)}%`}`;
      if (fraction === null) progress.removeAttribute("value");
      else progress.value = fraction;
    },
    importDone() {
      status.hidden = true;
      importButton.disabled = false;
    },
    importFailed(name: string, messages: readonly string[]) {
      status.hidden = true;
      importButton.disabled = false;
      error.hidden = false;
      (error.querySelector(".import-error-title") as HTMLElement).textContent = `Could not import ${name}`;
      errorList.replaceChildren(...messages.map((message) => el("li", { text: message })));
    },
    showImported(text: string | null, detail = "") {
      banner.hidden = text === null;
      bannerText.textContent = text ?? "";
      bannerText.title = text ? `${text}. ${detail}` : "";
      document.body.dataset.imported = String(text !== null);
    },
  };
}
