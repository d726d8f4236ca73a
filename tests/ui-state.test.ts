import { describe, expect, it } from "vitest";
import {
  type Action,
  DEFAULT_FILTERS,
  type ExplorerState,
  historyEffect,
  INITIAL_STATE,
  reduce,
} from "../src/ui/state/explorer-state.ts";
import { createStore, sameSlice, watch } from "../src/ui/state/store.ts";

const run = (...actions: Action[]): ExplorerState => actions.reduce(reduce, INITIAL_STATE);

describe("explorer state transitions", () => {
  it("selects and clears a node or a claim", () => {
    const selected = run({ type: "select", selection: { type: "node", id: "actor:china" } });
    expect(selected.selection).toEqual({ type: "node", id: "actor:china" });
    expect(reduce(selected, { type: "select", selection: null }).selection).toBeNull();
    expect(run({ type: "select", selection: { type: "claim", id: "c-1" } }).selection?.type).toBe("claim");
  });

  it("does not touch the state it is given", () => {
    const before = structuredClone(INITIAL_STATE);
    reduce(INITIAL_STATE, { type: "toggleKind", kind: "actor" });
    expect(INITIAL_STATE).toEqual(before);
  });

  it("toggles kinds and relations, keeping the vocabulary's order", () => {
    const state = run(
      { type: "toggleKind", kind: "actor" },
      { type: "toggleKind", kind: "issue" },
      { type: "toggleKind", kind: "actor" },
    );
    expect(state.filters.kinds).toEqual(["actor", "treaty"]);
    expect(run({ type: "toggleRelation", relation: "supports" }).filters.relations).toEqual([
      "opposes",
      "links-to",
    ]);
  });

  it("toggles attributions and modalities, keeping the vocabulary's order, and pushes them into history", () => {
    const state = run(
      { type: "toggleAttribution", attribution: "stated" },
      { type: "toggleAttribution", attribution: "document" },
      { type: "toggleAttribution", attribution: "stated" },
    );
    expect(state.filters.attributions).toEqual(["stated", "inferred"]);
    expect(state.filters.relations).toEqual(DEFAULT_FILTERS.relations);
    const firm = run(
      { type: "toggleModality", modality: "hedged" },
      { type: "toggleModality", modality: "question" },
    );
    expect(firm.filters.modalities).toEqual(["asserted"]);
    expect(historyEffect({ type: "toggleAttribution", attribution: "inferred" })).toBe("push");
    expect(historyEffect({ type: "toggleModality", modality: "hedged" })).toBe("push");
    expect(reduce(firm, { type: "resetFilters" }).filters).toEqual(DEFAULT_FILTERS);
  });

  it("drops a finding of another source when the source changes", () => {
    const state = run({ type: "setFinding", finding: "doc-a#F3" }, { type: "setSource", source: "doc-b" });
    expect(state.filters).toMatchObject({ source: "doc-b", finding: null });
    const kept = run({ type: "setFinding", finding: "doc-a#F3" }, { type: "setSource", source: "doc-a" });
    expect(kept.filters.finding).toBe("doc-a#F3");
  });

  it("resets every filter at once", () => {
    const state = run(
      { type: "setHolder", holder: "both" },
      { type: "toggleRelation", relation: "opposes" },
      { type: "resetFilters" },
    );
    expect(state.filters).toEqual(DEFAULT_FILTERS);
  });

  it("returns the same state for a hover that changes nothing", () => {
    const hovered = run({ type: "hover", node: "actor:us" });
    expect(reduce(hovered, { type: "hover", node: "actor:us" })).toBe(hovered);
  });

  it("restores a shared view and adds its notices with fresh ids", () => {
    const state = run(
      { type: "notify", texts: ["first"] },
      { type: "hover", node: "actor:us" },
      {
        type: "restore",
        view: {
          selection: { type: "node", id: "actor:us" },
          filters: { ...DEFAULT_FILTERS, holder: "both" },
          view: "list",
          camera: { x: 0.4, y: 0.6, ratio: 0.5 },
        },
        notices: ["second", "third"],
      },
    );
    expect(state).toMatchObject({ view: "list", hovered: null, camera: { ratio: 0.5 } });
    expect(state.filters.holder).toBe("both");
    expect(state.notices.map((n) => [n.id, n.text])).toEqual([
      [1, "first"],
      [2, "second"],
      [3, "third"],
    ]);
    expect(reduce(state, { type: "dismissNotice", id: 2 }).notices.map((n) => n.text)).toEqual([
      "first",
      "third",
    ]);
  });

  it("pushes history for meaningful changes only", () => {
    expect(historyEffect({ type: "select", selection: null })).toBe("push");
    expect(historyEffect({ type: "setHolder", holder: "both" })).toBe("push");
    expect(historyEffect({ type: "cameraMoved", camera: { x: 0, y: 0, ratio: 1 } })).toBe("replace");
    expect(historyEffect({ type: "hover", node: null })).toBe("none");
  });
});

