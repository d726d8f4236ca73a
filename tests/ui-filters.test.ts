import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, type Filters } from "../src/ui/state/explorer-state.ts";
import { countVisible, isDefaultFilters, visibleItems, voiceShown } from "../src/ui/state/filters.ts";
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

  it("filters by attribution: the document's own voice, inferred holders, or what is stated", () => {
    const stated = filtered({ attributions: ["stated"] });
    expect(stated.claims.size).toBeGreaterThan(0);
    for (const claim of stated.claims) expect(graph.getEdgeAttribute(claim, "attribution")).toBe("stated");
    expect(stated.claims.has("f10-nmd-aimed-at-china-disputed")).toBe(false);
    expect(stated.claims.has("f8-china-wants-space-talks")).toBe(false);
    const document = filtered({ attributions: ["document"] });
    expect(document.claims.has("f10-nmd-aimed-at-china-disputed")).toBe(true);
    for (const claim of document.claims) expect(graph.getEdgeAttribute(claim, "heldBy")).toEqual([]);
    const inferred = filtered({ attributions: ["inferred"] });
    expect(stated.claims.size + document.claims.size + inferred.claims.size).toBe(graph.size);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, attributions: ["stated"] })).toBe(false);
  });

  it("filters by modality: hedged claims and the document's open questions", () => {
    const questions = filtered({ modalities: ["question"] });
    expect([...questions.claims].sort()).toEqual(
      graph.filterEdges((_c, a) => a.modality === "question").sort(),
    );
    expect(questions.claims.has("f12-csbms-resolve-nmd-concerns")).toBe(true);
    const asserted = filtered({ modalities: ["asserted"] });
    expect(asserted.claims.has("f6-china-willingness-unclear")).toBe(false);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, modalities: ["asserted"] })).toBe(false);
  });

  it("shows a claim whose file did not say its attribution only while nothing is narrowed", () => {
    const all = ["stated", "inferred", "document"] as const;
    expect(voiceShown(all, all, undefined)).toBe(true);
    expect(voiceShown(all, ["stated"], undefined)).toBe(false);
    expect(voiceShown(all, ["stated"], "stated")).toBe(true);
    expect(voiceShown(all, ["stated", "document"], "inferred")).toBe(false);
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
    const { byAttribution, byModality } = counts;
    expect(byAttribution.stated + byAttribution.inferred + byAttribution.document).toBe(counts.claims);
    expect(byModality.asserted + byModality.hedged + byModality.question).toBe(counts.claims);
    expect(countVisible(graph, filtered({ attributions: ["document"] })).byAttribution).toMatchObject({
      stated: 0,
      inferred: 0,
    });
  });
});
