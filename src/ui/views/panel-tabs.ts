// On narrow screens (styles.css: 820 px and less) the network takes the screen and the panels become a
// bottom sheet under it, one at a time, chosen by these tabs: Questions (trace and perspective),
// Details, Filters (legend and filters). A tab opens its panel; the open tab closes it. The sheet is
// page layout, not explorer state, so it lives in `data-sheet` on <body>, which the CSS reads. Watches
// the selection, to mark Details when something new is chosen while it is closed, and the question,
// to turn from the questions to Details, where the answer is, once one is asked.
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

export type Sheet = "questions" | "details" | "filters";

const TABS: { sheet: Sheet; text: string; controls: string }[] = [
  { sheet: "questions", text: "Questions", controls: "sidebar" },
  { sheet: "details", text: "Details", controls: "details" },
  { sheet: "filters", text: "Filters", controls: "sidebar" },
];

export function createPanelTabs(store: Store) {
  const open = (sheet: Sheet | null) => {
    if (sheet) document.body.dataset.sheet = sheet;
    else delete document.body.dataset.sheet;
    for (const tab of buttons) {
      const on = tab.dataset.sheet === sheet;
      tab.setAttribute("aria-expanded", String(on));
      if (on) tab.classList.remove("has-news");
    }
  };
  const buttons = TABS.map(({ sheet, text, controls }) =>
    el("button", {
      class: "panel-tab",
      text,
      attrs: { type: "button", "aria-expanded": "false", "aria-controls": controls, "data-sheet": sheet },
      on: { click: () => open(document.body.dataset.sheet === sheet ? null : sheet) },
    }),
  );
  const element = el("nav", { class: "panel-tabs", attrs: { "aria-label": "Panels" } }, ...buttons);
  const details = buttons[1];
  watch(
    store,
    (state) => state.selection,
    (selection) => {
      // Chosen on the network: marked on the tab, so the sheet never covers the network unasked.
      if (details && selection) {
        details.classList.toggle("has-news", document.body.dataset.sheet !== "details");
      }
    },
  );
  // A link (or Back and Forward) to a node or claim opens on its details.
  store.subscribe((state, _previous, action) => {
    if (action.type === "restore" && state.selection) open("details");
  });
  watch(
    store,
    (state) => state.trace.query,
    (query, previous) => {
      if (query && previous !== query && document.body.dataset.sheet === "questions") open("details");
    },
  );
  return { element, open };
}
