// The packed graph the import worker posts to the page (src/formats/compact-graph.ts): after a
// structured clone with its transfer list, as postMessage does, unpacking gives back the same graph —
// keys, edge keys, endpoints, every attribute with its keys in order, -0 and NaN — for graph-data,
// every graph file under tests/fixtures/external, hostile ids, and random graphs (fast-check, fixed
// seed). Also: the big arrays are moved, not copied; no two nodes or claims share a mutable value;
// a message that does not hold a graph is refused with PackedGraphError.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import {
  type PackedGraph,
  PackedGraphError,
  packGraph,
  type TableColumn,
  unpackGraph,
} from "../src/formats/compact-graph.ts";
import { importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { graphKey } from "../src/graph/build.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";
import { ImportedSourceFile } from "../src/model/schema.ts";
import { gephiGexf } from "./support/gephi-gexf.ts";
import { graphFilesArb, graphOf } from "./support/graph-arbitraries.ts";
import { loadGraphData } from "./support/graph-data.ts";
import { prototypeChanges, prototypeShape } from "./support/prototype-guard.ts";

const SEED = 20_001_214;
const RUNS = Number(process.env.COMPACT_RUNS ?? 200);
const PRISTINE = prototypeShape();

/** What the page gets: the message as postMessage would deliver it, unpacked. */
function posted(graph: LinkageGraph): LinkageGraph {
  const { message, transfer } = packGraph(graph);
  return unpackGraph(structuredClone(message, { transfer }));
}

/**
 * Every node and claim with its attribute record as the graph holds it (graph.export() copies records
 * with Object.assign, which would take an own `__proto__` key for the prototype).
 */
function contents(graph: LinkageGraph) {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  graph.forEachNode((key, attributes) => nodes.push([key, attributes]));
  graph.forEachEdge((key, attributes, source, target) => edges.push([key, source, target, attributes]));
  return {
    type: graph.type,
    multi: graph.multi,
    loops: graph.allowSelfLoops,
    graph: graph.getAttributes(),
    nodes,
    edges,
  };
}

/**
 * The keys of every record, in order, all the way down, and the length of every list. toEqual (which
 * tells -0 from 0) ignores both; toStrictEqual cannot be used: it compares `.constructor`, which is an
 * attribute of its own in a record that has a key named `constructor`.
 */
function keyOrder(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) return value.map(keyOrder);
  return Object.entries(value).map(([key, inner]) => [key, keyOrder(inner)]);
}

function expectSameGraph(back: LinkageGraph, graph: LinkageGraph): void {
  expect(back.export()).toEqual(graph.export());
  expect(contents(back)).toEqual(contents(graph));
  expect(keyOrder(contents(back))).toStrictEqual(keyOrder(contents(graph)));
}

/** Arrays and records reachable from more than one node or claim of the graph (or from the graph's own). */
function sharedValues(graph: LinkageGraph): number {
  const seen = new Set<object>();
  let shared = 0;
  const walk = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    if (seen.has(value)) {
      shared++;
      return;
    }
    seen.add(value);
    for (const inner of Object.values(value)) walk(inner);
  };
  walk(graph.getAttributes());
  graph.forEachNode((_key, attributes) => walk(attributes));
  graph.forEachEdge((_key, attributes) => walk(attributes));
  return shared;
}

// ---------------------------------------------------------------------------------------------

