// The display graph (src/ui/state/display.ts): sigma draws a graph of its own, so the domain graph
// that exports and queries read is never written for display.

import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import {
  createDisplayGraph,
  type DisplayGraph,
  displayPositions,
  drawnVocabulary,
  LENS_BITS,
  lensBits,
  nodeSize,
  placeNodes,
  showHolderBits,
} from "../src/ui/state/display.ts";
import { INITIAL_STATE } from "../src/ui/state/explorer-state.ts";
import { visibilityCache } from "../src/ui/state/filters.ts";
import { perspectiveLayer } from "../src/ui/state/perspective-layer.ts";
import { loadGraphData } from "./support/graph-data.ts";

describe("the display graph", () => {
  it("leaves the domain graph exactly as loaded, even after the layout moves nodes", () => {
    const graph = loadGraphData();
    const before = graph.export();
    const { display } = createDisplayGraph(graph, { "actor:us": { x: 3, y: 4 } });
    placeNodes(display, { "actor:china": { x: -7, y: 1 } });
    expect(graph.export()).toEqual(before);
    expect(graph.getNodeAttributes("actor:us")).not.toHaveProperty("size");
    expect(display.getNodeAttributes("actor:us")).toMatchObject({ x: 3, y: 4 });
    expect(display.getNodeAttributes("actor:china")).toMatchObject({ x: -7, y: 1 });
  });

  it("has every node and claim under the same keys, with only what the styles bind to", () => {
    const graph = loadGraphData();
    const { display } = createDisplayGraph(graph, {});
    expect(display.nodes()).toEqual(graph.nodes());
    expect(display.edges()).toEqual(graph.edges());
    const claim = graph.findEdge((_id, a) => a.qualifier !== undefined && a.heldBy.length === 2) as string;
    const attributes = graph.getEdgeAttributes(claim);
    expect(display.extremities(claim)).toEqual(graph.extremities(claim));
    expect(display.getEdgeAttributes(claim)).toEqual({
      relation: attributes.relation,
      attribution: attributes.attribution,
      label: attributes.qualifier,
      heldByBothSides: attributes.heldBy.includes("actor:us") && attributes.heldBy.includes("actor:china"),
      holderBits:
        display.getNodeAttribute("actor:us", "lensBit")! |
        display.getNodeAttribute("actor:china", "lensBit")!,
    });
    expect(Object.keys(display.getNodeAttributes("actor:us")).sort()).toEqual([
      "holderBits",
      "kind",
      "label",
      "lensBit",
      "shortLabel",
      "size",
      "x",
      "y",
    ]);
    // The shortest alias, drawn where the label has no room; none when no alias is clearly shorter.
    expect(display.getNodeAttribute("actor:us", "shortLabel")).toBe("US");
    expect(display.getNodeAttribute("treaty:paros", "shortLabel")).toBe("PAROS");
    expect(display.getNodeAttributes("actor:china")).not.toHaveProperty("shortLabel");
    expect(display.getNodeAttribute("actor:us", "size")).toBe(nodeSize(graph.degree("actor:us")));
  });

  it("draws a big graph's nodes smaller, so a thousand nodes are not a blob", () => {
    expect(nodeSize(9, 54)).toBe(nodeSize(9));
    expect(nodeSize(9, 1000)).toBeLessThan(nodeSize(9) / 2);
    expect(nodeSize(400, 1000)).toBeLessThanOrEqual(9);
    expect(nodeSize(0, 100_000)).toBeGreaterThanOrEqual(1.5);
  });

  it("places nodes at the build's positions, else their own, and lists the rest for the layout worker", () => {
    const graph = loadGraphData();
    graph.mergeNodeAttributes("actor:china", { x: 10, y: 20 });
    const { display, unplaced } = createDisplayGraph(graph, { "actor:us": { x: 1, y: 2 } });
    expect(displayPositions(display)["actor:us"]).toEqual({ x: 1, y: 2 });
    expect(displayPositions(display)["actor:china"]).toEqual({ x: 10, y: 20 });
    expect(unplaced).not.toContain("actor:us");
    expect(unplaced).not.toContain("actor:china");
    expect(unplaced).toHaveLength(graph.order - 2);
    expect(display.getNodeAttributes(unplaced[0] as string)).toMatchObject({ x: 0, y: 0 });
  });

  it("reads the vocabulary a graph draws with, so sigma compiles only what it uses", () => {
    const all = drawnVocabulary(createDisplayGraph(loadGraphData(), {}).display);
    expect([...all.kinds].sort()).toEqual(["actor", "issue", "treaty"]);
    expect([...all.relations].sort()).toEqual(["links-to", "opposes", "supports"]);
    expect([...all.attributions].sort()).toEqual(["document", "inferred", "stated"]);
    expect(all.parallelClaims).toBe(true);

    // An imported file of issues and links: one kind, one relation, no attribution, no parallels.
    const display: DisplayGraph = new MultiDirectedGraph();
    for (const node of ["a", "b", "c"])
      display.addNode(node, { kind: "issue", label: node, x: 0, y: 0, size: 2, holderBits: 0 });
    const link = { relation: "links-to", label: "", heldByBothSides: false, holderBits: 0 } as const;
    display.addEdge("a", "b", link);
    display.addEdge("b", "c", link);
    display.addEdge("c", "c", link);
    const few = drawnVocabulary(display);
    expect([...few.kinds]).toEqual(["issue"]);
    expect([...few.relations]).toEqual(["links-to"]);
    expect(few.attributions.size).toBe(0);
    expect(few.parallelClaims).toBe(false);
    // Two claims between one pair are parallel whichever way each points.
    display.addEdge("b", "a", link);
    expect(drawnVocabulary(display).parallelClaims).toBe(true);
  });
});

