// The explorer's store: holds the state, runs the pure reducer, and tells subscribers what changed
// and why. `watch` gives each view and controller its own slice, called only when that slice changed
// (sigma's dirty sets, for the DOM). Calls explorer-state.ts only; no DOM, no sigma.
// Actions dispatched while subscribers run are queued, so every subscriber sees every step in order.
import { type Action, type ExplorerState, reduce } from "./explorer-state.ts";

export type Listener = (state: ExplorerState, previous: ExplorerState, action: Action) => void;

export interface Store {
  getState(): ExplorerState;
  dispatch(action: Action): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: ExplorerState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  const queue: Action[] = [];
  let running = false;
  return {
    getState: () => state,
    dispatch(action) {
      queue.push(action);
      if (running) return;
      running = true;
      try {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const previous = state;
          state = reduce(state, next);
          if (state === previous) continue;
          for (const listener of listeners) listener(state, previous, next);
        }
      } finally {
        running = false;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Same slice: the same value, or two objects whose own keys hold the same values (by identity). The
 * state and its caches hand out a new object only when something changed, so identity is enough.
 */
export function sameSlice<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * Shows `select(state)` now, and again after each dispatch that changes it; a dispatch that leaves
 * the slice as it was costs one `select` and nothing more. Returns the unsubscribe.
 */
export function watch<T>(
  store: Store,
  select: (state: ExplorerState) => T,
  show: (slice: T, previous: T | null) => void,
  same: (a: T, b: T) => boolean = sameSlice,
): () => void {
  let current = select(store.getState());
  show(current, null);
  return store.subscribe((state) => {
    const next = select(state);
    if (same(current, next)) return;
    const previous = current;
    current = next;
    show(next, previous);
  });
}
