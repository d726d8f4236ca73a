// The explorer at scale, pure parts (issue 12, a renderer that scales): which drawing a number of
// visible claims gets, which items a hover, a selection, a lens or a comparison can touch (so the
// item-states controller writes those alone), and the per-graph cache that makes a lens or Compare
// switch a state update. The sigma side, in a real browser, is tests/browser/scale.test.ts.
import { describe, expect, it } from "vitest";
import { lensClaims } from "../src/graph/perspectives.ts";
import { syntheticGraph } from "../src/graph/synthetic.ts";
import { drawingFor, PLAIN_DRAWING_FROM } from "../src/ui/state/derived.ts";
import {
  type Emphasis,
  NOTHING_TOUCHED,
  neighbourhood,
  type Touched,
  touchedByBoth,
  touchedByEmphasis,
  touchedBySelection,
} from "../src/ui/state/emphasis.ts";
import { DEFAULT_FILTERS } from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import {
  createPerspectiveCache,
  heldClaims,
  perspectiveLayer,
  touchedByLayer,
} from "../src/ui/state/perspective-layer.ts";

const graph = syntheticGraph({ nodes: 400, claims: 3000, holders: 6, seed: 3 });
const everything = visibleItems(graph, DEFAULT_FILTERS);
const stancesOnly = visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["supports", "opposes"] });
const around = (node: string) => neighbourhood(graph, { type: "node", id: node }, everything) as Emphasis;
const hub = graph.nodes().reduce((best, node) => (graph.degree(node) > graph.degree(best) ? node : best));
const other = graph.nodes().find((node) => node !== hub && graph.degree(node) > 2) as string;

const sizes = (touched: Touched) =>
  touched === "every" ? "every" : { nodes: touched.nodes.size, claims: touched.claims.size };

describe("the drawing for a number of claims", () => {
  it("is rich below the line and plain from it", () => {
    expect(drawingFor(0)).toBe("rich");
    expect(drawingFor(PLAIN_DRAWING_FROM - 1)).toBe("rich");
    expect(drawingFor(PLAIN_DRAWING_FROM)).toBe("plain");
    expect(drawingFor(100_000)).toBe("plain");
  });
});

describe("what a change touches", () => {
  it("a hover under the veil touches its neighbourhood alone, a move to another node both", () => {
    const first = around(hub);
    const second = around(other);
    expect(touchedByEmphasis(null, first, false)).toEqual({ nodes: first.nodes, claims: first.claims });
    const moved = touchedByEmphasis(first, second, false);
    expect(moved).toEqual({
      nodes: new Set([...first.nodes, ...second.nodes]),
      claims: new Set([...first.claims, ...second.claims]),
    });
    expect(sizes(moved)).not.toBe("every");
    expect(touchedByEmphasis(second, null, false)).toEqual({ nodes: second.nodes, claims: second.claims });
  });

  it("dimming each item on its own, turning the emphasis on or off touches every shown item", () => {
    expect(touchedByEmphasis(null, around(hub), true)).toBe("every");
    expect(touchedByEmphasis(around(hub), null, true)).toBe("every");
    // From one emphasis to another, the rest stays dimmed: only the two neighbourhoods change.
    expect(sizes(touchedByEmphasis(around(hub), around(other), true))).not.toBe("every");
  });

  it("the same emphasis or selection touches nothing; a new selection its old and new item", () => {
    const same = around(hub);
    expect(touchedByEmphasis(same, same, true)).toBe(NOTHING_TOUCHED);
    const selection = { type: "node" as const, id: hub };
    expect(touchedBySelection(selection, selection)).toBe(NOTHING_TOUCHED);
    const claim = graph.edges()[0] as string;
    expect(touchedBySelection(selection, { type: "claim", id: claim })).toEqual({
      nodes: new Set([hub]),
      claims: new Set([claim]),
    });
    expect(touchedByBoth(NOTHING_TOUCHED, "every")).toBe("every");
  });

  it("a lens switch touches the two lenses' items, not the graph", () => {
    const a = perspectiveLayer(graph, { mode: "lens", holder: "actor:n0" }, everything);
    const b = perspectiveLayer(graph, { mode: "lens", holder: "actor:n1" }, everything);
    if (!a || !b) throw new Error("expected two lenses");
    const touched = touchedByLayer(a, b, true);
    if (touched === "every") throw new Error("a switch between lenses touched every item");
    expect(touched.claims).toEqual(new Set([...a.claims, ...b.claims]));
    expect(touched.claims.size).toBeLessThan(graph.size / 2);
    // Off to on: under the veil only the lens's items rise; faded item by item, every item fades.
    expect(touchedByLayer(null, a, false)).toEqual({ nodes: a.nodes, claims: a.claims });
    expect(touchedByLayer(null, a, true)).toBe("every");
  });

  it("a comparison touches every claim it colours, shown or faded by the legend", () => {
    const faded = perspectiveLayer(
      graph,
      { mode: "compare", a: "actor:n0", b: "actor:n1", roles: ["contested"] },
      everything,
    );
    if (!faded?.roles) throw new Error("expected a comparison");
    const touched = touchedByLayer(null, faded, false);
    if (touched === "every") throw new Error("expected some items");
    for (const claim of faded.roles.keys()) expect(touched.claims.has(claim)).toBe(true);
    expect(faded.claims.size).toBeLessThan(faded.roles.size);
  });
});

