// Owns the sigma renderer over the display graph, says whether this browser can draw it, and when it
// has drawn. The only module that constructs Sigma. It draws rich or plain, as the number of visible
// claims asks (state/derived.ts); sigma fixes its programs when it starts, so a switch kills it and
// starts another, handing over the camera object and the listeners. Every other controller holds
// `renderer`, which forwards each call to the sigma of the moment. It also sets the plain drawing's
// fading (styles.ts's Fade). Calls sigma, styles.ts and the store.
import Sigma from "sigma";
import type { Derived, Drawing } from "../state/derived.ts";
import { type DisplayGraph, type DrawnVocabulary, drawnVocabulary } from "../state/display.ts";
import { type Store, watch } from "../state/store.ts";
import {
  CLAIM_STATE,
  createFade,
  explorerPrimitives,
  explorerSettings,
  explorerStyles,
  type Fade,
  keptAlpha,
  NODE_STATE,
  setFade,
} from "./styles.ts";

/**
 * Past this many claims, claims are not picked under the pointer: picking draws every edge a second
 * time each frame, which doubles the cost of panning a big graph, and a thin line among thousands
 * is no target anyway. Claims stay selectable from the details panel and the list view.
 */
export const CLAIM_PICKING_LIMIT = 5000;

/**
 * The property of the stage element that holds its renderer, so the browser tests (and anyone in the
 * console) can read what sigma drew: label boxes, node positions. Nothing in the app reads it.
 */
export const RENDERER_PROPERTY = "linkageRenderer";

/**
 * What the plain drawing fades: what the lens leaves out, and what the emphasis (hover, selection,
 * trace, tour step) leaves out. Each is one uniform of its programs, whatever the graph's size, as is
 * the lens's holder when it has a lens bit (0: none, or lit item by item).
 */
export interface Fading {
  lens: boolean;
  focus: boolean;
  lensBit: number;
}

function newRenderer(
  graph: DisplayGraph,
  container: HTMLElement,
  drawing: Drawing,
  visibleClaims: number,
  fade: Fade,
  vocabulary: DrawnVocabulary,
) {
  return new Sigma(graph, container, {
    customNodeState: NODE_STATE,
    customEdgeState: CLAIM_STATE,
    primitives: explorerPrimitives(drawing, fade, vocabulary),
    styles: explorerStyles(drawing),
    settings: {
      ...explorerSettings(drawing, visibleClaims),
      enableEdgeEvents: graph.size <= CLAIM_PICKING_LIMIT,
      // The list and matrix views hide the network; a state change there must not throw in a frame.
      allowInvalidContainer: true,
    },
  });
}

export type ExplorerRenderer = ReturnType<typeof newRenderer>;

type EventName = Parameters<ExplorerRenderer["on"]>[0];
type EventListener = Parameters<ExplorerRenderer["on"]>[1];

/**
 * The listeners added through the forwarding renderer, so that a switch can move them from the old
 * sigma to the new one. `once` is kept as a listener that forgets itself.
 */
function listenerBook(current: () => ExplorerRenderer) {
  const book: { event: EventName; listener: EventListener; attached: EventListener }[] = [];
  const add = (event: EventName, listener: EventListener, once: boolean) => {
    const attached = once
      ? (((...args: never[]) => {
          remove(event, listener);
          (listener as (...args: never[]) => void)(...args);
        }) as EventListener)
      : listener;
    book.push({ event, listener, attached });
    current().on(event, attached);
  };
  const remove = (event: EventName, listener: EventListener) => {
    const at = book.findIndex((entry) => entry.event === event && entry.listener === listener);
    const entry = book[at];
    if (!entry) return;
    book.splice(at, 1);
    current().removeListener(event, entry.attached);
  };
  return {
    add,
    remove,
    detach: (sigma: ExplorerRenderer) => {
      for (const entry of book) sigma.removeListener(entry.event, entry.attached);
    },
    attach: (sigma: ExplorerRenderer) => {
      for (const entry of book) sigma.on(entry.event, entry.attached);
    },
  };
}

/**
 * A renderer that stands for whichever sigma draws now: each property is read from it, each method
 * called on it, and listeners are booked so they follow a switch. Controllers keep this one object.
 */
function forwardingRenderer(current: () => ExplorerRenderer, book: ReturnType<typeof listenerBook>) {
  const on = (event: EventName, listener: EventListener) => {
    book.add(event, listener, false);
    return renderer;
  };
  const own: Partial<Record<keyof ExplorerRenderer, unknown>> = {
    on,
    addListener: on,
    once: (event: EventName, listener: EventListener) => {
      book.add(event, listener, true);
      return renderer;
    },
    removeListener: (event: EventName, listener: EventListener) => {
      book.remove(event, listener);
      return renderer;
    },
  };
  own.off = own.removeListener;
  const renderer: ExplorerRenderer = new Proxy(current(), {
    get(_first, key) {
      if (typeof key === "string" && key in own) return own[key as keyof ExplorerRenderer];
      const sigma = current();
      const value: unknown = Reflect.get(sigma, key, sigma);
      return typeof value === "function" ? value.bind(sigma) : value;
    },
  });
  return renderer;
}

