// Issue 11: every export the explorer offers, of the whole graph and of only what is visible (a subset
// made by visibleSubgraph from the explorer's own filters), opens again with the same number of nodes
// and claims. Formats with a reader go back through importGraph, as the explorer's import does; CSV,
// Cypher and neo4j-admin have none in the app (they are for spreadsheets and Neo4j), so their rows are
// counted with a CSV reader written here and the Cypher script's UNWIND lists.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  EXPORT_FORMATS,
  type ExportFile,
  exportGraph,
  FORMATS,
  type FormatId,
  importGraph,
} from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { buildGraph } from "../src/graph/build.ts";
import type { AnyLoadedSource } from "../src/graph/load.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { visibleSubgraph } from "../src/graph/visible-subgraph.ts";
import { DEFAULT_FILTERS, type Filters } from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { loadGraphData } from "./support/graph-data.ts";

const xml = { xml: nodeXmlParser };

/** An RFC 4180 reader (quoted fields may hold commas, quotes and line breaks), after the BOM. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\ufeff/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

interface Counts {
  nodes: number;
  claims: number;
}

const fileText = (files: ExportFile[], name: string) => files.find((file) => file.name === name)?.text ?? "";
const dataRows = (text: string) => csvRows(text).length - 1;

/** The rows of the Cypher script's UNWIND lists that MERGE nodes, and those that MERGE relationships. */
function cypherRows(text: string, merge: string): number {
  return text
    .split("\n\n")
    .filter((block) => block.includes(merge))
    .reduce((sum, block) => sum + block.split("\n").filter((line) => line.startsWith("  {id: ")).length, 0);
}

/** How each format's files are opened again and counted. */
const REOPEN: Record<FormatId, (files: ExportFile[]) => Counts> = {
  "project-json": (files) => {
    // One file per source, loaded together as graph-data would be.
    const loaded: AnyLoadedSource[] = files.map((file) => ({
      file: file.name,
      data: importGraph({ name: file.name, text: file.text }, xml, "project-json")
        .files[0] as AnyLoadedSource["data"],
    }));
    const graph = buildGraph(loaded);
    return { nodes: graph.order, claims: graph.size };
  },
  "graphology-json": (files) => imported(files, "graphology-json"),
  gexf: (files) => imported(files, "gexf"),
  graphml: (files) => imported(files, "graphml"),
  csv: (files) => ({
    nodes: dataRows(fileText(files, "nodes.csv")),
    claims: dataRows(fileText(files, "claims.csv")),
  }),
  cypher: (files) => ({
    nodes: cypherRows(fileText(files, "graph.cypher"), "MERGE (n:Entity"),
    claims: cypherRows(fileText(files, "graph.cypher"), "MERGE (s)-[r:"),
  }),
  "neo4j-admin": (files) => ({
    nodes: dataRows(fileText(files, "nodes.csv")),
    claims: dataRows(fileText(files, "relationships.csv")),
  }),
};

/** A single-file format read back by the reader the explorer's import uses, picked from the content. */
function imported(files: ExportFile[], format: FormatId): Counts {
  expect(files).toHaveLength(1);
  const [file] = files as [ExportFile];
  const outcome = importGraph({ name: `back${FORMATS[format].extensions[0]}`, text: file.text }, xml);
  expect(outcome.format).toBe(format);
  return { nodes: outcome.graph.order, claims: outcome.graph.size };
}

const graphData = loadGraphData();
const filtered = (filters: Partial<Filters>) =>
  visibleSubgraph(graphData, visibleItems(graphData, { ...DEFAULT_FILTERS, ...filters }));
const gephi = importGraph(
  {
    name: "gephi-viz.gexf",
    text: readFileSync(new URL("./fixtures/styled/gephi-viz.gexf", import.meta.url), "utf8"),
  },
  xml,
).graph;

const scopes: [string, () => LinkageGraph][] = [
  ["the whole graph-data", () => graphData],
  [
    "only what is visible: holder China and finding F8",
    () => filtered({ holder: "actor:china", finding: "cns-us-china-2000#F8" }),
  ],
  ["only what is visible: opposes only", () => filtered({ relations: ["opposes"] })],
  ["only what is visible: issues and treaties only", () => filtered({ kinds: ["issue", "treaty"] })],
  ["the whole imported Gephi graph", () => gephi],
  [
    "only what is visible of the Gephi graph: three of its nodes",
    () => visibleSubgraph(gephi, { nodes: new Set(["a", "b", "c"]), claims: new Set(gephi.edges()) }),
  ],
];

/** The explorer passes its layout; positions for every node, as explorer.positions() gives them. */
const layout = (graph: LinkageGraph) =>
  Object.fromEntries(graph.mapNodes((id) => [id, { x: id.length, y: -id.length }] as const));

describe.each(EXPORT_FORMATS)("%s", (format) => {
  it.each(scopes)("%s opens again with the same nodes and claims", (_name, make) => {
    const graph = make();
    expect(graph.size).toBeGreaterThan(0);
    const files = exportGraph(graph, format, { layout });
    expect(REOPEN[format](files)).toEqual({ nodes: graph.order, claims: graph.size });
  });
});

it("covers every format the explorer offers", () => {
  expect(Object.keys(REOPEN).sort()).toEqual([...EXPORT_FORMATS].sort());
});
