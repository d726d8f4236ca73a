// The Download (.md) and Copy buttons of a brief (the trace's, Compare's) and the line that says what
// they did, plus the one way views save a text file. The brief itself is written by src/graph
// (trace-brief.ts, compare-brief.ts) when a button is pressed, so it is always the view on screen.
import { el } from "./dom.ts";

/** Saves `text` as a file called `name`, through a link the page never shows. */
export function saveText(text: string, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = el("a", { attrs: { href: url, download: name, hidden: true } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface Brief {
  markdown: string;
  fileName: string;
}

/** The two buttons and the status line; `clear` empties the status when the brief's view changes. */
export function briefActions(what: string, brief: () => Brief | null) {
  const status = el("p", { class: "brief-status", attrs: { role: "status", "aria-live": "polite" } });
  const download = () => {
    const current = brief();
    if (!current) return;
    saveText(current.markdown, current.fileName, "text/markdown");
    status.textContent = `Downloaded ${current.fileName}.`;
  };
  const copy = async () => {
    const current = brief();
    if (!current) return;
    try {
      await navigator.clipboard.writeText(current.markdown);
      status.textContent = `The ${what} is on the clipboard, as Markdown.`;
    } catch {
      status.textContent = `This browser did not allow copying; download the ${what} instead.`;
    }
  };
  const buttons = el(
    "div",
    { class: "brief-actions" },
    el("button", {
      class: "button",
      text: "Download brief (.md)",
      attrs: { type: "button" },
      on: { click: download },
    }),
    el("button", {
      class: "button button-quiet",
      text: "Copy",
      attrs: { type: "button", "aria-label": `Copy the ${what} as Markdown` },
      on: { click: () => void copy() },
    }),
  );
  return { elements: [buttons, status], clear: () => (status.textContent = "") };
}

/** A file name a reader recognises, from ids: "trace-taiwan-arms-sales-by-china-depth-2.md". */
export function slugOf(id: string): string {
  return id.replace(/^[a-z]+:/, "").replace(/[^a-z0-9-]+/gi, "-");
}
