// The explorer's layout plan (src/ui/workers/layout-plan.ts), which the layout worker runs for graphs
// without positions and for Rerun layout: settings by the graph's size, after Gephi's defaults, and
// noverlap at the size nodes are drawn.
import { describe, expect, it } from "vitest";
import { createDisplayGraph } from "../src/ui/state/display.ts";
import { layoutInput } from "../src/ui/workers/layout-client.ts";
import {
  BARNES_HUT_FROM,
  layoutPlan,
  positionsOf,
  separate,
  step,
  workGraph,
} from "../src/ui/workers/layout-plan.ts";
import { loadGraphData } from "./support/graph-data.ts";

describe("layoutPlan", () => {
  it("follows Gephi's defaults: scaling 10 under 100 nodes and 2 from there, gravity 1, no linLog", () => {
    expect(layoutPlan(54).settings).toMatchObject({ scalingRatio: 10, gravity: 1, linLogMode: false });
    expect(layoutPlan(200).settings).toMatchObject({ scalingRatio: 2, gravity: 1, strongGravityMode: false });
    // Past a few hundred nodes, strong gravity keeps small components by the main one.
    expect(layoutPlan(1000).settings).toMatchObject({ scalingRatio: 2, strongGravityMode: true });
  });

  it("approximates repulsion (Barnes-Hut) past a few hundred nodes only, and runs fewer steps on big graphs", () => {
    expect(layoutPlan(BARNES_HUT_FROM).settings.barnesHutOptimize).toBe(false);
    expect(layoutPlan(306).settings.barnesHutOptimize).toBe(true);
    expect(layoutPlan(10_000).iterations).toBeLessThan(layoutPlan(54).iterations);
  });
});

describe("a layout run", () => {
  const graph = loadGraphData();
  const { display } = createDisplayGraph(graph, {});
  const run = () => {
    const work = workGraph(layoutInput(display, false));
    const plan = layoutPlan(work.order);
    for (let done = 0; done < plan.iterations; done += 100) step(work, plan, 100);
    separate(work);
    return positionsOf(work);
  };

  it("gives the same positions every time", () => {
    expect(run()).toEqual(run());
  });

  it("leaves no two nodes overlapping at the size they are drawn, seen 500 px wide", () => {
    const positions = Object.entries(run());
    const xs = positions.map(([, p]) => p.x);
    const ys = positions.map(([, p]) => p.y);
    const unit = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 500;
    for (const [i, [a, pa]] of positions.entries()) {
      for (const [b, pb] of positions.slice(i + 1)) {
        const apart = Math.hypot(pa.x - pb.x, pa.y - pb.y) / unit;
        expect(apart, `${a} and ${b}`).toBeGreaterThan(
          display.getNodeAttribute(a, "size") + display.getNodeAttribute(b, "size"),
        );
      }
    }
  });

  it("starts a rerun from where the nodes are", () => {
    display.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: 5, y: 7 }));
    const work = workGraph(layoutInput(display, true));
    expect(work.getNodeAttributes("actor:us")).toMatchObject({ x: 5, y: 7 });
  });
});
