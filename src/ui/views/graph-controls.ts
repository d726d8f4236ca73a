// The buttons under the canvas: zoom, zoom to fit, and the layout's rerun, stop and reset (which also
// frames the graph again). They call the commands they are given (the camera and layout controllers,
// wired by app.ts); they watch whether the network is drawn (no buttons otherwise) and whether the
// layout is running.
import { type Store, watch } from "../state/store.ts";
import { el } from "./dom.ts";

export interface GraphCommands {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  startLayout(): void;
  stopLayout(): void;
  resetLayout(): void;
}

function iconButton(text: string, label: string, shortcut: string | null, onClick: () => void) {
  return el("button", {
    class: "tool-button",
    text,
    attrs: {
      type: "button",
      "aria-label": label,
      title: shortcut ? `${label} (${shortcut})` : label,
      "aria-keyshortcuts": shortcut,
    },
    on: { click: onClick },
  });
}

export function createGraphControls(store: Store, commands: GraphCommands) {
  const run = el("button", {
    class: "tool-button tool-button-wide",
    text: "Rerun layout",
    attrs: { type: "button", title: "Let ForceAtlas2 keep arranging the nodes (runs in a web worker)" },
    on: { click: () => commands.startLayout() },
  });
  const stop = el("button", {
    class: "tool-button tool-button-wide",
    text: "Stop",
    attrs: { type: "button", disabled: true, title: "Stop the layout where it is" },
    on: { click: () => commands.stopLayout() },
  });
  const reset = el("button", {
    class: "tool-button tool-button-wide",
    text: "Reset",
    attrs: {
      type: "button",
      "aria-label": "Reset the layout",
      title: "Go back to the standard layout (the same on every load)",
    },
    on: {
      click: () => {
        commands.resetLayout();
        // sigma takes the moved nodes in at its next frame; frame them once it has.
        requestAnimationFrame(() => requestAnimationFrame(() => commands.fit()));
      },
    },
  });
  const element = el(
    "div",
    { class: "graph-controls" },
    el(
      "div",
      { class: "tool-group", attrs: { role: "group", "aria-label": "Zoom" } },
      iconButton("+", "Zoom in", "+", () => commands.zoomIn()),
      iconButton("−", "Zoom out", "-", () => commands.zoomOut()),
      iconButton("⤢", "Zoom to fit", "0", () => commands.fit()),
    ),
    el("div", { class: "tool-group", attrs: { role: "group", "aria-label": "Layout" } }, run, stop, reset),
  );
  watch(
    store,
    (state) => ({ running: state.layoutRunning, status: state.network.status }),
    ({ running, status }) => {
      // Until the network is drawn the controls keep their room, unseen: the stage must not shrink
      // under sigma's first frame, which would place every label and fit the camera a second time.
      element.hidden = status === "unavailable" || status === "layout-failed";
      element.toggleAttribute("data-waiting", status !== "drawn");
      run.disabled = running;
      stop.disabled = !running;
      run.textContent = running ? "Laying out…" : "Rerun layout";
    },
  );
  return { element };
}
