// The type-ahead search: an ARIA 1.2 combobox over the one search index (combobox.ts). Arrow keys
// move through the results, Enter chooses, Escape closes; choosing dispatches a select with focus, so
// the camera moves to the node. Shows no state, so it watches none.
import type { SearchIndex } from "../../graph/search.ts";
import { KIND_STYLES } from "../../model/vocabulary.ts";
import type { Store } from "../state/store.ts";
import { createNodeCombobox } from "./combobox.ts";
import { el } from "./dom.ts";

export function createSearchBox(store: Store, index: SearchIndex) {
  const empty = el("p", { class: "search-empty", attrs: { role: "status", hidden: true } });
  const { input, listbox, close } = createNodeCombobox({
    index,
    inputId: "search-input",
    inputClass: "search-input",
    placeholder: "Search actors, issues, treaties…",
    listboxId: "search-results",
    listboxClass: "search-results",
    listboxLabel: "Matching nodes",
    optionIdPrefix: "search-option-",
    meta: (hit) => (hit.alias ? `also “${hit.alias}”` : KIND_STYLES[hit.kind].label),
    onChoose: (hit) => {
      input.value = "";
      store.dispatch({ type: "select", selection: { type: "node", id: hit.id }, focus: true });
    },
    scrollActive: true,
    onClose: () => {
      empty.hidden = true;
    },
    onList: (open) => {
      const query = input.value.trim();
      empty.hidden = open || query === "";
      empty.textContent = query ? `Nothing is called “${query}”.` : "";
    },
    // Escape closes the list, then empties the box; only from an empty box does it reach the
    // page and clear the selection.
    onEscapeWhenClosed: (event) => {
      if (!empty.hidden) {
        event.stopPropagation();
        close();
      } else if (input.value) {
        event.stopPropagation();
        input.value = "";
      }
    },
  });

  const element = el(
    "div",
    { class: "search", attrs: { role: "search" } },
    el("label", {
      class: "visually-hidden",
      text: "Search nodes by name or alias",
      attrs: { for: "search-input" },
    }),
    el("span", {
      class: "search-key",
      text: "/",
      attrs: { "aria-hidden": "true", title: "Press / to search" },
    }),
    input,
    listbox,
    empty,
  );
  return { element, input };
}
