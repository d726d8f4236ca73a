// The export dialog: one button per writer of the format table (FORMATS) and one per image of the
// view, with the choice of the whole graph or only what is visible. Loaded on first use, so the
// writers stay out of the page's first download. Calls the ExportCommands it is given (explorer-host.ts).
import { EXPORT_FORMATS, FORMATS } from "../../formats/index.ts";
import { el } from "./dom.ts";
import type { ExportCommands, ExportScope, ImageFormat } from "./import-export.ts";
import { dialogActions, keepFocusInside, openModal } from "./modal.ts";

/** The images of the current view, beside the data formats of FORMATS. */
export const IMAGE_FORMATS: Record<ImageFormat, { label: string; hint: string }> = {
  "png-1x": { label: "PNG image, 1×", hint: "the current view, as many pixels as on screen" },
  "png-2x": { label: "PNG image, 2×", hint: "the current view, twice the pixels each way" },
  svg: { label: "SVG vector image", hint: "the current view as shapes, lines and text" },
};
const IMAGE_IDS = Object.keys(IMAGE_FORMATS) as ImageFormat[];

export function createExportDialog(commands: ExportCommands) {
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
  const exportDialog = keepFocusInside(
    el(
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
      dialogActions(() => exportDialog, "Close"),
    ),
  );
  const openExport = () => {
    scopeHint.textContent = commands.visibleSummary();
    const drawable = commands.canDrawImages();
    imageList.hidden = !drawable;
    imageNote.hidden = drawable;
    exportStatus.textContent = "";
    openModal(exportDialog);
  };

  return { element: exportDialog, open: openExport };
}
