// The display graph (src/ui/state/display.ts): sigma draws a graph of its own, so the domain graph
// that exports and queries read is never written for display.
import { describe, expect, it } from "vitest";
import { createDisplayGraph, displayPositions, nodeSize, placeNodes } from "../src/ui/state/display.ts";
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
    });
    expect(Object.keys(display.getNodeAttributes("actor:us")).sort()).toEqual([
      "kind",
      "label",
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
});
