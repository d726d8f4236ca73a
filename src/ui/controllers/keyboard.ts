// The page-wide keys: / goes to the search box, Escape clears the selection, and over the network
// + − zoom, the arrow keys pan and 0 (or f) fits. Turns keys into actions and camera commands; the
// tour's own keys are the tour panel's. `signal` removes the listener when the explorer is replaced.
import type { Store } from "../state/store.ts";
import type { CameraCommands } from "./camera.ts";

const ZOOM_KEYS: Record<string, "in" | "out"> = { "+": "in", "=": "in", "-": "out", _: "out", "−": "out" };
const PAN_KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  );
}

export function bindKeyboard(
  store: Store,
  searchInput: HTMLInputElement,
  canvas: HTMLElement,
  camera: CameraCommands,
  signal?: AbortSignal,
): void {
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "Escape") {
        if (store.getState().selection) store.dispatch({ type: "select", selection: null });
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === "/") {
        event.preventDefault();
        searchInput.focus();
        return;
      }
      const target = event.target;
      const onGraph = target === document.body || (target instanceof Node && canvas.contains(target));
      if (!onGraph || store.getState().view !== "graph") return;
      const zoom = ZOOM_KEYS[event.key];
      const pan = PAN_KEYS[event.key];
      if (zoom === "in") camera.zoomIn();
      else if (zoom === "out") camera.zoomOut();
      else if (pan) camera.pan(pan[0], pan[1]);
      else if (event.key === "0" || event.key === "f") camera.fit();
      else return;
      event.preventDefault();
    },
    signal ? { signal } : {},
  );
}
