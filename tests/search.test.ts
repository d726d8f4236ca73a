import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { createSearchIndex, normalizeForSearch, searchNodes } from "../src/graph/search.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";
import { moveActive } from "../src/ui/state/listbox.ts";
import { loadGraphData } from "./support/graph-data.ts";

function graphOf(nodes: [string, string, string[]][]): LinkageGraph {
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  for (const [id, label, aliases] of nodes) {
    graph.addNode(id, { kind: "actor", label, aliases, description: "", sources: [] });
  }
  return graph;
}

describe("normalizeForSearch", () => {
  it("drops case, diacritics and punctuation", () => {
    expect(normalizeForSearch("Côte d’Ivoire")).toBe("cote d ivoire");
    expect(normalizeForSearch("  UNSCR-1172 ")).toBe("unscr 1172");
    expect(normalizeForSearch("ÅLAND")).toBe("aland");
  });
});

describe("searchNodes", () => {
  const index = createSearchIndex(
    graphOf([
      ["actor:cote-divoire", "Côte d’Ivoire", ["Ivory Coast"]],
      ["actor:china", "China", ["PRC", "Beijing"]],
      ["actor:chile", "Chile", []],
      ["actor:machina", "Deus ex machina", []],
    ]),
  );

  it("ignores case and diacritics", () => {
    expect(searchNodes(index, "cote").map((hit) => hit.id)).toEqual(["actor:cote-divoire"]);
    expect(searchNodes(index, "CÔTE D'IVOIRE").map((hit) => hit.id)).toEqual(["actor:cote-divoire"]);
  });

  it("matches aliases and says which alias matched", () => {
    expect(searchNodes(index, "prc")).toEqual([
      { id: "actor:china", label: "China", kind: "actor", alias: "PRC" },
    ]);
    expect(searchNodes(index, "ivory")[0]?.alias).toBe("Ivory Coast");
  });

  it("ranks exact, then prefix, then substring matches", () => {
    expect(searchNodes(index, "china").map((hit) => hit.id)).toEqual(["actor:china", "actor:machina"]);
    expect(searchNodes(index, "chi").map((hit) => hit.id)).toEqual([
      "actor:chile",
      "actor:china",
      "actor:machina",
    ]);
  });

  it("finds words in any order", () => {
    expect(searchNodes(index, "coast ivory").map((hit) => hit.id)).toEqual(["actor:cote-divoire"]);
  });

  it("returns nothing for an empty query or no match", () => {
    expect(searchNodes(index, "   ")).toEqual([]);
    expect(searchNodes(index, "zzz")).toEqual([]);
  });

  it("honours the limit", () => {
    expect(searchNodes(index, "c", 2)).toHaveLength(2);
  });

  it("finds the conference's nodes by label and alias", () => {
    const real = createSearchIndex(loadGraphData());
    expect(searchNodes(real, "beijing")[0]?.id).toBe("actor:china");
    expect(searchNodes(real, "nmd")[0]?.id).toBe("issue:nmd");
    expect(searchNodes(real, "abm")[0]?.id).toBe("treaty:abm");
  });
});

describe("moveActive (the search list's keyboard cursor)", () => {
  it("starts at the first or last option and wraps around", () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
