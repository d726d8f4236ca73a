// Issue 11: imported graphs keep the look their tool gave them, and our writers carry it on. A Gephi
// GEXF's viz:color, viz:size, viz:position and viz:shape, and its edges' weight, viz:color and
// viz:thickness; yEd's graphics markup and the plain style keys of networkx, Cytoscape and Gephi in
// GraphML; sigma's colours in graphology JSON. Fixtures: tests/fixtures/styled (written by hand in those
// tools' shapes, see its README), tests/fixtures/external (Gephi's viz.gexf) and a generated Gephi file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GEXF_SHAPES } from "../src/formats/colors.ts";
import { exportGraph, type FormatId, ImportError, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { buildGraph } from "../src/graph/build.ts";
import type { AnyLoadedSource } from "../src/graph/load.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { KIND_STYLES } from "../src/model/vocabulary.ts";
import { gephiGexf } from "./support/gephi-gexf.ts";
import { loadGraphData } from "./support/graph-data.ts";

const xml = { xml: nodeXmlParser };
const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url), "utf8");
const load = (path: string) =>
  importGraph({ name: path.split("/").pop() as string, text: fixture(path) }, xml);

/** Export, then import what was written (project JSON: every file, built together). */
function reopen(graph: LinkageGraph, format: FormatId): LinkageGraph {
  const files = exportGraph(graph, format);
  const read = files.map((file) => importGraph({ name: file.name, text: file.text }, xml, format));
  if (read.length === 1) return (read[0] as { graph: LinkageGraph }).graph;
  const loaded: AnyLoadedSource[] = read.map((outcome, i) => ({
    file: files[i]?.name ?? "",
    data: outcome.files[0] as AnyLoadedSource["data"],
  }));
  return buildGraph(loaded);
}

const LOOK_NODE = ["x", "y", "size", "color", "shape"] as const;
const LOOK_CLAIM = ["weight", "color", "thickness"] as const;
const lookOf = (graph: LinkageGraph) => ({
  nodes: graph.mapNodes((id, a) => [id, ...LOOK_NODE.map((field) => a[field])]),
  claims: graph.mapEdges((id, a) => [id, ...LOOK_CLAIM.map((field) => a[field])]),
});

const READABLE = [
  "project-json",
  "graphology-json",
  "gexf",
  "graphml",
] as const satisfies readonly FormatId[];

