// A minimal store: holds the state, runs the pure reducer, tells subscribers what changed and why.
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