/**
 * sigma measures its container on window resizes only; a panel that opens beside or under the network
 * (the phone's bottom sheet, the tour) changes its size without one. Watch the container itself. The
 * observer also reports the size it starts with: drawing again for that would cost a whole frame
 * (seconds for 100,000 claims in software WebGL) and show nothing new, so only a change redraws.
 */
function followSize(current: () => ExplorerRenderer, container: HTMLElement): () => void {
  if (typeof ResizeObserver === "undefined") return () => undefined;
  let size = `${container.offsetWidth}x${container.offsetHeight}`;
  const observer = new ResizeObserver(() => {
    const now = `${container.offsetWidth}x${container.offsetHeight}`;
    if (now === size || container.offsetWidth === 0 || container.offsetHeight === 0) return;
    size = now;
    current().resize();
    current().scheduleRender();
  });
  observer.observe(container);
  return () => observer.disconnect();
}

export interface RendererControl {
  /** What every other controller holds: it forwards to the sigma drawing now, across switches. */
  readonly renderer: ExplorerRenderer;
  drawing(): Drawing;
  /**
   * Called after a switch, before the new sigma's first frame: it starts with every node and claim
   * state at its default, so whoever owns states writes them again.
   */
  onSwitch(listener: (drawing: Drawing) => void): void;
  /** Fades what the lens or the emphasis leaves out, in the plain drawing (item-states.ts decides). */
  setFading(fading: Fading): void;
  /** The share of its alpha an item keeps from the plain drawing's fading (1 in the rich drawing). */
  keptAlpha(kind: "nodes" | "claims", data: object): number;
  kill(): void;
}

/**
 * Starts sigma on `display` in `container`, drawn as the store's visible claims ask, and switches the
 * drawing when a filter crosses the line. Subscribe it before the controllers that write states, so
 * a filter that switches the drawing reaches them once, on the new sigma. `whileShown` runs a start
 * with the stage shown: sigma measures its container.
 */
export function createRendererControl(
  display: DisplayGraph,
  container: HTMLElement,
  store: Store,
  derived: Derived,
  whileShown: <T>(start: () => T) => T = (start) => start(),
): RendererControl {
  let drawing = derived.drawing(store.getState());
  // Each sigma reads its own uniforms: a new one starts unfaded, and item-states fades it again.
  let fade = createFade();
  // The graph is fixed for the explorer's life: what it draws with is read once, for every switch.
  const vocabulary = drawnVocabulary(display);
  const start = (next: Drawing) => {
    fade = createFade();
    const visibleClaims = derived.visibility(store.getState()).claims.size;
    return newRenderer(display, container, next, visibleClaims, fade, vocabulary);
  };
  let sigma = whileShown(() => start(drawing));
  const book = listenerBook(() => sigma);
  const renderer = forwardingRenderer(() => sigma, book);
  Object.defineProperty(container, RENDERER_PROPERTY, { value: renderer, configurable: true });
  const stopFollowing = followSize(() => sigma, container);
  const switched = new Set<(drawing: Drawing) => void>();

  const switchTo = (next: Drawing) => {
    const camera = sigma.getCamera();
    // The listeners leave first, so the old sigma's "kill" reaches none of them: nothing is disposed.
    book.detach(sigma);
    sigma.kill();
    drawing = next;
    sigma = whileShown(() => start(next));
    // The same camera object: where the reader was looking, and the camera's own listeners, stay.
    sigma.setCamera(camera);
    book.attach(sigma);
    for (const listener of switched) listener(next);
  };
  const unwatch = watch(
    store,
    (state) => derived.drawing(state),
    (next) => {
      if (next !== drawing) switchTo(next);
    },
  );

  return {
    renderer,
    drawing: () => drawing,
    onSwitch: (listener) => void switched.add(listener),
    setFading(fading) {
      if (drawing === "plain" && setFade(fade, fading)) sigma.scheduleRender();
    },
    keptAlpha: (kind, data) => (drawing === "plain" ? keptAlpha(fade, kind, data) : 1),
    kill() {
      unwatch();
      stopFollowing();
      switched.clear();
      sigma.kill();
    },
  };
}

/** Resolves once a frame has been drawn and presented. */
export function firstFrame(renderer: ExplorerRenderer): Promise<void> {
  return new Promise((resolve) => {
    // The constructor may already have drawn; asking for one more render makes the event certain.
    renderer.once("afterRender", () => requestAnimationFrame(() => resolve()));
    renderer.scheduleRender();
  });
}

/** sigma v4 draws with WebGL2 only; asking a throwaway canvas avoids a half-built renderer. */
export function webgl2Available(): boolean {
  try {
    const context = document.createElement("canvas").getContext("webgl2");
    // Give the probe's context back at once: browsers cap how many a page may hold.
    context?.getExtension("WEBGL_lose_context")?.loseContext();
    return context !== null;
  } catch {
    return false;
  }
}
