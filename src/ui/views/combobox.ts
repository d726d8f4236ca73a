// A type-ahead over the search index: an ARIA 1.2 combobox (a text input) and its listbox of matching
// nodes. Arrow keys move through the results, Enter chooses, Escape closes an open list; the active
// option is named by aria-activedescendant. The header's search and the Trace panel's target use it.
// Calls graph/search.ts and state/listbox.ts; what a choice does is the caller's.
import { type SearchHit, type SearchIndex, searchNodes } from "../../graph/search.ts";
import { moveActive } from "../state/listbox.ts";
import { el, kindSwatch } from "./dom.ts";

/** How many matches the list shows at most. */
const MAX_HITS = 8;

export interface NodeComboboxOptions {
  index: SearchIndex;
  inputId: string;
  inputClass: string;
  placeholder: string;
  listboxId: string;
  listboxClass: string;
  /** The listbox's accessible name. */
  listboxLabel: string;
  /** Option i's id is `${optionIdPrefix}${i}`. */
  optionIdPrefix: string;
  /** The option's second line: the node's kind, or what matched. */
  meta: (hit: SearchHit) => string;
  /** A hit was chosen; the list is already closed. */
  onChoose: (hit: SearchHit) => void;
  /** Scroll the active option into view as the keys move it. */
  scrollActive?: boolean;
  /** The list was closed. */
  onClose?: () => void;
  /** The list was redrawn for the input's text; `open` says whether it shows any option. */
  onList?: (open: boolean) => void;
  /** Escape while the list is hidden (an open list Escape just closes). */
  onEscapeWhenClosed?: (event: KeyboardEvent) => void;
}

export function createNodeCombobox(options: NodeComboboxOptions) {
  let hits: SearchHit[] = [];
  let active = -1;

  const input = el("input", {
    id: options.inputId,
    class: options.inputClass,
    attrs: {
      type: "text",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": options.listboxId,
      autocomplete: "off",
      spellcheck: "false",
      placeholder: options.placeholder,
    },
  });
  const listbox = el("ul", {
    id: options.listboxId,
    class: options.listboxClass,
    attrs: { role: "listbox", "aria-label": options.listboxLabel, hidden: true },
  });

  const close = () => {
    hits = [];
    active = -1;
    listbox.replaceChildren();
    listbox.hidden = true;
    options.onClose?.();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const choose = (hit: SearchHit) => {
    close();
    options.onChoose(hit);
  };

  const showActive = () => {
    for (const [i, option] of [...listbox.children].entries()) {
      option.setAttribute("aria-selected", String(i === active));
    }
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", `${options.optionIdPrefix}${active}`);
      if (options.scrollActive) listbox.children[active]?.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };

  const list = () => {
    hits = searchNodes(options.index, input.value, MAX_HITS);
    active = hits.length > 0 ? 0 : -1;
    listbox.replaceChildren(
      ...hits.map((hit, i) =>
        el(
          "li",
          {
            id: `${options.optionIdPrefix}${i}`,
            class: "search-option",
            attrs: { role: "option", "aria-selected": "false" },
            on: {
              // mousedown, not click: choosing must not first blur the input and close the list.
              mousedown: (event) => {
                event.preventDefault();
                choose(hit);
              },
            },
          },
          kindSwatch(hit.kind, 14),
          el("span", { class: "search-option-label", text: hit.label }),
          el("span", { class: "search-option-meta", text: options.meta(hit) }),
        ),
      ),
    );
    const open = hits.length > 0;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    options.onList?.(open);
    showActive();
  };

  input.addEventListener("input", list);
  input.addEventListener("blur", () => setTimeout(close, 0));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (hits.length === 0) list();
      active = moveActive(active, hits.length, event.key === "ArrowDown" ? 1 : -1);
      showActive();
    } else if (event.key === "Enter") {
      const hit = hits[active] ?? hits[0];
      if (hit) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === "Escape") {
      if (!listbox.hidden) {
        event.stopPropagation();
        close();
      } else options.onEscapeWhenClosed?.(event);
    }
  });

  return { input, listbox, close };
}
