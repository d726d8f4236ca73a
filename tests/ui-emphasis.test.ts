import { describe, expect, it } from "vitest";
import { claimFlags, currentEmphasis, nodeFlags } from "../src/ui/state/emphasis.ts";
import { DEFAULT_FILTERS } from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const everything = visibleItems(graph, DEFAULT_FILTERS);

describe("emphasis", () => {
  it("keeps a hovered node, its neighbours and its claims bright, and dims the rest", () => {
    const emphasis = currentEmphasis(graph, { hovered: "actor:china", selection: null }, everything);
    if (!emphasis) throw new Error("expected emphasis");
    expect(emphasis.nodes).toEqual(new Set(["actor:china", ...graph.neighbors("actor:china")]));
    expect(emphasis.claims.size).toBe(graph.degree("actor:china"));
    const stranger = graph.findNode((node) => !emphasis.nodes.has(node)) as string;
    expect(nodeFlags(stranger, everything, emphasis, null)).toMatchObject({ isDimmed: true, isFocus: false });
    expect(nodeFlags("actor:china", everything, emphasis, null)).toMatchObject({
      isDimmed: false,
      isFocus: true,
    });
  });

  it("lets hover win over selection, and falls back to the selection", () => {
    const selection = { type: "node" as const, id: "actor:us" };
    const hovered = currentEmphasis(graph, { hovered: "actor:china", selection }, everything);
    expect(hovered?.nodes.has("actor:china")).toBe(true);
    const selected = currentEmphasis(graph, { hovered: null, selection }, everything);
    expect(selected?.nodes.has("actor:us")).toBe(true);
    expect(currentEmphasis(graph, { hovered: null, selection: null }, everything)).toBeNull();
  });

  it("brightens a selected claim with its two ends only", () => {
    const claim = graph.edges()[0] as string;
    const emphasis = currentEmphasis(
      graph,
      { hovered: null, selection: { type: "claim", id: claim } },
      everything,
    );
    expect(emphasis?.nodes).toEqual(new Set(graph.extremities(claim)));
    expect(claimFlags(claim, everything, emphasis, { type: "claim", id: claim })).toEqual({
      isHidden: false,
      isDimmed: false,
      isSelected: true,
      isFocus: true,
    });
  });

  it("hides what the filters hide, whatever the emphasis", () => {
    const links = visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["links-to"] });
    const stance = graph.findEdge((_c, a) => a.relation === "supports") as string;
    expect(claimFlags(stance, links, null, null).isHidden).toBe(true);
  });
});
