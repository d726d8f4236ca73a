// A section of the sidebar: its heading, labelled for assistive technology, and its content. The
// Questions and Perspective sections are built with it. Builder only.
import { el } from "./dom.ts";

/** `<section id>` with an `<h2 id="${id}-title">` naming it, then `content`. */
export function sidebarSection(
  id: string,
  className: string,
  title: string,
  ...content: (HTMLElement | null)[]
): HTMLElement {
  return el(
    "section",
    { class: `panel-section ${className}`, id, attrs: { "aria-labelledby": `${id}-title` } },
    el("h2", { id: `${id}-title`, class: "section-title", text: title }),
    ...content,
  );
}
