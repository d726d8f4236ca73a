// The network's stage: the canvas sigma draws in (its controllers get it from here), the buttons and
// the tour panel over it, and the messages in its place: nothing matches the filters, the layout is
// running or failed, this browser cannot draw. Watches the view, the network's status, the tour and
// the visible count; dispatches resetFilters and setView. Never touches the renderer.
import type { Derived } from "../state/derived.ts";
import type { Network } from "../state/explorer-state.ts";
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

function messages(store: Store) {
  const empty = el(
    "div",
    { class: "stage-message", attrs: { hidden: true, role: "status" } },
    el("p", { text: "No nodes or claims match these filters." }),
    el("button", {
      class: "button",
      text: "Show everything",
      attrs: { type: "button" },
      on: { click: () => store.dispatch({ type: "resetFilters" }) },
    }),
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
  const layout = el("p", { class: "stage-message", attrs: { role: "status", hidden: true } });
  const show = (network: Network, nothingVisible: boolean) => {
    empty.hidden = !nothingVisible || network.status !== "drawn";
    unavailable.hidden = network.status !== "unavailable";
    layout.hidden = network.status !== "laying-out" && network.status !== "layout-failed";
    layout.textContent =
      network.status === "layout-failed"
        ? `The layout failed: ${network.message}`
        : network.status === "laying-out"
          ? "Laying out the network…"
          : "";
  };
  return { elements: [empty, unavailable, layout], show };
}

/** `over` are the elements drawn over the network: its buttons and the tour panel. */
export function createStage(store: Store, derived: Derived, over: readonly HTMLElement[]) {
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
  const element = el("div", { class: "graph-view" }, canvas, ...over, ...notes.elements);

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
