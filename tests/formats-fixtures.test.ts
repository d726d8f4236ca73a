// Real files written by other tools load with their known counts and a few known attribute values.
// The fixtures are tests/fixtures/external (see its README): the Gephi dataset page's GEXF files (1.1draft
// to 1.3) and files that networkx 3.6.1 wrote (GEXF 1.2draft, GraphML).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ImportMapping, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";

const fixtures = new URL("./fixtures/external/", import.meta.url);

function load(path: string, mapping?: ImportMapping) {
  const text = readFileSync(new URL(path, fixtures), "utf8");
  const name = path.split("/").pop() as string;
  return importGraph({ name, text }, { xml: nodeXmlParser, ...(mapping ? { mapping } : {}) });
}

describe.each([
  ["gephi-datasets/celegans.gexf", "gexf", 306, 2345],
  ["gephi-datasets/yeast.gexf", "gexf", 2361, 7182],
  ["gephi-datasets/WebAtlas_EuroSiS.gexf", "gexf", 1285, 7524],
  ["gephi-datasets/data.gexf", "gexf", 4, 5],
  ["gephi-datasets/hello-world.gexf", "gexf", 2, 1],
  ["gephi-datasets/viz.gexf", "gexf", 1, 0],
  ["networkx/karate-club.gexf", "gexf", 34, 78],
  ["networkx/les-miserables.graphml", "graphml", 77, 254],
  ["networkx/typed-digraph.graphml", "graphml", 2, 2],
])("%s", (path, format, nodes, edges) => {
  it(`loads as ${format} with ${nodes} nodes and ${edges} edges, as an imported graph`, () => {
    const { graph, format: read } = load(path);
    expect(read).toBe(format);
    expect(graph.order).toBe(nodes);
    expect(graph.size).toBe(edges);
    const [source] = graph.getAttribute("sources");
    expect(source?.provenance).toBe("imported");
    expect(source?.findings).toEqual([]);
    // Nothing is invented: no holders, no findings, links-to by default.
    graph.forEachEdge((_id, a) => {
      expect(a.heldBy).toEqual([]);
      expect(a.findings).toEqual([]);
      expect(a.relation).toBe("links-to");
    });
  });
});

describe("known attribute values", () => {
  it("WebAtlas (GEXF 1.1draft): typed attributes by title, label, undirected", () => {
    const { graph, files } = load("gephi-datasets/WebAtlas_EuroSiS.gexf");
    expect(graph.getNodeAttributes("10")).toMatchObject({
      label: "Astronomical Institute",
      kind: "issue",
      attributes: {
        label: "Astronomical Institute",
        country: "Czech Republic",
        actor_type: "Research centers",
      },
    });
    expect(files[0]?.source).toMatchObject({
      attributes: { defaultedgetype: "undirected", "gexf:version": "1.1" },
    });
    expect(graph.hasEdge("4088")).toBe(true);
    expect([graph.source("4088"), graph.target("4088")]).toEqual(["1003", "1703"]);
  });

  it("yeast keeps its self-loops", () => {
    const { graph } = load("gephi-datasets/yeast.gexf");
    expect([graph.source("13188"), graph.target("13188")]).toEqual(["4941", "4941"]);
  });

  it("data.gexf (primer): declared defaults fill missing values, types are kept", () => {
    const { graph } = load("gephi-datasets/data.gexf");
    expect(graph.getNodeAttribute("0", "attributes")).toEqual({
      url: "http://gephi.org",
      indegree: 1,
      frog: true,
    });
    expect(graph.getNodeAttribute("3", "attributes")).toEqual({
      url: "http://barabasilab.com",
      indegree: 1,
      frog: false,
    });
  });

  it("viz.gexf: position, size and colour (with its alpha) become the node's own", () => {
    const { graph } = load("gephi-datasets/viz.gexf");
    const node = graph.getNodeAttributes("a");
    expect(node).toMatchObject({
      label: "glossy",
      x: 15.783598,
      y: 40.109245,
      size: 2.0375757,
      // r 239, g 173, b 66 and a 0.6 (153 of 255).
      color: "#efad4299",
    });
    // z="0.0" is no depth, and nothing else was kept beside the look.
    expect(node.attributes).toBeUndefined();
  });

  it("karate club (networkx GEXF 1.2draft): club per member, edge weights, graph name", () => {
    const { graph, files } = load("networkx/karate-club.gexf");
    expect(graph.getNodeAttributes("0")).toMatchObject({ label: "Member 0", attributes: { club: "Mr. Hi" } });
    expect(graph.getNodeAttribute("33", "attributes")).toEqual({ club: "Officer" });
    expect(graph.getEdgeAttribute("0", "weight")).toBe(4);
    expect(graph.getEdgeAttribute("0", "attributes")).toBeUndefined();
    expect(files[0]?.source).toMatchObject({ title: "Zachary's Karate Club", publisher: "NetworkX 3.6.1" });
  });

  it("les misérables (networkx GraphML): weights as the claims' own, ids as labels", () => {
    const { graph } = load("networkx/les-miserables.graphml");
    const valjeanJavert = graph.edges("Valjean", "Javert");
    expect(valjeanJavert).toHaveLength(1);
    expect(graph.getEdgeAttribute(valjeanJavert[0] as string, "weight")).toBe(17);
    expect(graph.getEdgeAttribute(valjeanJavert[0] as string, "attributes")).toBeUndefined();
    expect(graph.getNodeAttribute("Napoleon", "label")).toBe("Napoleon");
  });

  it("typed digraph (networkx GraphML): one name with two types, markup in a label, a kind mapping", () => {
    const { graph, warnings } = load("networkx/typed-digraph.graphml", {
      kindAttribute: "kind",
      defaultKind: "treaty",
      relationAttribute: "relation",
    });
    expect(warnings).toEqual([]);
    expect(graph.getNodeAttributes("a")).toMatchObject({
      kind: "actor",
      label: "Alpha",
      attributes: { weight: 1.5 },
    });
    expect(graph.getNodeAttributes("b")).toMatchObject({
      kind: "issue",
      label: 'Beta <b>&amp;</b> "quoted"',
      attributes: { weight: 2, kind: "issue" },
    });
    const relations = graph.mapEdges((_id, a, source) => [source, a.relation, a.attributes?.year]);
    expect(relations).toEqual([
      ["a", "supports", 2000],
      ["b", "opposes", 2001],
    ]);
  });

  it("a kind mapping that finds no kind uses the default kind and says so", () => {
    const { graph, warnings } = load("gephi-datasets/WebAtlas_EuroSiS.gexf", {
      kindAttribute: "actor_type",
      defaultKind: "actor",
    });
    expect(graph.getNodeAttribute("10", "kind")).toBe("actor");
    expect(warnings).toContain(
      '1285 node(s) had no actor, issue or treaty in attribute "actor_type"; they are actors',
    );
  });
});