describe("a Gephi GEXF's viz values (styled/gephi-viz.gexf)", () => {
  const { graph, warnings } = load("styled/gephi-viz.gexf");

  it("become the nodes' own colour, size, position and shape", () => {
    expect(warnings).toEqual([]);
    expect(graph.getNodeAttributes("a")).toMatchObject({
      x: -40.5,
      y: 20.25,
      size: 12.5,
      color: "#ff6600",
      shape: "circle",
      attributes: { "Modularity Class": 0 },
    });
    // hex with a = 0.5: alpha 128 of 255. The depth is not ours to draw; it stays as written.
    expect(graph.getNodeAttributes("b")).toMatchObject({
      color: "#3366cc80",
      shape: "square",
      size: 4,
      attributes: { "viz:z": 3.5 },
    });
    // a = 1.0 is opaque: no alpha digits.
    expect(graph.getNodeAttributes("c")).toMatchObject({ color: "#009933", shape: "triangle", size: 8 });
    // Short hex; no size in the file means none.
    expect(graph.getNodeAttributes("d")).toMatchObject({ color: "#cc00cc", shape: "diamond" });
    expect(graph.getNodeAttributes("d")).not.toHaveProperty("size");
    // A shape we cannot draw is no shape of ours, kept as the file wrote it.
    const image = graph.getNodeAttributes("e");
    expect(image).not.toHaveProperty("shape");
    expect(image).not.toHaveProperty("color");
    expect(image.attributes).toEqual({ "viz:shape": "image" });
  });

  it("gives the edges their weight, colour and thickness", () => {
    expect(graph.getEdgeAttributes("0")).toMatchObject({ weight: 2.5, color: "#0a141ecc", thickness: 4 });
    expect(graph.getEdgeAttributes("0")).not.toHaveProperty("attributes");
    expect(graph.getEdgeAttributes("1")).toMatchObject({ weight: 1, attributes: { "viz:shape": "dashed" } });
    expect(graph.getEdgeAttributes("2")).not.toHaveProperty("weight");
    expect(graph.getEdgeAttributes("3")).toMatchObject({ weight: 7, color: "#ff0000" });
  });

  it("is written back as viz values, the nodes' and edges' own over the kind's and relation's", () => {
    const [file] = exportGraph(graph, "gexf");
    const text = file?.text ?? "";
    const node = (id: string) => new RegExp(`<node id="${id}"[^\n]*`).exec(text)?.[0] ?? "";
    expect(node("a")).toContain('<color r="255" g="102" b="0"/>');
    expect(node("a")).toContain('<position x="-40.5" y="20.25" z="0"/>');
    expect(node("a")).toContain('<size value="12.5"/>');
    expect(node("a")).toContain('<shape value="disc"/>');
    expect(node("b")).toContain('<color r="51" g="102" b="204" a="0.502"/>');
    // No colour or shape of its own: its kind's.
    const { r, g, b } = hexChannels(KIND_STYLES.issue.color);
    expect(node("e")).toContain(`<color r="${r}" g="${g}" b="${b}"/>`);
    expect(node("e")).toContain(`<shape value="${GEXF_SHAPES[KIND_STYLES.issue.shape]}"/>`);
    const edge = (id: string) => new RegExp(`<edge id="${id}"[^\n]*`).exec(text)?.[0] ?? "";
    expect(edge("0")).toContain('weight="2.5"');
    expect(edge("0")).toContain('<color r="10" g="20" b="30" a="0.8"/>');
    expect(edge("0")).toContain('<thickness value="4"/>');
    expect(edge("2")).not.toContain("weight=");
    expect(edge("2")).not.toContain("<thickness");
  });

  it.each(READABLE)("comes back from %s with the same look", (format) => {
    expect(lookOf(reopen(graph, format))).toEqual(lookOf(graph));
  });
});

function hexChannels(hex: string) {
  return {
    r: Number.parseInt(hex.slice(1, 3), 16),
    g: Number.parseInt(hex.slice(3, 5), 16),
    b: Number.parseInt(hex.slice(5, 7), 16),
  };
}

describe("a 1,000-node Gephi file", () => {
  const text = gephiGexf({ nodes: 1000, edges: 3000, seed: 11, attvalues: true });
  const { graph } = importGraph({ name: "gephi-1000.gexf", text }, xml);

  it("keeps every node's colour, size and position, and every edge's weight", () => {
    expect(graph.order).toBe(1000);
    const colours = new Set<string>();
    graph.forEachNode((_id, a) => {
      expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
      colours.add(a.color as string);
      expect(a.size).toEqual(expect.any(Number));
      expect([a.x, a.y]).toEqual([expect.any(Number), expect.any(Number)]);
      expect(a.attributes).toEqual({ community: expect.any(String), pagerank: expect.any(Number) });
    });
    expect(colours.size).toBeGreaterThan(900);
    graph.forEachEdge((_id, a) => expect(a.weight).toEqual(expect.any(Number)));
  });

  it("has the colours the file gave, channel for channel", () => {
    const first = /<node id="n0"[\s\S]*?<viz:color r="(\d+)" g="(\d+)" b="(\d+)"/.exec(text);
    const [r, g, b] = (first?.slice(1) ?? []).map(Number);
    expect(hexChannels(graph.getNodeAttribute("n0", "color") as string)).toEqual({ r, g, b });
  });
});

