// Keeps the address bar and the state in step: meaningful changes push a history entry, camera
// moves rewrite the current one, and Back/Forward restore the view the entry describes. Subscribes to
// every action (historyEffect says what it does to history); calls url.ts and window.history only.
import { historyEffect, sharedView } from "../state/explorer-state.ts";
import type { Store } from "../state/store.ts";
import { type KnownIds, linkQuery, parseLink } from "../state/url.ts";

/** `signal` unbinds Back/Forward when the explorer is replaced (an imported graph, or undoing it). */
export function bindUrl(
  store: Store,
  known: KnownIds,
  signal?: AbortSignal,
): { restoreFromLocation(): void } {
  const write = (mode: "push" | "replace") => {
    const query = linkQuery(sharedView(store.getState()));
    if (query === window.location.search) return;
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };

  store.subscribe((_state, _previous, action) => {
    const effect = historyEffect(action);
    if (effect !== "none") write(effect);
  });

  const restoreFromLocation = () => {
    const parsed = parseLink(window.location.search, known);
    store.dispatch({ type: "restore", view: parsed.view, notices: parsed.notices });
    // What was ignored leaves the address too, so copying it shares what is on screen.
    write("replace");
  };
  window.addEventListener("popstate", restoreFromLocation, signal ? { signal } : {});
  return { restoreFromLocation };
}
