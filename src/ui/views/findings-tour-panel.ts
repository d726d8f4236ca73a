// The findings tour over the network: the step's finding (id, summary, source title), how many
// claims rest on it, previous / next / close, and the keys. While a tour is open ← and → (and
// PageUp / PageDown, which presenter clickers send) step it instead of panning; ↑ ↓ still pan and
// Escape closes it. Watches the tour's position, what is visible and the view; the camera controller
// frames each step's nodes (controllers/camera-rules.ts), not this panel.
import type { FindingsTour } from "../../graph/findings-tour.ts";
import type { Derived } from "../state/derived.ts";
import { tourStep } from "../state/perspective-layer.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

const NEXT_KEYS = new Set(["ArrowRight", "PageDown"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "PageUp"]);

/** `signal` removes the page-wide keys when the explorer is replaced. */
export function createTourPanel(store: Store, derived: Derived, signal?: AbortSignal) {
  let tour: FindingsTour | null = null;

  const go = (delta: number) => {
    const position = store.getState().perspectives.tour;
    if (!position || !tour) return;
    const next = Math.min(Math.max(position.step + delta, 1), tour.steps.length);
    store.dispatch({ type: "tourStep", step: next });
  };

  const counter = el("p", { class: "tour-counter", id: "tour-counter" });
  const findingId = el("span", { class: "finding-id" });
  const summary = el("p", { class: "tour-summary", id: "tour-summary" });
  const source = el("p", { class: "finding-source tour-source" });
  const claims = el("p", { class: "tour-claims" });
  const previous = el("button", {
    class: "button button-quiet",
    text: "← Previous",
    attrs: { type: "button", "aria-keyshortcuts": "ArrowLeft" },
    on: { click: () => go(-1) },
  });
  const next = el("button", {
    class: "button",
    text: "Next →",
    attrs: { type: "button", "aria-keyshortcuts": "ArrowRight" },
    on: { click: () => go(1) },
  });
  const close = el("button", {
    class: "notice-close tour-close",
    text: "×",
    attrs: { type: "button", "aria-label": "Close the tour", "aria-keyshortcuts": "Escape" },
    on: { click: () => store.dispatch({ type: "closeTour" }) },
  });
  const element = el(
    "section",
    {
      class: "tour-panel",
      id: "tour",
      attrs: { "aria-label": "Findings tour", "aria-describedby": "tour-summary", hidden: true },
    },
    el("div", { class: "tour-head" }, counter, close),
    el(
      "div",
      { attrs: { "aria-live": "polite" } },
      el("p", { class: "tour-finding" }, findingId, summary),
      claims,
    ),
    source,
    el(
      "div",
      { class: "tour-buttons" },
      previous,
      next,
      el("span", {
        class: "hint tour-hint",
        text: "← → step through the findings · ↑ ↓ pan · Esc closes the tour",
      }),
    ),
  );

  watch(
    store,
    (state) => ({
      position: state.perspectives.tour,
      visibility: derived.visibility(state),
      onNetwork: state.view === "graph",
    }),
    ({ position, visibility, onNetwork }) => {
      tour = position ? derived.perspectives.tour(position.source, visibility) : null;
      const step = tour && position ? tourStep(tour, position) : null;
      element.hidden = !step || !onNetwork;
      if (!tour || !step) return;
      counter.textContent = `Finding ${step.index} of ${tour.steps.length}`;
      findingId.textContent = step.finding;
      summary.textContent = step.summary;
      source.textContent = tour.title;
      const count = step.claims.length;
      claims.textContent =
        count === 0
          ? "No claim resting on this finding passes the current filters."
          : `${count} claim${count === 1 ? " rests" : "s rest"} on it, joining ${step.nodes.length} nodes; the rest is dimmed.`;
      previous.disabled = step.index <= 1;
      next.disabled = step.index >= tour.steps.length;
    },
  );
  bindTourKeys(store, go, signal);
  return { element };
}

/** Page-wide keys of an open tour; capture phase, so they win over the network's arrow-key panning. */
function bindTourKeys(store: Store, go: (delta: number) => void, signal?: AbortSignal): void {
  document.addEventListener(
    "keydown",
    (event) => {
      const state = store.getState();
      if (!state.perspectives.tour || state.view !== "graph") return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const target = event.target;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement;
      if (typing || (target instanceof Element && target.closest('[role="grid"], [role="listbox"]'))) return;
      let delta = 0;
      if (NEXT_KEYS.has(event.key)) delta = 1;
      else if (PREVIOUS_KEYS.has(event.key)) delta = -1;
      else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        store.dispatch({ type: "closeTour" });
        return;
      } else return;
      event.preventDefault();
      event.stopPropagation();
      go(delta);
    },
    { capture: true, ...(signal ? { signal } : {}) },
  );
}
