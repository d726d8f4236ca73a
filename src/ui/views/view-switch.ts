// The header's view switch: Network, Matrix and List, one pressed at a time. Watches state.view;
// dispatches setView.
import type { View } from "../state/explorer-state.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

// Matrix before List, which stays the last stop before the tables in Tab order.
const VIEWS: { view: View; text: string }[] = [
  { view: "graph", text: "Network" },
  { view: "matrix", text: "Matrix" },
  { view: "list", text: "List" },
];

export function createViewSwitch(store: Store) {
  const buttons = VIEWS.map(({ view, text }) =>
    el("button", {
      class: "switch-button",
      text,
      attrs: { type: "button", "aria-pressed": "false", "data-view": view },
      on: { click: () => store.dispatch({ type: "setView", view }) },
    }),
  );
  const element = el(
    "div",
    { class: "view-switch", attrs: { role: "group", "aria-label": "View" } },
    ...buttons,
  );
  watch(
    store,
    (state) => state.view,
    (view) => {
      for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.view === view));
    },
  );
  return { element };
}
