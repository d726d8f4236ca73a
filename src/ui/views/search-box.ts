// The type-ahead search: an ARIA 1.2 combobox over the search index. Arrow keys move through the
// results, Enter chooses, Escape closes; choosing selects the node and moves the camera to it.
import { type SearchHit, type SearchIndex, searchNodes } from "../../graph/search.ts";
import { KIND_STYLES } from "../../model/vocabulary.ts";
import { moveActive } from "../state/listbox.ts";
import type { Store } from "../state/store.ts";
import { el, kindSwatch } from "./dom.ts";

export function createSearchBox(store: Store, index: SearchIndex) {
  let hits: SearchHit[] = [];
  let active = -1;

  const input = el("input", {
    id: "search-input",
    class: "search-input",
    attrs: {
      type: "text",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": "search-results",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "Search actors, issues, treaties…",
    },
  });
  const listbox = el("ul", {
    id: "search-results",
    class: "search-results",
    attrs: { role: "listbox", "aria-label": "Matching nodes", hidden: true },
  });
  const empty = el("p", { class: "search-empty", attrs: { role: "status", hidden: true } });

  const close = () => {
    hits = [];
    active = -1;
    listbox.replaceChildren();
    listbox.hidden = true;
    empty.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const choose = (hit: SearchHit) => {
    close();
    input.value = "";
    store.dispatch({ type: "select", selection: { type: "node", id: hit.id }, focus: true });
  };

  const showActive = () => {
    for (const [i, option] of [...listbox.children].entries()) {
      option.setAttribute("aria-selected", String(i === active));
    }
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", `search-option-${active}`);
      listbox.children[active]?.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };

  const render = () => {
    hits = searchNodes(index, input.value, 8);
    active = hits.length > 0 ? 0 : -1;
    listbox.replaceChildren(
      ...hits.map((hit, i) =>
        el(
          "li",
          {
            id: `search-option-${i}`,
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
          el("span", {
            class: "search-option-meta",
            text: hit.alias ? `also “${hit.alias}”` : KIND_STYLES[hit.kind].label,
          }),
        ),
      ),
    );
    const open = hits.length > 0;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    const query = input.value.trim();
    empty.hidden = open || query === "";
    empty.textContent = query ? `Nothing is called “${query}”.` : "";
    showActive();
  };

  input.addEventListener("input", render);
  input.addEventListener("blur", () => setTimeout(close, 0));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (hits.length === 0) render();
      active = moveActive(active, hits.length, event.key === "ArrowDown" ? 1 : -1);
      showActive();
    } else if (event.key === "Enter") {
      const hit = hits[active] ?? hits[0];
      if (hit) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === "Escape") {
      // Escape closes the list, then empties the box; only from an empty box does it reach the
      // page and clear the selection.
      if (!listbox.hidden || !empty.hidden) {
        event.stopPropagation();
        close();
      } else if (input.value) {
        event.stopPropagation();
        input.value = "";
      }
    }
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