describe("GraphML from yEd (styled/yed-shapes.graphml)", () => {
  const { graph } = load("styled/yed-shapes.graphml");

  it("reads each node's label, centre, size, fill and shape from yEd's graphics", () => {
    // y:Geometry is the top-left corner in yEd's y-down space: the centre, turned the right way up.
    expect(graph.getNodeAttributes("n0")).toMatchObject({
      label: "Alpha",
      x: 115,
      y: -65,
      size: 15,
      color: "#ffcc00",
      shape: "circle",
      attributes: { description: "The first node" },
    });
    expect(graph.getNodeAttributes("n1")).toMatchObject({
      label: "Beta",
      x: 330,
      y: -70,
      size: 30,
      color: "#99ccff",
      shape: "square",
    });
    // A transparent fill is no colour; a hexagon is no shape of ours.
    expect(graph.getNodeAttributes("n2")).toMatchObject({ label: "Gamma", shape: "diamond" });
    expect(graph.getNodeAttributes("n2")).not.toHaveProperty("color");
    expect(graph.getNodeAttributes("n3")).toMatchObject({ label: "Delta", color: "#cc99ff", x: -5, y: -15 });
    expect(graph.getNodeAttributes("n3")).not.toHaveProperty("shape");
    expect(graph.getNodeAttributes("n4")).toMatchObject({
      label: "Process",
      x: 140,
      y: -320,
      size: 40,
      color: "#e8eef7",
    });
  });

  it("reads each edge's line colour and width", () => {
    expect(graph.getEdgeAttributes("e0")).toMatchObject({
      color: "#3366ff",
      thickness: 2,
      attributes: { description: "Alpha to Beta" },
    });
    expect(graph.getEdgeAttributes("e1")).toMatchObject({ color: "#000000", thickness: 1 });
    expect(graph.getEdgeAttributes("e2")).toMatchObject({ color: "#ff0000", thickness: 3 });
  });

  it.each(READABLE)("comes back from %s with the same look", (format) => {
    expect(lookOf(reopen(graph, format))).toEqual(lookOf(graph));
  });
});

/** A GraphML with the plain keys networkx and Cytoscape write, and Gephi's r, g and b. */
const styleKeys = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="color" attr.type="string"/>
  <key id="d1" for="node" attr.name="size" attr.type="double"/>
  <key id="d2" for="node" attr.name="x" attr.type="double"/>
  <key id="d3" for="node" attr.name="y" attr.type="string"/>
  <key id="r" for="node" attr.name="r" attr.type="int"/>
  <key id="g" for="node" attr.name="g" attr.type="int"/>
  <key id="b" for="node" attr.name="b" attr.type="int"/>
  <key id="d4" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d5" for="edge" attr.name="color" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">#FF0000</data><data key="d1">10</data><data key="d2">1.5</data><data key="d3">-2</data></node>
    <node id="b"><data key="d0">rgb(0, 128, 255)</data></node>
    <node id="c"><data key="d0">dark red</data><data key="d3">north</data></node>
    <node id="d"><data key="r">255</data><data key="g">200</data><data key="b">0</data></node>
    <edge source="a" target="b"><data key="d4">0.25</data><data key="d5">#00ff0080</data></edge>
    <edge source="b" target="c"><data key="d4">3</data></edge>
  </graph>