describe("graph-data and the external fixtures", () => {
  it("graph-data comes back exactly, and no node or claim shares an array with another", () => {
    const graph = loadGraphData();
    const back = posted(graph);
    expectSameGraph(back, graph);
    expect(sharedValues(back)).toBe(0);
  });

  const external = fileURLToPath(new URL("./fixtures/external/", import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  const graphFiles = files(external)
    .filter((path) => /\.(gexf|graphml)$/.test(path))
    .map((path) => path.slice(external.length));

  it("finds the fixtures", () => {
    expect(graphFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(graphFiles)("%s comes back exactly", (path) => {
    const text = readFileSync(join(external, path), "utf8");
    const name = path.split("/").pop() as string;
    const { graph } = importGraph({ name, text }, { xml: nodeXmlParser });
    const back = posted(graph);
    expectSameGraph(back, graph);
    expect(sharedValues(back)).toBe(0);
  });
});

describe("hostile ids", () => {
  it("keeps the safe keys build.ts gave `__proto__`, `constructor` and `~x`, and touches no prototype", () => {
    const ids = ["__proto__", "constructor", "~x", "toString"];
    const graph = graphOf([
      ImportedSourceFile.parse({
        source: { id: "hostile", provenance: "imported", title: "Hostile ids", findings: [] },
        nodes: ids.map((id) => ({
          id,
          kind: "issue",
          label: id,
          attributes: { constructor: "c", toString: 1 },
        })),
        claims: ids.map((id, i) => ({
          id,
          source: id,
          target: ids[(i + 1) % ids.length],
          relation: "links-to",
        })),
      }),
    ]);
    const back = posted(graph);
    expect(back.nodes()).toEqual(ids.map(graphKey));
    expect(back.edges()).toEqual(ids.map(graphKey));
    expect(back.source("~__proto__")).toBe("~__proto__");
    expect(back.target("~__proto__")).toBe("~constructor");
    expectSameGraph(back, graph);
    expect(prototypeChanges(PRISTINE)).toEqual([]);
  });

  it("keeps an own `__proto__` attribute as an attribute, not as the record's prototype", () => {
    const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
    graph.replaceAttributes({ sources: [] });
    const record = (value: number) => JSON.parse(`{"kind":"issue","__proto__":{"polluted":${value}}}`);
    graph.addNode("a", record(1));
    graph.addNode("b", record(1));
    const back = posted(graph);
    for (const key of ["a", "b"]) {
      const attributes = back.getNodeAttributes(key);
      expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(attributes, "__proto__")?.value).toEqual({ polluted: 1 });
    }
    expect(contents(back)).toEqual(contents(graph));
    expect(prototypeChanges(PRISTINE)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Random graphs

describe("random graphs", () => {
  it(`model graphs (${RUNS} runs, seed ${SEED}) come back exactly`, () => {
    fc.assert(
      fc.property(graphFilesArb({ xmlSafe: false }), (files) => {
        const graph = graphOf(files);
        const back = posted(graph);
        expectSameGraph(back, graph);
        expect(sharedValues(back)).toBe(0);
      }),
      { seed: SEED, numRuns: RUNS, verbose: true },
    );
  }, 60_000);

  // Any attribute values at all, so the codec is checked beyond what today's readers make: -0, NaN,
  // infinities, undefined, nested lists and records, keys such as `__proto__`, a key that is a number
  // on one node and a text on the next, keys in any order.
  const valueArb = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.string({ maxLength: 6 }),
      fc.double(),
      fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(tie("value"), { maxLength: 3 }),
      fc
        .array(fc.tuple(fc.constantFrom("a", "b", "__proto__", "constructor", "1"), tie("value")), {
          maxLength: 3,
        })
        .map((entries) => Object.fromEntries(entries)),
    ),
  })).value;
  const recordArb = fc
    .array(fc.tuple(fc.constantFrom("x", "y", "kind", "label", "__proto__", "sources", "0", "w"), valueArb), {
      maxLength: 6,
    })
    .map((entries) => Object.fromEntries(entries));
  const rawGraphArb = fc
    .record({
      nodes: fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 8 }),
      loops: fc.boolean(),
      sources: fc.array(valueArb, { maxLength: 2 }),
    })
    .chain(({ nodes, loops, sources }) =>
      fc.record({
        nodes: fc.constant(nodes.map(graphKey)),
        loops: fc.constant(loops),
        sources: fc.constant(sources),
        records: fc.array(recordArb, { minLength: nodes.length, maxLength: nodes.length }),
        edges: fc.array(
          fc.tuple(
            fc.nat(nodes.length - 1),
            fc.nat(nodes.length - 1),
            recordArb,
            fc.string({ maxLength: 3 }),
          ),
          { maxLength: 12 },
        ),
      }),
    );

  it(`graphs of arbitrary attribute values (${RUNS} runs, seed ${SEED}) come back exactly`, () => {
    fc.assert(
      fc.property(rawGraphArb, ({ nodes, loops, sources, records, edges }) => {
        const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>({
          allowSelfLoops: loops,
        });
        graph.replaceAttributes({ sources } as unknown as GraphAttributes);
        nodes.forEach((key, i) => {
          graph.addNode(key, records[i] as unknown as NodeAttributes);
        });
        edges.forEach(([from, to, record, suffix], i) => {
          if (!loops && from === to) return;
          graph.addDirectedEdgeWithKey(
            graphKey(`${suffix}${i}`),
            nodes[from] as string,
            nodes[to] as string,
            record as unknown as ClaimAttributes,
          );
        });
        const back = posted(graph);
        expect(contents(back)).toEqual(contents(graph));
        expect(keyOrder(contents(back))).toStrictEqual(keyOrder(contents(graph)));
        expect(sharedValues(back)).toBe(0);
        expect(prototypeChanges(PRISTINE)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, verbose: true },
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// The message

/** A Gephi-style file as the worker reads one: positions, colours, sizes, weights, typed attributes. */
function gephiGraph(nodes = 300, edges = 600): LinkageGraph {
  const text = gephiGexf({ nodes, edges, attvalues: true });
  return importGraph({ name: "gephi.gexf", text }, { xml: nodeXmlParser }).graph;
}

const typedArrays = (message: PackedGraph): ArrayBufferView[] => [
  message.nodes.shape,
  message.edges.shape,
  message.edges.source,
  message.edges.target,
  ...[...message.nodes.columns, ...message.edges.columns].map((c) =>
    c.type === "numbers" ? c.values : c.index,
  ),
];

describe("the message", () => {
  it("moves its big arrays: positions, sizes, weights and endpoints are typed arrays whose buffers are in the transfer list", () => {
    const { message, transfer } = packGraph(gephiGraph());
    const numbers = (columns: PackedGraph["nodes"]["columns"]) =>
      columns.filter((c) => c.type === "numbers").map((c) => c.key);
    expect(numbers(message.nodes.columns)).toEqual(expect.arrayContaining(["x", "y", "size"]));
    expect(numbers(message.edges.columns)).toEqual(["weight"]);
    expect(message.edges.source).toBeInstanceOf(Uint32Array);
    const views = typedArrays(message);
    for (const view of views) {
      expect(view.buffer).toBeInstanceOf(ArrayBuffer);
      expect(transfer).toContain(view.buffer);
      expect(view.byteLength).toBe(view.buffer.byteLength); // the whole buffer is this array
    }
    expect(new Set(transfer).size).toBe(transfer.length);
    structuredClone(message, { transfer });
    // Moved, not copied: the sender's buffers are detached.
    for (const view of views) expect(view.buffer.byteLength).toBe(0);
  });

  it("sends a value that every node or claim shares once, and each label once", () => {
    const { message } = packGraph(gephiGraph());
    const table = (items: PackedGraph["nodes"], key: string) =>
      (items.columns.find((c) => c.key === key) as TableColumn).table;
    for (const key of ["kind", "aliases", "description", "sources"])
      expect(table(message.nodes, key), key).toHaveLength(1);
    for (const key of ["relation", "heldBy", "findings", "note", "sourceId"])
      expect(table(message.edges, key), key).toHaveLength(1);
    expect(table(message.nodes, "label")).toHaveLength(300);
    expect(message.nodes.shapes.length).toBeLessThanOrEqual(2);
  });

  it("colours come back as the same texts, sizes and positions as the same doubles", () => {
    const graph = gephiGraph(50, 10);
    graph.setNodeAttribute("n0", "color", "rgba(1, 2, 3, 0.5)");
    graph.setNodeAttribute("n1", "x", 0.1 + 0.2);
    graph.setNodeAttribute("n2", "size", -0);
    const back = posted(graph);
    expect(back.getNodeAttribute("n0", "color")).toBe("rgba(1, 2, 3, 0.5)");
    expect(back.getNodeAttribute("n1", "x")).toBe(0.1 + 0.2);
    expect(Object.is(back.getNodeAttribute("n2", "size"), -0)).toBe(true);
    expect(back.getNodeAttribute("n3", "color")).toBe(graph.getNodeAttribute("n3", "color"));
  });

  it("an empty graph comes back empty, with its sources", () => {
    const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
    graph.replaceAttributes({ sources: [] });
    expectSameGraph(posted(graph), graph);
  });
});

describe("a message that does not hold a graph", () => {
  /** A fresh message of a small graph, changed by `spoil`. */
  function spoiled(spoil: (message: PackedGraph) => void): PackedGraph {
    const { message } = packGraph(gephiGraph(5, 5));
    const copy = structuredClone(message);
    spoil(copy);
    return copy;
  }

  it.each<[string, (message: PackedGraph) => void]>([
    ["an endpoint past the node list", (m) => m.edges.target.set([5], 0)],
    [
      "a column shorter than the node list",
      (m) => {
        const column = m.nodes.columns.find((c) => c.type === "numbers");
        if (column?.type === "numbers") column.values = column.values.slice(1);
      },
    ],
    [
      "a table index past its table",
      (m) => {
        const column = m.edges.columns.find((c) => c.type === "table");
        if (column?.type === "table") column.index[0] = column.table.length;
      },
    ],
    ["a shape key without a column", (m) => m.nodes.shapes[0]?.push("nowhere")],
    ["a shape index past the shapes", (m) => m.nodes.shape.set([9], 0)],
    [
      "a node key that is not a text",
      (m) => {
        (m.nodes.keys as unknown[])[0] = 7;
      },
    ],
    [
      "an edge key that is not a text",
      (m) => {
        (m.edges.keys as unknown[])[1] = null;
      },
    ],
    [
      "a list where a typed array belongs",
      (m) => {
        (m.edges as unknown as { source: number[] }).source = [0, 1, 2, 3, 4];
      },
    ],
  ])("refuses %s with PackedGraphError", (_name, spoil) => {
    expect(() => unpackGraph(spoiled(spoil))).toThrow(PackedGraphError);
  });

  it("builds the graph from the untouched message (so the cases above fail for their own reason)", () => {
    expect(unpackGraph(spoiled(() => {})).order).toBe(5);
  });
});
