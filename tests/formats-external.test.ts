// The checks that tools other than ours make of our files: xmllint validates GEXF against the
// official GEXF 1.3 XSD, Debian's networkx reads GraphML back with the same nodes, edges and values,
// and Neo4j's own Cypher parser (@neo4j-cypher/language-support) finds no error in the script.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readGraph } from "../src/cli/io.ts";
import { cypherString } from "../src/formats/cypher.ts";
import { exportGraph, importGraph } from "../src/formats/index.ts";
import { claimFieldValues, nodeFieldValues } from "../src/formats/model-fields.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { awkwardGraph } from "./awkward-graph.ts";

const fixtures = new URL("./fixtures/external/", import.meta.url);
const xsd = fileURLToPath(new URL("gexf-1.3-schema/gexf.xsd", fixtures));
const work = mkdtempSync(join(tmpdir(), "linkage-formats-"));

function graphData(): LinkageGraph {
  const loaded = readGraph();
  if (!loaded.ok) throw new Error("graph-data must load");
  return loaded.graph;
}
function karate(): LinkageGraph {
  const text = readFileSync(new URL("networkx/karate-club.gexf", fixtures), "utf8");
  return importGraph({ name: "karate-club.gexf", text }, { xml: nodeXmlParser }).graph;
}
const graphs: [string, () => LinkageGraph][] = [
  ["graph-data", graphData],
  ["the awkward graph", awkwardGraph],
  ["the imported karate club", karate],
];

function write(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe("GEXF against the official 1.3 XSD (xmllint)", () => {
  it.each(graphs)("%s validates", (name, make) => {
    const [file] = exportGraph(make(), "gexf");
    const path = write(`${name.replace(/\W+/g, "-")}.gexf`, file?.text ?? "");
    const run = spawnSync("xmllint", ["--noout", "--schema", xsd, path], { encoding: "utf8" });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toContain(`${path} validates`);
    expect(run.status).toBe(0);
  });

  it("catches a file that breaks the schema (the check can fail)", () => {
    const [file] = exportGraph(graphData(), "gexf");
    const path = write("broken.gexf", (file?.text ?? "").replace('version="1.3"', 'version="1.2"'));
    const run = spawnSync("xmllint", ["--noout", "--schema", xsd, path], { encoding: "utf8" });
    expect(run.status).not.toBe(0);
  });
});

// networkx gives each node and edge a dict of attributes; we say what it must hold.
type Attributes = Record<string, unknown>;
function expectedByNetworkx(graph: LinkageGraph) {
  const listText = (value: unknown) => (Array.isArray(value) ? JSON.stringify(value) : value);
  const nodes: Record<string, Attributes> = {};
  graph.forEachNode((id, a) => {
    const data: Attributes = {};
    for (const [field, value] of nodeFieldValues(a)) data[field.name] = listText(value);
    for (const axis of ["x", "y", "size"] as const) if (a[axis] !== undefined) data[axis] = a[axis];
    for (const [name, value] of Object.entries(a.attributes ?? {})) data[name] = listText(value);
    nodes[id] = data;
  });
  const edges = graph.mapEdges((id, a, source, target) => {
    const data: Attributes = {};
    for (const [field, value] of claimFieldValues(a)) data[field.name] = listText(value);
    for (const [name, value] of Object.entries(a.attributes ?? {})) data[name] = listText(value);
    return [source, target, id, data];
  });
  return { nodes, edges };
}

const NETWORKX_DUMP = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
edges = []
if g.is_multigraph():
    for s, t, k, d in g.edges(keys=True, data=True):
        edges.append([s, t, k, d])
else:
    for s, t, d in g.edges(data=True):
        d = dict(d)
        k = d.pop("id", None)
        edges.append([s, t, k, d])
print(json.dumps({"nodes": {n: d for n, d in g.nodes(data=True)}, "edges": edges}))
`;

describe("GraphML read back by networkx (python3-networkx)", () => {
  it.each(graphs)("%s: same nodes, edges and attribute values", (name, make) => {
    const graph = make();
    const [file] = exportGraph(graph, "graphml");
    const path = write(`${name.replace(/\W+/g, "-")}.graphml`, file?.text ?? "");
    const run = spawnSync("/usr/bin/python3", ["-c", NETWORKX_DUMP, path], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout) as { nodes: Record<string, Attributes>; edges: unknown[] };
    const expected = expectedByNetworkx(graph);
    expect(Object.keys(read.nodes)).toEqual(Object.keys(expected.nodes));
    expect(read.nodes).toEqual(expected.nodes);
    // networkx lists edges by source node; compare them by claim id.
    const byId = (edges: unknown[]) =>
      [...edges].sort((a, b) => String((a as unknown[])[2]).localeCompare(String((b as unknown[])[2])));
    expect(byId(read.edges)).toEqual(byId(expected.edges));
  });
});

// The package's ESM build does not load in Node (extensionless imports); its CommonJS build does.
const { lintCypherQuery } = createRequire(import.meta.url)("@neo4j-cypher/language-support") as {
  lintCypherQuery: (query: string, schema: object) => { message: string; severity: number }[];
};
const ERROR = 1;
const errorsIn = (script: string) => lintCypherQuery(script, {}).filter((d) => d.severity === ERROR);

/** Undoes cypherString, to show the escapes keep every character. */
function unquote(literal: string): string {
  const singles: Record<string, string> = {
    n: "\n",
    r: "\r",
    t: "\t",
    b: "\b",
    f: "\f",
    "'": "'",
    '"': '"',
    "\\": "\\",
  };
  return literal
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, e: string) =>
      e.length === 5 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : (singles[e] ?? e),
    );
}

describe("Cypher script against Neo4j's parser", () => {
  it.each(graphs)(
    "%s has no syntax error",
    (_name, make) => {
      const [file] = exportGraph(make(), "cypher");
      expect(errorsIn(file?.text ?? "")).toEqual([]);
    },
    60_000,
  );

  it("escapes a label with quotes, backslashes and newlines so the parser accepts it", () => {
    const label = `it's "quoted" \\ back\\slash\nnew line\r\n\ttab \u0000 nul 🚀 \u2028`;
    expect(unquote(cypherString(label))).toBe(label);
    expect(errorsIn(`MERGE (n:Entity {id: 'x'}) SET n.label = ${cypherString(label)};`)).toEqual([]);
  });

  it("reports an unescaped quote (the check can fail)", () => {
    expect(errorsIn("MERGE (n:Entity {id: 'it's'});").length).toBeGreaterThan(0);
  });
});
