// Round trips: for each lossless format, export then import gives the identical graph (every node,
// claim and attribute, in order), on graph-data, on the awkward graph, with and without a layout,
// and on a graph imported from another tool. Compared as graphology's own export, so nothing hides;
// the awkward graph holds every model field (formats-model-fields.test.ts checks it does), and model
// 2's cases are also checked one by one so a dropped field is named.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readGraph } from "../src/cli/io.ts";
import { exportGraph, FORMATS, type FormatId, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { buildGraph } from "../src/graph/build.ts";
import { checkIntegrity } from "../src/graph/integrity.ts";
import { type AnyLoadedSource, loadAnySourceText } from "../src/graph/load.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { awkwardGraph, LONG_LABEL, TYPESET, WEIRD_ID } from "./awkward-graph.ts";

const fixtures = new URL("./fixtures/external/", import.meta.url);

function graphData(): LinkageGraph {
  const loaded = readGraph();
  if (!loaded.ok) throw new Error("graph-data must load");
  return loaded.graph;
}

/** The same graph with a layout on every node, as the explorer would have it. */
function withLayout(graph: LinkageGraph): LinkageGraph {
  const copy = graph.copy() as LinkageGraph;
  let i = 0;
  copy.updateEachNodeAttributes((_id, a) => ({ ...a, x: i * 1.25 - 7, y: 3 - i++ * 0.5, size: 2 + (i % 4) }));
  return copy;
}

function karate(): LinkageGraph {
  const text = readFileSync(new URL("networkx/karate-club.gexf", fixtures), "utf8");
  return importGraph({ name: "karate-club.gexf", text }, { xml: nodeXmlParser }).graph;
}

const graphs: [string, () => LinkageGraph][] = [
  ["graph-data", graphData],
  ["graph-data with a layout", () => withLayout(graphData())],
  ["the awkward graph", awkwardGraph],
  ["the awkward graph with a layout", () => withLayout(awkwardGraph())],
  ["a graph imported from networkx (karate club)", karate],
];

const singleFileLossless = ["graphology-json", "gexf", "graphml"] as const satisfies readonly FormatId[];

describe.each(singleFileLossless)("%s round trip", (format) => {
  it("is listed as lossless in the format table", () => {
    expect(FORMATS[format].lossless).toBe(true);
  });
  it.each(graphs)("gives back %s exactly", (_name, make) => {
    const graph = make();
    const before = graph.export();
    const [file] = exportGraph(graph, format);
    expect(graph.export()).toEqual(before); // writing never changes the graph
    const back = importGraph(
      { name: `round-trip${FORMATS[format].extensions[0]}`, text: file?.text ?? "" },
      { xml: nodeXmlParser },
    );
    expect(back.format).toBe(format);
    expect(back.graph.export()).toEqual(before);
    expect(back.warnings).toEqual([]);
  });
});

describe.each(singleFileLossless)("%s keeps model 2's fields", (format) => {
  const roundTrip = () => {
    const [file] = exportGraph(awkwardGraph(), format);
    const name = `round-trip${FORMATS[format].extensions[0]}`;
    return importGraph({ name, text: file?.text ?? "" }, { xml: nodeXmlParser }).graph;
  };

  it("a document claim: no holders, disputed by two actors, its typeset evidence", () => {
    expect(roundTrip().getEdgeAttributes("a-aimed-at")).toMatchObject({
      heldBy: [],
      attribution: "document",
      modality: "asserted",
      disputedBy: ["actor:us", "actor:china"],
      evidence: "participants differed — sharply — on “aims”",
    });
  });

  it("inferred, hedged and question claims, and an imported edge that said none of it", () => {
    const graph = roundTrip();
    expect(graph.getEdgeAttributes("a-supports")).toMatchObject({
      attribution: "inferred",
      modality: "hedged",
    });
    expect(graph.getEdgeAttributes("a-links")).toMatchObject({
      attribution: "document",
      modality: "question",
    });
    expect(graph.getEdgeAttributes("a-opposes").evidence).toBe(TYPESET);
    const silent = graph.getEdgeAttributes("e0");
    for (const field of ["attribution", "modality", "disputedBy", "evidence"])
      expect(silent).not.toHaveProperty(field);
  });

  it("propositions and the findings' openings", () => {
    const graph = roundTrip();
    expect(graph.getNodeAttributes("issue:defence-targets-china").proposition).toBe(true);
    expect(graph.getNodeAttributes(WEIRD_ID).proposition).toBe(true);
    expect(graph.getNodeAttributes("actor:us")).not.toHaveProperty("proposition");
    const [a, b] = graph.getAttribute("sources");
    expect(a?.findings.map((f) => f.opening)).toEqual([
      `${TYPESET} | ; "straight"`,
      "Both sides – “broadly” – agreed",
    ]);
    expect(b?.findings[0]?.opening).toBe("B’s only – finding");
  });
});

describe("project JSON round trip", () => {
  it("writes graph-data's file as it is: the same source, nodes and claims", () => {
    const files = exportGraph(graphData(), "project-json");
    expect(files.map((f) => f.name)).toEqual(["cns-us-china-2000.json"]);
    const onDisk = JSON.parse(
      readFileSync(new URL("../graph-data/cns-us-china-2000.json", import.meta.url), "utf8"),
    );
    expect(JSON.parse(files[0]?.text ?? "")).toEqual(onDisk);
  });

  it("gives back graph-data exactly through the importer", () => {
    const graph = graphData();
    const [file] = exportGraph(graph, "project-json");
    const back = importGraph({ name: file?.name ?? "", text: file?.text ?? "" }, { xml: nodeXmlParser });
    expect(back.format).toBe("project-json");
    expect(back.graph.export()).toEqual(graph.export());
  });

  it("writes one file per source, which load together into the same graph", () => {
    const graph = awkwardGraph();
    const files = exportGraph(graph, "project-json");
    expect(files.map((f) => f.name)).toEqual(["awkward-a.json", "awkward-b.json", "awkward-import.json"]);
    const loaded: AnyLoadedSource[] = files.map((file) => {
      const result = loadAnySourceText(file.name, file.text);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.source;
    });
    expect(checkIntegrity(loaded)).toEqual([]);
    expect(buildGraph(loaded).export()).toEqual(graph.export());
    const aimed = buildGraph(loaded).getEdgeAttributes("a-aimed-at");
    expect(aimed).toMatchObject({
      heldBy: [],
      attribution: "document",
      disputedBy: ["actor:us", "actor:china"],
    });
    const imported = JSON.parse(files[2]?.text ?? "");
    expect(imported.source.provenance).toBe("imported");
    expect(imported.nodes[0]).toMatchObject({ id: WEIRD_ID, label: LONG_LABEL, x: -12.5 });
    // Claims of an imported graph get no invented holders or findings.
    expect(imported.claims[0]).not.toHaveProperty("heldBy");
    expect(imported.claims[0]).not.toHaveProperty("findings");
  });
});
