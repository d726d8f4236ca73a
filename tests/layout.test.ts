import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../src/graph/errors.ts";
import { computeLayout } from "../src/graph/layout.ts";
import { loadGraphData } from "./support/graph-data.ts";

describe("computeLayout", () => {
  it("gives the same positions for the same graph and seed", () => {
    const first = computeLayout(loadGraphData(), { seed: 7 });
    const second = computeLayout(loadGraphData(), { seed: 7 });
    expect(second).toEqual(first);
  });

  it("places every node at a finite position", () => {
    const graph = loadGraphData();
    const positions = computeLayout(graph);
    expect(Object.keys(positions).sort()).toEqual(graph.nodes().sort());
    for (const { x, y } of Object.values(positions)) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
  });

  it("changes with the seed", () => {
    const graph = loadGraphData();
    expect(computeLayout(graph, { seed: 1 })).not.toEqual(computeLayout(graph, { seed: 2 }));
  });

  it("leaves the graph it lays out untouched", () => {
    const graph = loadGraphData();
    computeLayout(graph);
    expect(graph.someNode((_node, attributes) => attributes.x !== undefined)).toBe(false);
  });

  it("keeps no two nodes on top of each other", () => {
    const positions = Object.values(computeLayout(loadGraphData()));
    const keys = new Set(positions.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`));
    expect(keys.size).toBe(positions.length);
  });

  it.each([
    ["a fractional seed", { seed: 1.5 }],
    ["zero iterations", { iterations: 0 }],
    ["negative iterations", { iterations: -3 }],
  ])("rejects %s", (_name, options) => {
    expect(() => computeLayout(loadGraphData(), options)).toThrow(InvalidArgumentError);
  });
});