describe("the lens from each holder's claims", () => {
  it("holds the same claims and nodes as lensClaims, under the filters too", () => {
    for (const visibility of [everything, stancesOnly]) {
      const layer = perspectiveLayer(graph, { mode: "lens", holder: "actor:n2" }, visibility);
      const lens = lensClaims(graph, "actor:n2", {
        filter: { claim: (id) => visibility.claims.has(id), node: (id) => visibility.nodes.has(id) },
      });
      expect(layer?.claims).toEqual(new Set([...lens.own, ...lens.shared]));
      expect(layer?.nodes).toEqual(new Set(lens.nodes));
    }
  });

  it("lists each holder's claims once, from one pass", () => {
    const held = heldClaims(graph);
    const count = graph.filterEdges((_claim, attributes) => attributes.heldBy.includes("actor:n3")).length;
    expect(held.get("actor:n3")?.length).toBe(count);
    expect(held.has("issue:n200")).toBe(false);
  });
});

describe("the perspective cache", () => {
  it("hands back the very same layer for a lens or comparison asked for again", () => {
    const cache = createPerspectiveCache(graph);
    const first = cache.layer({ mode: "lens", holder: "actor:n0" }, everything);
    const second = cache.layer({ mode: "lens", holder: "actor:n1" }, everything);
    expect(cache.layer({ mode: "lens", holder: "actor:n0" }, everything)).toBe(first);
    expect(cache.layer({ mode: "lens", holder: "actor:n1" }, everything)).toBe(second);
    const compared = cache.layer({ mode: "compare", a: "actor:n0", b: "actor:n1" }, everything);
    cache.layer({ mode: "off" }, everything);
    expect(cache.layer({ mode: "compare", a: "actor:n0", b: "actor:n1" }, everything)).toBe(compared);
  });

  it("keeps a comparison's roles when the legend turns some off, and starts over for new filters", () => {
    const cache = createPerspectiveCache(graph);
    const all = cache.layer({ mode: "compare", a: "actor:n0", b: "actor:n1" }, everything);
    const some = cache.layer(
      { mode: "compare", a: "actor:n0", b: "actor:n1", roles: ["contested"] },
      everything,
    );
    expect(some).not.toBe(all);
    expect(some?.roles).toBe(all?.roles);
    const filtered = cache.layer({ mode: "compare", a: "actor:n0", b: "actor:n1" }, stancesOnly);
    expect(filtered).not.toBe(all);
    expect(filtered?.roles).not.toBe(all?.roles);
    for (const claim of filtered?.claims ?? []) expect(stancesOnly.claims.has(claim)).toBe(true);
  });
});