describe("the lens bits", () => {
  it("give the holders of the most claims one bit each, and mark claims and the nodes they join", () => {
    const graph = loadGraphData();
    const bits = lensBits(graph);
    expect(bits.size).toBeLessThanOrEqual(LENS_BITS);
    expect(new Set(bits.values()).size).toBe(bits.size);
    for (const bit of bits.values()) expect(Math.log2(bit) % 1).toBe(0);
    const { display } = createDisplayGraph(graph, {});
    graph.forEachEdge((claim, { heldBy }, source, target) => {
      const held = display.getEdgeAttribute(claim, "holderBits");
      for (const holder of heldBy) {
        const bit = bits.get(holder) ?? 0;
        expect(held & bit).toBe(bit);
        expect(display.getNodeAttribute(source, "holderBits") & bit).toBe(bit);
        expect(display.getNodeAttribute(target, "holderBits") & bit).toBe(bit);
      }
      if (heldBy.length === 0) expect(held).toBe(0);
    });
  });

  it("light a node only through the claims shown, and write only the nodes that change", () => {
    const graph = loadGraphData();
    const { display } = createDisplayGraph(graph, {});
    const us = display.getNodeAttribute("actor:us", "lensBit")!;
    const shown = new Set(graph.filterEdges((_claim, { heldBy }) => !heldBy.includes("actor:us")));
    const changed = showHolderBits(display, shown);
    expect(changed).toBeGreaterThan(0);
    display.forEachNode((node, { holderBits }) => {
      const lit = graph.someEdge(
        node,
        (claim, { heldBy }) => shown.has(claim) && heldBy.includes("actor:us"),
      );
      expect(Boolean(holderBits & us)).toBe(lit);
    });
    expect(showHolderBits(display, shown)).toBe(0);
    showHolderBits(display, new Set(graph.edges()));
    expect(display.getNodeAttribute("actor:us", "holderBits") & us).toBe(us);
  });
});

describe("a lens drawn by its bits", () => {
  it("lights exactly the claims and nodes of the lens layer, under any filter", () => {
    const graph = loadGraphData();
    const { display } = createDisplayGraph(graph, {});
    const visibilityOf = visibilityCache(graph);
    const filters = [
      INITIAL_STATE.filters,
      { ...INITIAL_STATE.filters, relations: ["opposes", "links-to"] as const },
      { ...INITIAL_STATE.filters, kinds: ["actor", "treaty"] as const },
    ];
    let holders = 0;
    for (const filter of filters) {
      const visibility = visibilityOf(filter);
      showHolderBits(display, visibility.claims);
      display.forEachNode((holder, { lensBit }) => {
        if (!lensBit || graph.getNodeAttribute(holder, "kind") !== "actor") return;
        holders++;
        const layer = perspectiveLayer(graph, { mode: "lens", holder }, visibility);
        const lit = (bits: number) => (bits & lensBit) !== 0;
        const claims = [...visibility.claims].filter((claim) =>
          lit(display.getEdgeAttribute(claim, "holderBits")),
        );
        const nodes = [...visibility.nodes].filter((node) =>
          lit(display.getNodeAttribute(node, "holderBits")),
        );
        expect(new Set(claims)).toEqual(layer?.claims);
        expect(new Set(nodes)).toEqual(layer?.nodes);
      });
    }
    expect(holders).toBeGreaterThanOrEqual(2 * filters.length);
  });
});
