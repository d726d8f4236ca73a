// visibleSubgraph: the part of a graph a view shows, as a new graph that every writer accepts.
import { describe, expect, it } from "vitest";
import { exportGraph, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { InvalidArgumentError } from "../src/graph/errors.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { visibleSubgraph } from "../src/graph/visible-subgraph.ts";
import { DEFAULT_FILTERS } from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { awkwardGraph } from "./awkward-graph.ts";
import { loadGraphData } from "./support/graph-data.ts";

describe("visibleSubgraph", () => {
  it("keeps exactly the visible nodes and claims, with their attributes, and leaves the graph alone", () => {
    const graph = loadGraphData();
    const before = JSON.stringify(graph.export());
    const visible = visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["opposes"] });
    const sub = visibleSubgraph(graph, visible);
    expect(new Set(sub.nodes())).toEqual(visible.nodes);
    expect(new Set(sub.edges())).toEqual(visible.claims);
    const [claim] = visible.claims;
    expect(sub.getEdgeAttributes(claim as string)).toEqual(graph.getEdgeAttributes(claim as string));
    expect(sub.extremities(claim as string)).toEqual(graph.extremities(claim as string));
    expect(JSON.stringify(graph.export())).toBe(before);
    // A copy: writing to the subgraph does not reach the original.
    sub.getNodeAttributes(sub.nodes()[0] as string).aliases.push("changed");
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it("gives project JSON that imports again as the same subgraph (a relation filter on graph-data)", () => {
    const graph = loadGraphData();
    const sub = visibleSubgraph(graph, visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["opposes"] }));
    const files = exportGraph(sub, "project-json");
    expect(files).toHaveLength(1);
    const back = importGraph(
      { name: "sub.json", text: (files[0] as { text: string }).text },
      { xml: nodeXmlParser },
    );
    expect(new Set(back.graph.nodes())).toEqual(new Set(sub.nodes()));
    expect(new Set(back.graph.edges())).toEqual(new Set(sub.edges()));
    const cited = new Set(sub.mapEdges((_c, a) => a.findings).flat());
    const listed = sub.getAttribute("sources").flatMap((s) => s.findings.map((f) => `${s.id}#${f.id}`));
    expect(new Set(listed)).toEqual(cited);
  });

  it("drops a claim whose end is not visible, so the result is a valid graph", () => {
    const graph = loadGraphData();
    const [claim] = graph.edges();
    const [source] = graph.extremities(claim as string);
    const nodes = new Set(graph.nodes().filter((node) => node !== source));
    const sub = visibleSubgraph(graph, { nodes, claims: new Set(graph.edges()) });
    expect(sub.hasNode(source)).toBe(false);
    expect(sub.hasEdge(claim as string)).toBe(false);
    expect(sub.size).toBe(graph.edges().filter((e) => !graph.extremities(e).includes(source)).length);
  });

  it("keeps only the sources its items come from, and round-trips through GEXF", () => {
    const graph: LinkageGraph = awkwardGraph();
    const sourceIds = graph.getAttribute("sources").map((source) => source.id);
    const first = sourceIds[0] as string;
    const visible = visibleItems(graph, { ...DEFAULT_FILTERS, source: first });
    const sub = visibleSubgraph(graph, visible);
    const kept = sub.getAttribute("sources").map((source) => source.id);
    expect(kept).toContain(first);
    for (const node of sub.nodes()) {
      for (const source of sub.getNodeAttribute(node, "sources")) expect(kept).toContain(source);
    }
    const [file] = exportGraph(sub, "gexf");
    const back = importGraph(
      { name: "sub.gexf", text: (file as { text: string }).text },
      { xml: nodeXmlParser },
    );
    expect(back.graph.order).toBe(sub.order);
    expect(back.graph.size).toBe(sub.size);
  });

  it("rejects arguments that are not a graph and two sets", () => {
    const graph = loadGraphData();
    expect(() => visibleSubgraph({} as LinkageGraph, { nodes: new Set(), claims: new Set() })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      visibleSubgraph(graph, { nodes: [] as unknown as Set<string>, claims: new Set<string>() }),
    ).toThrow(InvalidArgumentError);
  });
});
