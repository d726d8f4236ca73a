import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, type Filters } from "../src/ui/state/explorer-state.ts";
import { countVisible, isDefaultFilters, visibleItems } from "../src/ui/state/filters.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const filtered = (filters: Partial<Filters>) => visibleItems(graph, { ...DEFAULT_FILTERS, ...filters });

describe("visibleItems", () => {
  it("shows everything by default", () => {
    const visibility = filtered({});
    expect(visibility.nodes.size).toBe(graph.order);
    expect(visibility.claims.size).toBe(graph.size);
    expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
  });

  it("keeps only claims of the shown relations, and only nodes those claims touch", () => {
    const visibility = filtered({ relations: ["opposes"] });
    expect(visibility.claims.size).toBeGreaterThan(0);
    for (const claim of visibility.claims) expect(graph.getEdgeAttribute(claim, "relation")).toBe("opposes");
    for (const node of visibility.nodes) {
      expect(graph.someEdge(node, (claim) => visibility.claims.has(claim))).toBe(true);
    }
    expect(visibility.nodes.size).toBeLessThan(graph.order);
  });

  it("never leaves a visible claim with a hidden end", () => {
    for (const filters of [
      { kinds: ["actor", "treaty"] as const },
      { holder: "both" as const },
      { kinds: [] },
    ]) {
      const visibility = filtered(filters);
      for (const claim of visibility.claims) {
        for (const end of graph.extremities(claim)) expect(visibility.nodes.has(end)).toBe(true);
      }
    }
  });

  it("hides nodes of a hidden kind but keeps the shown kinds when no claim filter is on", () => {
    const visibility = filtered({ kinds: ["actor"] });
    expect([...visibility.nodes].every((node) => node.startsWith("actor:"))).toBe(true);
    expect(visibility.nodes.size).toBe(graph.filterNodes((_n, a) => a.kind === "actor").length);
  });

  it("filters by holder: both sides, or one actor alone or jointly", () => {
    const both = filtered({ holder: "both" });
    for (const claim of both.claims) {
      expect(graph.getEdgeAttribute(claim, "heldBy")).toEqual(
        expect.arrayContaining(["actor:us", "actor:china"]),
      );
    }
    const china = filtered({ holder: "actor:china" });
    for (const claim of china.claims)
      expect(graph.getEdgeAttribute(claim, "heldBy")).toContain("actor:china");
    expect(china.claims.size).toBeGreaterThan(both.claims.size);
  });

  it("filters by finding and by source", () => {
    const f8 = filtered({ finding: "cns-us-china-2000#F8" });
    expect(f8.claims.size).toBeGreaterThan(0);
    for (const claim of f8.claims)
      expect(graph.getEdgeAttribute(claim, "findings")).toContain("cns-us-china-2000#F8");
    expect(filtered({ source: "cns-us-china-2000" }).claims.size).toBe(graph.size);
    expect(filtered({ source: "no-such-source" }).nodes.size).toBe(0);
  });

  it("comes out empty when the filters exclude everything", () => {
    const visibility = filtered({ relations: [] });
    expect(visibility.claims.size).toBe(0);
    expect(visibility.nodes.size).toBe(0);
  });
});

describe("countVisible", () => {
  it("counts what is visible by kind and relation", () => {
    const counts = countVisible(graph, filtered({ relations: ["supports", "opposes"] }));
    expect(counts.byRelation["links-to"]).toBe(0);
    expect(counts.byRelation.supports + counts.byRelation.opposes).toBe(counts.claims);
    expect(counts.byKind.actor + counts.byKind.issue + counts.byKind.treaty).toBe(counts.nodes);
  });
});