</graphml>
`;

describe("GraphML style keys (networkx, Cytoscape, Gephi)", () => {
  const { graph } = importGraph({ name: "styled.graphml", text: styleKeys }, xml);

  it("reads color, size, x and y keys into the node's look, and r, g, b into one colour", () => {
    expect(graph.getNodeAttributes("a")).toMatchObject({ color: "#ff0000", size: 10, x: 1.5, y: -2 });
    expect(graph.getNodeAttributes("a")).not.toHaveProperty("attributes");
    expect(graph.getNodeAttributes("b").color).toBe("#0080ff");
    expect(graph.getNodeAttributes("d")).toMatchObject({ color: "#ffc800" });
    expect(graph.getNodeAttributes("d")).not.toHaveProperty("attributes");
  });

  it("keeps a value it cannot read as the file's own attribute, unchanged", () => {
    const c = graph.getNodeAttributes("c");
    expect(c).not.toHaveProperty("color");
    expect(c).not.toHaveProperty("y");
    expect(c.attributes).toEqual({ color: "dark red", y: "north" });
  });

  it("reads an edge's weight and color keys", () => {
    const [first, second] = graph.edges();
    expect(graph.getEdgeAttributes(first as string)).toMatchObject({ weight: 0.25, color: "#00ff0080" });
    expect(graph.getEdgeAttributes(second as string)).toMatchObject({ weight: 3 });
    expect(graph.getEdgeAttributes(first as string).attributes).toBeUndefined();
  });

  it("writes the look back as keys those tools read: color for nodes and edges alike, size, x, y, weight", () => {
    const [file] = exportGraph(graph, "graphml");
    const text = file?.text ?? "";
    expect(text).toContain('<key id="color" for="all" attr.name="color" attr.type="string"/>');
    expect(text).toContain('<key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
    for (const axis of ["x", "y", "size"]) {
      expect(text).toContain(`<key id="${axis}" for="node" attr.name="${axis}" attr.type="double"/>`);
    }
    expect(text).toMatch(/<node id="a">[\s\S]*?<data key="color">#ff0000<\/data>/);
    expect(new Set(text.match(/<key id="[^"]+"/g)).size).toBe(text.match(/<key id="[^"]+"/g)?.length);
  });
});

describe("graphology JSON that sigma draws as it is", () => {
  const graph = loadGraphData();
  const layout = () =>
    Object.fromEntries(graph.mapNodes((id, _a) => [id, { x: id.length, y: -id.length }] as const));

  it("has x, y, size and colour on every node, with the explorer's layout", () => {
    const [file] = exportGraph(graph, "graphology-json", { layout });
    const serialized = JSON.parse(file?.text ?? "{}") as {
      nodes: { key: string; attributes: Record<string, unknown> }[];
    };
    expect(serialized.nodes).toHaveLength(graph.order);
    for (const { key, attributes } of serialized.nodes) {
      expect(attributes.x).toBe(key.length);
      expect(attributes.y).toBe(-key.length);
      expect(attributes.size).toEqual(expect.any(Number));
      expect(attributes.color).toBe(KIND_STYLES[graph.getNodeAttribute(key, "kind")].color);
      expect(attributes["linkage-atlas:drawn"]).toEqual(["x", "y", "size", "color"]);
    }
  });

  it("comes back as the graph it was written from: what was filled in for drawing is taken off", () => {
    const [file] = exportGraph(graph, "graphology-json", { layout });
    const back = importGraph({ name: "g.graphology.json", text: file?.text ?? "" }, xml, "graphology-json");
    expect(back.graph.export()).toEqual(graph.export());
  });

  it("keeps a node's own position and colour, and marks only what it filled in", () => {
    const copy = graph.copy() as LinkageGraph;
    copy.mergeNodeAttributes("actor:us", { x: 1, y: 2, size: 3, color: "#123456" });
    const [file] = exportGraph(copy, "graphology-json", { layout });
    const us = (JSON.parse(file?.text ?? "{}").nodes as { key: string; attributes: object }[]).find(
      (node) => node.key === "actor:us",
    );
    expect(us?.attributes).toMatchObject({ x: 1, y: 2, size: 3, color: "#123456" });
    expect(us?.attributes).not.toHaveProperty("linkage-atlas:drawn");
  });

  it("refuses a list of filled-in fields that is not one, naming the node", () => {
    const [file] = exportGraph(graph, "graphology-json", { layout });
    const serialized = JSON.parse(file?.text ?? "{}");
    serialized.nodes[0].attributes["linkage-atlas:drawn"] = ["label"];
    expect(() =>
      importGraph({ name: "bad.json", text: JSON.stringify(serialized) }, xml, "graphology-json"),
    ).toThrow(ImportError);
  });

  it("reads sigma's node and edge colours and edge weights from another program's file", () => {
    const text = JSON.stringify({
      options: { type: "directed" },
      attributes: {},
      nodes: [
        { key: "a", attributes: { label: "A", x: 0, y: 0, size: 5, color: "#F00" } },
        { key: "b", attributes: { label: "B", x: 1, y: 1, size: 5, color: "teal" } },
      ],
      edges: [{ key: "e", source: "a", target: "b", attributes: { weight: 2, color: "rgba(0,0,255,0.5)" } }],
    });
    const { graph: read } = importGraph({ name: "sigma.json", text }, xml, "graphology-json");
    expect(read.getNodeAttributes("a")).toMatchObject({ color: "#ff0000", size: 5 });
    expect(read.getNodeAttributes("b").attributes).toEqual({ color: "teal" });
    expect(read.getEdgeAttributes("e")).toMatchObject({ weight: 2, color: "#0000ff80" });
  });
});

describe("a curated node's look", () => {
  it.each(["gexf", "graphml", "graphology-json"] as const)(
    "set in the graph (a curated file holds none), comes back from %s",
    (format) => {
      const graph = loadGraphData();
      graph.mergeNodeAttributes("actor:china", { x: 3, y: 4, size: 9, color: "#aabbcc", shape: "diamond" });
      expect(lookOf(reopen(graph, format))).toEqual(lookOf(graph));
    },
  );
});

describe("neo4j-admin nodes.csv carries x, y and size", () => {
  const graph = loadGraphData();
  const rows = (text: string) => {
    const [header, ...lines] = text
      .replace(/^\ufeff/, "")
      .trimEnd()
      .split("\r\n");
    const names = (header ?? "").split(",");
    // graph-data's nodes.csv cells before x need no quotes up to the id; x, y and size are plain numbers.
    return lines.map((line) => {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, "")) ?? [];
      return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
    });
  };
  const nodesCsv = (g: LinkageGraph, options = {}) =>
    exportGraph(g, "neo4j-admin", options).find((file) => file.name === "nodes.csv")?.text ?? "";

  it("from the explorer's layout when the graph has none of its own, sizes from degree", () => {
    const layout = () => Object.fromEntries(graph.mapNodes((id) => [id, { x: 7, y: -3 }] as const));
    for (const row of rows(nodesCsv(graph, { layout }))) {
      expect([row["x:double"], row["y:double"]]).toEqual(["7", "-3"]);
      expect(Number(row["size:double"])).toBeGreaterThan(0);
    }
  });

  it("from the graph's own layout", () => {
    const placed = graph.copy() as LinkageGraph;
    placed.updateEachNodeAttributes((_id, a) => ({ ...a, x: 1.5, y: 2.5, size: 4 }));
    for (const row of rows(nodesCsv(placed))) {
      expect([row["x:double"], row["y:double"], row["size:double"]]).toEqual(["1.5", "2.5", "4"]);
    }
  });

  it("empty, not made up, when nothing says where the nodes are", () => {
    for (const row of rows(nodesCsv(graph))) {
      expect([row["x:double"], row["y:double"], row["size:double"]]).toEqual(["", "", ""]);
    }
  });
});

describe("every CSV the project writes starts with a byte-order mark", () => {
  it.each(["csv", "neo4j-admin"] as const)("%s", (format) => {
    const csvs = exportGraph(loadGraphData(), format).filter((file) => file.name.endsWith(".csv"));
    expect(csvs.length).toBeGreaterThan(1);
    for (const file of csvs) expect(file.text.startsWith("\ufeff"), file.name).toBe(true);
  });

  it("the position matrix, as a file", async () => {
    const { positionMatrix } = await import("../src/graph/position-matrix.ts");
    const { positionMatrixCsv, positionMatrixCsvFile } = await import(
      "../src/formats/position-matrix-csv.ts"
    );
    const matrix = positionMatrix(loadGraphData());
    const text = positionMatrixCsvFile(matrix);
    expect(text.startsWith("\ufeffactor_id,")).toBe(true);
    expect(text.slice(1)).toBe(positionMatrixCsv(matrix));
  });
});