describe("store", () => {
  it("tells subscribers the new state, the old one and the action, in dispatch order", () => {
    const store = createStore(INITIAL_STATE);
    const seen: string[] = [];
    store.subscribe((state, previous, action) => {
      seen.push(`${action.type}:${previous.view}->${state.view}`);
      // An action dispatched from a subscriber runs after the current one has reached everybody.
      if (action.type === "setView" && state.view === "list")
        store.dispatch({ type: "setView", view: "graph" });
    });
    store.dispatch({ type: "setView", view: "list" });
    expect(seen).toEqual(["setView:graph->list", "setView:list->graph"]);
  });

  it("does not notify when nothing changed", () => {
    const store = createStore(INITIAL_STATE);
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispatch({ type: "hover", node: null });
    expect(calls).toBe(0);
  });
});

describe("watch", () => {
  it("shows its slice at once, then only when a dispatch changes that slice", () => {
    const store = createStore(INITIAL_STATE);
    const shown: [string, string | null][] = [];
    watch(
      store,
      (state) => state.view,
      (view, previous) => shown.push([view, previous]),
    );
    expect(shown).toEqual([["graph", null]]);
    // Changes elsewhere in the state leave the view's slice alone.
    store.dispatch({ type: "hover", node: "actor:us" });
    store.dispatch({ type: "toggleKind", kind: "actor" });
    expect(shown).toHaveLength(1);
    store.dispatch({ type: "setView", view: "list" });
    expect(shown).toEqual([
      ["graph", null],
      ["list", "graph"],
    ]);
  });

  it("compares object slices key by key, so a slice rebuilt from unchanged parts does not show again", () => {
    const store = createStore(INITIAL_STATE);
    let shows = 0;
    watch(
      store,
      (state) => ({ filters: state.filters, selection: state.selection }),
      () => shows++,
    );
    store.dispatch({ type: "hover", node: "actor:us" });
    store.dispatch({ type: "cameraMoved", camera: { x: 0.5, y: 0.5, ratio: 1 } });
    expect(shows).toBe(1);
    store.dispatch({ type: "select", selection: { type: "node", id: "actor:us" } });
    expect(shows).toBe(2);
  });

  it("stops after its unsubscribe", () => {
    const store = createStore(INITIAL_STATE);
    let shows = 0;
    const stop = watch(
      store,
      (state) => state.view,
      () => shows++,
    );
    stop();
    store.dispatch({ type: "setView", view: "list" });
    expect(shows).toBe(1);
  });

  it("tells equal slices from different ones", () => {
    const filters = DEFAULT_FILTERS;
    expect(sameSlice({ a: filters, b: 1 }, { a: filters, b: 1 })).toBe(true);
    expect(sameSlice({ a: filters, b: 1 }, { a: { ...filters }, b: 1 })).toBe(false);
    expect(sameSlice({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameSlice(null, { a: 1 })).toBe(false);
    expect(sameSlice(Number.NaN, Number.NaN)).toBe(true);
  });
});
