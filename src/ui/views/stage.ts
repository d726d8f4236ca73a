// The network's stage: the canvas sigma draws in (its controllers get it from here), the compact key
// above it, the buttons below it and the tour panel on top (beside the canvas, never over it, so the
// camera's framing is never hidden behind a control), and the messages in its place: nothing matches
// the filters, the layout is running or failed, this browser cannot draw. Watches the view, the
// network's status, the tour and the visible count; dispatches resetFilters and setView. Never touches
// the renderer.
import type { Derived } from "../state/derived.ts";
import type { Network } from "../state/explorer-state.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";
import { showEverythingButton } from "./filter-panel.ts";
import { createLegendKey } from "./legend.ts";

function messages(store: Store) {
  const empty = el(
    "div",
    { class: "stage-message", attrs: { hidden: true, role: "status" } },
    el("p", { text: "No nodes or claims match these filters." }),
    showEverythingButton(store, "button"),
  );
  const unavailable = el(
    "div",
    {
      class: "stage-message stage-message-strong",
      id: "graph-unavailable",
      attrs: { hidden: true, role: "alert" },
    },
    el("h2", { text: "This browser cannot draw the network" }),
    el("p", {
      text: "Drawing the network needs WebGL2, which is turned off or not supported here. Every node and claim is still in the list view, with the same filters, search and details.",
    }),
    el("button", {
      class: "button",
      text: "Open the list view",
      attrs: { type: "button" },
      on: { click: () => store.dispatch({ type: "setView", view: "list" }) },
    }),
  );
  const layoutText = el("p", { attrs: { role: "status" } });
  const layoutBar = el("progress", { class: "layout-progress", attrs: { max: 1, "aria-label": "Layout" } });
  let stopLayout: (() => void) | null = null;
  const stopButton = el("button", {
    class: "button button-quiet",
    text: "Stop and show",
    attrs: { type: "button", hidden: true },
    on: { click: () => stopLayout?.() },
  });
  const layout = el(
    "div",
    { class: "stage-message", attrs: { hidden: true } },
    layoutText,
    layoutBar,
    stopButton,
  );
  const show = (network: Network, nothingVisible: boolean) => {
    empty.hidden = !nothingVisible || network.status !== "drawn";
    unavailable.hidden = network.status !== "unavailable";
    layout.hidden = network.status !== "laying-out" && network.status !== "layout-failed";
    layoutBar.hidden = network.status !== "laying-out";
    stopButton.hidden = network.status !== "laying-out" || !stopLayout;
    layoutText.textContent =
      network.status === "layout-failed"
        ? `The layout failed: ${network.message}`
        : network.status === "laying-out"
          ? "Laying out the network…"
          : "";
  };
  /** The first layout's progress (0 to 1, null before the first slice) and how to stop it early. */
  const progress = (fraction: number | null, stop: () => void) => {
    stopLayout = stop;
    stopButton.hidden = false;
    if (fraction === null) layoutBar.removeAttribute("value");
    else layoutBar.value = fraction;
    layoutText.textContent = `Laying out the network…${fraction === null ? "" : ` ${Math.round(fraction * 100)}%`}`;
  };
  return { elements: [empty, unavailable, layout], show, progress };
}

/** `around` are the elements laid out with the network: its buttons and the tour panel. */
export function createStage(store: Store, derived: Derived, around: readonly HTMLElement[]) {
  const canvas = el("div", {
    class: "graph-canvas",
    id: "graph-canvas",
    attrs: {
      role: "region",
      tabindex: "0",
      "aria-label":
        "Network of nodes and claims. Arrow keys pan, plus and minus zoom, 0 fits. The list view shows the same content as tables.",
    },
  });
  const notes = messages(store);
  const element = el("div", { class: "graph-view" }, createLegendKey(), canvas, ...around, ...notes.elements);

  watch(
    store,
    (state) => ({
      onNetwork: state.view === "graph",
      network: state.network,
      nothingVisible: derived.counts(derived.visibility(state)).nodes === 0,
      // The tour's panel then sits above the network, not over it, so no step is framed behind it.
      touring: state.view === "graph" && derived.tourStep(state) !== null,
    }),
    ({ onNetwork, network, nothingVisible, touring }) => {
      element.hidden = !onNetwork;
      element.classList.toggle("touring", touring);
      notes.show(network, nothingVisible);
    },
  );

  return {
    element,
    /** Where sigma draws. */
    canvas,
    /** Shows how far the first layout has gone, with a button that stops it and draws it as it is. */
    layoutProgress: notes.progress,
    /** Runs `start` with the stage shown: sigma needs a sized container, even under the list view. */
    whileShown<T>(start: () => T): T {
      const hidden = element.hidden;
      element.hidden = false;
      try {
        return start();
      } finally {
        element.hidden = hidden;
      }
    },
  };
}
