// Notices: what the explorer ignored or could not do (a bad link parameter, an unknown id), shown
// in a polite status region until dismissed. Never a blank page, never an alert box.
// Watches state.notices; dispatches dismissNotice.
import type { Notice } from "../state/explorer-state.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

export function createNotices(store: Store) {
  const list = el("ul", { class: "notice-list" });
  const element = el(
    "div",
    { class: "notices", id: "notices", attrs: { role: "status", "aria-live": "polite" } },
    list,
  );
  const show = (notices: readonly Notice[]) =>
    list.replaceChildren(
      ...notices.map((notice) =>
        el(
          "li",
          { class: "notice" },
          el("span", { text: notice.text }),
          el("button", {
            class: "notice-close",
            text: "×",
            attrs: { type: "button", "aria-label": "Dismiss this notice" },
            on: { click: () => store.dispatch({ type: "dismissNotice", id: notice.id }) },
          }),
        ),
      ),
    );
  watch(store, (state) => state.notices, show);
  return { element };
}
