// The trace engine (src/graph/trace.ts): hand-made graphs where every answer is known, graphology's
// simple-path and shortest-path as oracles on seeded synthetic graphs, and the preset questions on
// the real graph-data, whose answers are checked against the claims and findings they rest on.
import { MultiDirectedGraph, MultiUndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path";
import { allSimpleEdgeGroupPaths } from "graphology-simple-path";
import { describe, expect, it } from "vitest";
import { readGraph } from "../src/cli/io.ts";
import { InvalidArgumentError, UnknownNodeError } from "../src/graph/errors.ts";
import { syntheticGraph } from "../src/graph/synthetic.ts";
import {
  createTraceCache,
  findPaths,
  type LinkagePath,
  pathSteps,
  shortestPath,
  type Trace,
  traceLinkages,
} from "../src/graph/trace.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";
import { kindOf } from "../src/model/schema.ts";
import { RELATIONS, type Relation } from "../src/model/vocabulary.ts";

type ClaimSpec = [
  id: string,
  source: string,
  target: string,
  heldBy: string[],
  relation?: Relation,
  /** Model 2 fields: attribution, modality, disputedBy, evidence. */
  extra?: Partial<ClaimAttributes>,
];

/** A small graph: node ids carry their kind; labels default to the slug; findings are F1 of "hand". */
function handGraph(claims: ClaimSpec[], labels: Record<string, string> = {}): LinkageGraph {
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({
    sources: [
      {
        id: "hand",
        title: "Hand-made",
        publisher: "tests",
        date: "2026",
        findings: [{ id: "F1", summary: "x" }],
      },
    ],
  });
  const ensure = (id: string) => {
    if (graph.hasNode(id)) return;
    graph.addNode(id, {
      kind: kindOf(id) ?? "issue",
      label: labels[id] ?? id.slice(id.indexOf(":") + 1),
      aliases: [],
      description: id,
      sources: ["hand"],
    });
  };
  for (const [id, source, target, heldBy, relation = "links-to", extra = {}] of claims) {
    for (const node of [source, target, ...heldBy]) ensure(node);
    graph.addDirectedEdgeWithKey(id, source, target, {
      relation,
      heldBy,
      findings: ["hand#F1"],
      qualifier: `q-${id}`,
      note: id,
      sourceId: "hand",
      ...extra,
    });
  }
  return graph;
}

const US = "actor:us";
const CN = "actor:cn";
const claimIds = (path: LinkagePath) => path.claims.map((c) => c.id).join(">");
const reached = (trace: Trace) => trace.results.map((r) => r.node);
const resultFor = (trace: Trace, node: string) => {
  const result = trace.results.find((r) => r.node === node);
  if (!result) throw new Error(`${node} was not reached`);
  return result;
};

/** Every invariant a trace must keep, whatever the graph. */
function expectWellFormed(graph: LinkageGraph, trace: Trace) {
  const wanted = new Set<string>(trace.relations);
  let previous = { distance: 0 };
  for (const result of trace.results) {
    expect(result.node).not.toBe(trace.target);
    expect(result.distance).toBeGreaterThanOrEqual(previous.distance);
    previous = result;
    expect(result.paths.length).toBeGreaterThan(0);
    expect(result.distance).toBe(Math.min(...result.paths.map((p) => p.claims.length)));
    const shortest = shortestPath(graph, trace.target, result.node, trace);
    expect(shortest?.claims.length).toBe(result.distance);
    let length = 0;
    for (const path of result.paths) {
      expect(path.claims.length).toBeGreaterThanOrEqual(length);
      length = path.claims.length;
      expect(path.claims.length).toBeLessThanOrEqual(trace.depth);
      expect(path.nodes).toHaveLength(path.claims.length + 1);
      expect(new Set(path.nodes).size).toBe(path.nodes.length);
      expect(path.nodes[0]).toBe(trace.target);
      expect(path.nodes.at(-1)).toBe(result.node);
      for (const step of pathSteps(path)) {
        const { claim } = step;
        // No path ever uses a claim its holder does not hold, nor one of another attribution.
        if (trace.holder) expect(claim.heldBy).toContain(trace.holder);
        if (trace.attribution) expect(claim.attribution).toBe(trace.attribution);
        expect(wanted.has(claim.relation)).toBe(true);
        expect(step.forward ? [claim.source, claim.target] : [claim.target, claim.source]).toEqual([
          step.from,
          step.to,
        ]);
        expect(graph.source(claim.id)).toBe(claim.source);
      }
    }
  }
}

/** graphology-simple-path over a filtered undirected copy, parallel claims expanded into paths. */
function oraclePaths(
  graph: LinkageGraph,
  from: string,
  to: string,
  holder: string | null,
  relations: readonly Relation[],
  maxDepth: number,
): string[] {
  const undirected = filteredUndirected(graph, holder, relations);
  const expanded: string[] = [];
  for (const groups of allSimpleEdgeGroupPaths(undirected, from, to, { maxDepth })) {
    let prefixes = [""];
    for (const group of groups)
      prefixes = prefixes.flatMap((p) => group.map((claim) => (p ? `${p}>${claim}` : claim)));
    expanded.push(...prefixes);
  }
  return expanded.sort();
}

function filteredUndirected(graph: LinkageGraph, holder: string | null, relations: readonly Relation[]) {
  const undirected = new MultiUndirectedGraph();
  graph.forEachNode((node) => {
    undirected.addNode(node);
  });
  graph.forEachEdge((claim, a, source, target) => {
    if (relations.includes(a.relation) && (holder === null || a.heldBy.includes(holder)))
      undirected.addEdgeWithKey(claim, source, target);
  });
  return undirected;
}

describe("traceLinkages on hand-made graphs", () => {
  it("follows links-to both ways and keeps each claim's own direction and qualifier", () => {
    const graph = handGraph([
      ["ab", "issue:a", "issue:b", [CN]],
      ["ca", "issue:c", "issue:a", [CN]],
    ]);
    const trace = traceLinkages(graph, { target: "issue:a" });
    expect(reached(trace)).toEqual(["issue:b", "issue:c"]);
    const forward = pathSteps(resultFor(trace, "issue:b").paths[0]!)[0]!;
    const backward = pathSteps(resultFor(trace, "issue:c").paths[0]!)[0]!;
    expect(forward).toMatchObject({ from: "issue:a", to: "issue:b", forward: true });
    expect(backward).toMatchObject({ from: "issue:a", to: "issue:c", forward: false });
    expect(backward.claim).toMatchObject({
      id: "ca",
      source: "issue:c",
      target: "issue:a",
      qualifier: "q-ca",
      findings: ["hand#F1"],
    });
  });

  it("gives each parallel claim its own path", () => {
    const graph = handGraph([
      ["ab-1", "issue:a", "issue:b", [CN]],
      ["ab-2", "issue:b", "issue:a", [CN]],
      ["bc", "issue:b", "issue:c", [CN]],
    ]);
    const trace = traceLinkages(graph, { target: "issue:a" });
    const b = resultFor(trace, "issue:b");
    expect(b.distance).toBe(1);
    expect(b.paths.map(claimIds)).toEqual(["ab-1", "ab-2"]);
    expect(resultFor(trace, "issue:c").paths.map(claimIds)).toEqual(["ab-1>bc", "ab-2>bc"]);
  });

  it("ends cycles by never repeating a node", () => {
    const graph = handGraph([
      ["ab", "issue:a", "issue:b", [CN]],
      ["bc", "issue:b", "issue:c", [CN]],
      ["ca", "issue:c", "issue:a", [CN]],
    ]);
    const trace = traceLinkages(graph, { target: "issue:a", depth: 6 });
    expect(reached(trace)).toEqual(["issue:b", "issue:c"]);
    expect(resultFor(trace, "issue:b").paths.map((p) => p.nodes.join(" "))).toEqual([
      "issue:a issue:b",
      "issue:a issue:c issue:b",
    ]);
    expect(resultFor(trace, "issue:c").paths.map(claimIds)).toEqual(["ca", "ab>bc"]);
    expectWellFormed(graph, trace);
  });

  it("uses only the holder's claims, and a shared claim for each of its holders", () => {
    const graph = handGraph([
      ["ab-us", "issue:a", "issue:b", [US]],
      ["ad-both", "issue:a", "issue:d", [US, CN]],
      ["dc-cn", "issue:d", "issue:c", [CN]],
      ["cb-cn", "issue:c", "issue:b", [CN]],
    ]);
    const china = traceLinkages(graph, { target: "issue:a", holder: CN, depth: 3 });
    expect(china.results.map((r) => [r.node, r.distance])).toEqual([
      ["issue:d", 1],
      ["issue:c", 2],
      ["issue:b", 3],
    ]);
    expect(resultFor(china, "issue:b").paths.map(claimIds)).toEqual(["ad-both>dc-cn>cb-cn"]);
    const us = traceLinkages(graph, { target: "issue:a", holder: US, depth: 3 });
    expect(reached(us)).toEqual(["issue:b", "issue:d"]);
    const anyone = traceLinkages(graph, { target: "issue:a", depth: 3 });
    expect(resultFor(anyone, "issue:b").distance).toBe(1);
    for (const trace of [china, us, anyone]) expectWellFormed(graph, trace);
  });

  it("stops at the depth", () => {
    const chain = "abcdefgh".split("");
    const graph = handGraph(
      chain.slice(1).map((to, i) => [`${chain[i]}${to}`, `issue:${chain[i]}`, `issue:${to}`, [CN]]),
    );
    const at = (depth?: number) =>
      reached(traceLinkages(graph, { target: "issue:a", ...(depth ? { depth } : {}) }));
    expect(at(1)).toEqual(["issue:b"]);
    expect(at()).toEqual(["issue:b", "issue:c"]);
    expect(at(3)).toEqual(["issue:b", "issue:c", "issue:d"]);
    expect(at(6)).toHaveLength(6);
    expect(at(6)).not.toContain("issue:h");
  });

  it("follows only the relations asked for, stances in both directions too", () => {
    const graph = handGraph([
      ["ab", "issue:a", "issue:b", [CN]],
      ["cn-a", CN, "issue:a", [CN], "opposes"],
      ["cn-z", CN, "issue:z", [CN], "supports"],
    ]);
    expect(reached(traceLinkages(graph, { target: "issue:a" }))).toEqual(["issue:b"]);
    const opposed = traceLinkages(graph, { target: "issue:a", relations: ["opposes"] });
    expect(reached(opposed)).toEqual([CN]);
    expect(pathSteps(opposed.results[0]!.paths[0]!)[0]!.forward).toBe(false);
    const stances = traceLinkages(graph, { target: CN, relations: ["supports", "opposes"] });
    expect(reached(stances)).toEqual(["issue:a", "issue:z"]);
    expect(stances.relations).toEqual(["supports", "opposes"]);
  });

  it("sorts results by distance, then label, and never lists the target", () => {
    const graph = handGraph(
      [
        ["t1", "issue:t", "issue:g", [CN]],
        ["t2", "issue:t", "issue:b", [CN]],
        ["t3", "issue:a", "issue:t", [CN]],
        ["far", "issue:g", "issue:aa", [CN]],
      ],
      // Label order differs from id order, and from code-unit order ("beta" after "Gamma" there).
      { "issue:a": "Gamma", "issue:b": "beta", "issue:g": "Alpha", "issue:aa": "Aardvark" },
    );
    const labels = () => traceLinkages(graph, { target: "issue:t" }).results.map((r) => r.label);
    expect(labels()).toEqual(["Alpha", "beta", "Gamma", "Aardvark"]);
    // The same order once repeated queries have made the engine rank every label.
    for (let i = 0; i < 50; i++) labels();
    expect(labels()).toEqual(["Alpha", "beta", "Gamma", "Aardvark"]);
    expect(reached(traceLinkages(graph, { target: "issue:t" }))).not.toContain("issue:t");
  });

  it("returns the shape the CLI prints", () => {
    const graph = handGraph([["ab", "issue:a", "issue:b", [CN]]]);
    const trace = traceLinkages(graph, { target: "issue:a", holder: CN });
    expect(Object.keys(trace)).toEqual([
      "target",
      "holder",
      "depth",
      "relations",
      "attribution",
      "kinds",
      "results",
    ]);
    expect(trace).toMatchObject({
      target: "issue:a",
      holder: CN,
      depth: 2,
      relations: ["links-to"],
      attribution: null,
    });
    const [result] = trace.results;
    expect(Object.keys(result!)).toEqual(["node", "label", "kind", "distance", "paths"]);
    // Claim records are shared between queries, so they cannot be changed by one caller for all.
    expect(Object.isFrozen(result!.paths[0]!.claims[0])).toBe(true);
    expect(result!.paths[0]).toEqual({
      nodes: ["issue:a", "issue:b"],
      claims: [expect.objectContaining({ id: "ab", relation: "links-to", heldBy: [CN], qualifier: "q-ab" })],
    });
  });
});

describe("attribution", () => {
  // a—b stated (China), b—c inferred (China), a—d the document's own voice, d—e stated (China), and a—f an
  // imported edge that does not say its attribution.
  const attributed = () =>
    handGraph([
      ["ab", "issue:a", "issue:b", [CN], "links-to", { attribution: "stated" }],
      ["bc", "issue:b", "issue:c", [CN], "links-to", { attribution: "inferred" }],
      ["ad", "issue:a", "issue:d", [], "links-to", { attribution: "document", disputedBy: [US, CN] }],
      ["de", "issue:d", "issue:e", [CN], "links-to", { attribution: "stated" }],
      ["af", "issue:a", "issue:f", [CN]],
    ]);
  const graph = attributed();

  it("follows every attribution by default, only stated claims with attribution stated", () => {
    const anyone = traceLinkages(graph, { target: "issue:a" });
    expect(reached(anyone)).toEqual(["issue:b", "issue:d", "issue:f", "issue:c", "issue:e"]);
    const stated = traceLinkages(graph, { target: "issue:a", attribution: "stated" });
    expect(stated.attribution).toBe("stated");
    expect(reached(stated)).toEqual(["issue:b"]);
    for (const trace of [anyone, stated]) expectWellFormed(graph, trace);
  });

  it("never uses the document's own claims in a holder's trace: they have no holders", () => {
    const china = traceLinkages(graph, { target: "issue:a", holder: CN });
    expect(reached(china)).toEqual(["issue:b", "issue:f", "issue:c"]);
    expect(china.results.flatMap((r) => r.paths.flatMap((p) => p.claims.map((c) => c.id)))).not.toContain(
      "ad",
    );
    // Being named in disputedBy is not holding it.
    expect(shortestPath(graph, "issue:a", "issue:d", { holder: CN })).toBeNull();
    expect(shortestPath(graph, "issue:a", "issue:e")?.claims.map((c) => c.id)).toEqual(["ad", "de"]);
  });

  it("limits paths and shortest paths the same way", () => {
    expect(findPaths(graph, "issue:a", "issue:c", { maxDepth: 3 }).map(claimIds)).toEqual(["ab>bc"]);
    expect(findPaths(graph, "issue:a", "issue:c", { maxDepth: 3, attribution: "stated" })).toEqual([]);
    expect(shortestPath(graph, "issue:a", "issue:e", { attribution: "stated" })).toBeNull();
    expect(
      shortestPath(graph, "issue:a", "issue:b", { attribution: "stated" })?.claims.map((c) => c.id),
    ).toEqual(["ab"]);
  });

  it("remembers each attribution's view apart, in either order", () => {
    const first = attributed();
    expect(reached(traceLinkages(first, { target: "issue:a", holder: CN }))).toHaveLength(3);
    expect(reached(traceLinkages(first, { target: "issue:a", holder: CN, attribution: "stated" }))).toEqual([
      "issue:b",
    ]);
    const second = attributed();
    expect(reached(traceLinkages(second, { target: "issue:a", holder: CN, attribution: "stated" }))).toEqual([
      "issue:b",
    ]);
    expect(reached(traceLinkages(second, { target: "issue:a", holder: CN }))).toHaveLength(3);
  });

  it("refuses any attribution other than stated with InvalidArgumentError", () => {
    for (const attribution of ["document", "inferred", "STATED"])
      expect(() => traceLinkages(graph, { target: "issue:a", attribution: attribution as "stated" })).toThrow(
        InvalidArgumentError,
      );
    expect(() =>
      findPaths(graph, "issue:a", "issue:b", { maxDepth: 2, attribution: "x" as "stated" }),
    ).toThrow(InvalidArgumentError);
  });
});

describe("answers follow the graph as it changes", () => {
  it("forgets remembered claims and label order on every change made through graphology", () => {
    const graph = handGraph(
      [
        ["ab", "issue:a", "issue:b", [CN]],
        ["ac", "issue:a", "issue:c", [CN]],
        ["us-z", US, "issue:z", [US], "supports"],
      ],
      { "issue:b": "Bravo", "issue:c": "Charlie" },
    );
    const cache = createTraceCache(graph);
    const china = () => traceLinkages(graph, { target: "issue:a", holder: CN, cache });
    // Enough queries for the engine to rank the labels rather than collate them each time.
    for (let i = 0; i < 50; i++) expect(reached(china())).toEqual(["issue:b", "issue:c"]);
    graph.setNodeAttribute("issue:c", "label", "Alpha");
    expect(reached(china())).toEqual(["issue:c", "issue:b"]);
    graph.setEdgeAttribute("ac", "qualifier", "now qualified");
    expect(china().results[0]!.paths[0]!.claims[0]!.qualifier).toBe("now qualified");
    graph.setEdgeAttribute("ab", "heldBy", [US]);
    expect(reached(china())).toEqual(["issue:c"]);
    graph.addNode("issue:d", {
      kind: "issue",
      label: "Delta",
      aliases: [],
      description: "d",
      sources: ["hand"],
    });
    graph.addDirectedEdgeWithKey("da", "issue:d", "issue:a", {
      relation: "links-to",
      heldBy: [CN],
      findings: ["hand#F1"],
      note: "da",
      sourceId: "hand",
    });
    expect(reached(china())).toEqual(["issue:c", "issue:d"]);
    graph.dropEdge("ac");
    expect(reached(china())).toEqual(["issue:d"]);
    graph.dropNode("issue:d");
    expect(reached(china())).toEqual([]);
    graph.updateEachEdgeAttributes((_claim, attributes) => ({ ...attributes, heldBy: [CN] }));
    expect(reached(china())).toEqual(["issue:b"]);
    expect(shortestPath(graph, "issue:a", "issue:b", { holder: US, cache })).toBeNull();
    // Even with every listener gone, a change in the number of claims is noticed.
    graph.removeAllListeners();
    graph.addDirectedEdgeWithKey("ca", "issue:c", "issue:a", {
      relation: "links-to",
      heldBy: [CN],
      findings: ["hand#F1"],
      note: "ca",
      sourceId: "hand",
    });
    expect(reached(china())).toEqual(["issue:c", "issue:b"]);
  });
});

describe("the trace cache belongs to its caller", () => {
  const events = [
    "edgeAdded",
    "edgeDropped",
    "nodeAttributesUpdated",
    "eachEdgeAttributesUpdated",
    "cleared",
  ];
  const listeners = (graph: LinkageGraph) =>
    events.map((event) => graph.listenerCount(event as "edgeAdded")).reduce((a, b) => a + b, 0);

  it("adds no listener to the graph when a query has no cache", () => {
    const graph = handGraph([["ab", "issue:a", "issue:b", [CN]]]);
    traceLinkages(graph, { target: "issue:a" });
    findPaths(graph, "issue:a", "issue:b", { maxDepth: 2 });
    shortestPath(graph, "issue:a", "issue:b");
    expect(listeners(graph)).toBe(0);
  });

  it("removes every listener it added when killed, and refuses to be used after", () => {
    const graph = handGraph([["ab", "issue:a", "issue:b", [CN]]]);
    const cache = createTraceCache(graph);
    expect(listeners(graph)).toBeGreaterThan(0);
    expect(reached(traceLinkages(graph, { target: "issue:a", cache }))).toEqual(["issue:b"]);
    cache.kill();
    expect(listeners(graph)).toBe(0);
    expect(() => traceLinkages(graph, { target: "issue:a", cache })).toThrow(InvalidArgumentError);
  });

  it("refuses a cache made for another graph", () => {
    const one = handGraph([["ab", "issue:a", "issue:b", [CN]]]);
    const other = handGraph([["ab", "issue:a", "issue:b", [CN]]]);
    const cache = createTraceCache(one);
    expect(() => shortestPath(other, "issue:a", "issue:b", { cache })).toThrow(InvalidArgumentError);
    cache.kill();
  });
});

describe("argument checks", () => {
  const graph = handGraph([
    ["ab", "issue:arms-sales", "issue:b", [CN]],
    ["us-b", US, "issue:b", [US], "supports"],
  ]);

  it("throws UnknownNodeError with the nearest ids for an unknown target or holder", () => {
    expect(() => traceLinkages(graph, { target: "issue:arms-sale" })).toThrow(UnknownNodeError);
    try {
      traceLinkages(graph, { target: "issue:arms-sale" });
    } catch (error) {
      expect((error as UnknownNodeError).suggestions).toContain("issue:arms-sales");
    }
    try {
      traceLinkages(graph, { target: "issue:b", holder: "actor:c" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownNodeError);
      expect((error as UnknownNodeError).suggestions).toEqual(expect.arrayContaining([CN]));
      expect((error as UnknownNodeError).suggestions.every((id) => id.startsWith("actor:"))).toBe(true);
    }
  });

  it.each([0, 7, 2.5, Number.NaN, -1])("refuses depth %s with InvalidArgumentError", (depth) => {
    expect(() => traceLinkages(graph, { target: "issue:b", depth })).toThrow(InvalidArgumentError);
    expect(() => findPaths(graph, "issue:b", US, { maxDepth: depth })).toThrow(InvalidArgumentError);
  });

  it("refuses a holder that is not an actor, and empty or unknown relations", () => {
    expect(() => traceLinkages(graph, { target: "issue:b", holder: "issue:arms-sales" })).toThrow(
      InvalidArgumentError,
    );
    expect(() => traceLinkages(graph, { target: "issue:b", relations: [] })).toThrow(InvalidArgumentError);
    expect(() => traceLinkages(graph, { target: "issue:b", relations: ["hates" as Relation] })).toThrow(
      InvalidArgumentError,
    );
  });

  it("checks both ends of a path, and that they differ", () => {
    expect(() => findPaths(graph, "issue:b", "issue:nope", { maxDepth: 2 })).toThrow(UnknownNodeError);
    expect(() => shortestPath(graph, "issue:nope", "issue:b")).toThrow(UnknownNodeError);
    expect(() => findPaths(graph, "issue:b", "issue:b", { maxDepth: 2 })).toThrow(InvalidArgumentError);
    expect(() => shortestPath(graph, "issue:b", "issue:b")).toThrow(InvalidArgumentError);
  });
});

describe("findPaths and shortestPath on hand-made graphs", () => {
  // a—d directly (US only), a—b twice, b—d, a—c, c—d (all China).
  const graph = handGraph([
    ["ad", "issue:a", "issue:d", [US]],
    ["ab-1", "issue:a", "issue:b", [CN]],
    ["ab-2", "issue:b", "issue:a", [CN]],
    ["bd", "issue:b", "issue:d", [CN]],
    ["ac", "issue:a", "issue:c", [CN]],
    ["dc", "issue:d", "issue:c", [CN]],
  ]);

  it("lists every simple path up to maxDepth, shortest first, parallel claims apart", () => {
    expect(findPaths(graph, "issue:a", "issue:d", { maxDepth: 1 }).map(claimIds)).toEqual(["ad"]);
    expect(findPaths(graph, "issue:a", "issue:d", { maxDepth: 2 }).map(claimIds)).toEqual([
      "ad",
      "ab-1>bd",
      "ab-2>bd",
      "ac>dc",
    ]);
    const china = findPaths(graph, "issue:a", "issue:d", { maxDepth: 3, holder: CN });
    expect(china.map(claimIds)).toEqual(["ab-1>bd", "ab-2>bd", "ac>dc"]);
  });

  it("finds one shortest path under the same constraints, or null", () => {
    expect(shortestPath(graph, "issue:a", "issue:d")?.nodes).toEqual(["issue:a", "issue:d"]);
    expect(shortestPath(graph, "issue:a", "issue:d", { holder: CN })?.claims).toHaveLength(2);
    expect(shortestPath(graph, "issue:a", "issue:d", { holder: CN, relations: ["supports"] })).toBeNull();
  });
});

describe("against graphology's simple-path and shortest-path on seeded synthetic graphs", () => {
  const graph = syntheticGraph({ nodes: 40, claims: 160, holders: 3, seed: 7 });
  const ids = graph.nodes();
  const filters: { holder: string | null; relations: Relation[] }[] = [
    { holder: null, relations: ["links-to"] },
    { holder: "actor:n0", relations: ["links-to"] },
    { holder: "actor:n1", relations: [...RELATIONS] },
  ];

  it("findPaths lists exactly the claim paths allSimpleEdgeGroupPaths finds", () => {
    let compared = 0;
    for (const { holder, relations } of filters) {
      for (let i = 0; i < 12; i++) {
        const from = ids[(i * 7 + 3) % ids.length]!;
        const to = ids[(i * 13 + 5) % ids.length]!;
        if (from === to) continue;
        const ours = findPaths(graph, from, to, { holder, relations, maxDepth: 4 }).map(claimIds).sort();
        expect(ours).toEqual(oraclePaths(graph, from, to, holder, relations, 4));
        compared += ours.length;
        const shortest = shortestPath(graph, from, to, { holder, relations });
        const theirs = bidirectional(filteredUndirected(graph, holder, relations), from, to);
        expect(shortest ? shortest.nodes.length : null).toBe(theirs ? theirs.length : null);
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("a trace holds, for each node, exactly the paths simple-path finds from the target", () => {
    for (const { holder, relations } of filters) {
      const target = ids[10]!;
      const trace = traceLinkages(graph, { target, holder, relations, depth: 3 });
      expectWellFormed(graph, trace);
      for (const node of ids) {
        if (node === target) continue;
        const expected = oraclePaths(graph, target, node, holder, relations, 3);
        const result = trace.results.find((r) => r.node === node);
        expect(result ? result.paths.map(claimIds).sort() : []).toEqual(expected);
      }
    }
  });

  it("no path uses a claim its holder does not hold, on a graph of 20,000 claims", () => {
    const large = syntheticGraph({ nodes: 2000, claims: 20_000, holders: 20, seed: 3 });
    for (const holder of ["actor:n0", "actor:n7", "actor:n19"]) {
      for (const target of ["issue:n100", "issue:n555", "treaty:n999"].filter((t) => large.hasNode(t))) {
        expectWellFormed(
          large,
          traceLinkages(large, { target, holder, relations: [...RELATIONS], depth: 3 }),
        );
      }
    }
  });
});

describe("the preset questions on graph-data", () => {
  const loaded = readGraph();
  if (!loaded.ok) throw new Error("graph-data must load");
  const { graph } = loaded;

  it("Which issues does China tie to US arms sales to Taiwan?", () => {
    const trace = traceLinkages(graph, {
      target: "issue:taiwan-arms-sales",
      holder: "actor:china",
      depth: 2,
    });
    expectWellFormed(graph, trace);
    expect(trace.results.filter((r) => r.distance === 1).map((r) => r.node)).toEqual([
      "issue:tmd-for-taiwan",
      "issue:nonproliferation-cooperation",
    ]);
    // F3: Chinese participants made further nonproliferation cooperation contingent on arms sales to Taiwan.
    const cooperation = resultFor(trace, "issue:nonproliferation-cooperation");
    expect(cooperation.paths).toHaveLength(1);
    const [step] = pathSteps(cooperation.paths[0]!);
    expect(step!.forward).toBe(false);
    expect(step!.claim).toMatchObject({
      id: "f3-cooperation-contingent-on-arms-sales",
      source: "issue:nonproliferation-cooperation",
      target: "issue:taiwan-arms-sales",
      qualifier: "contingent on",
      findings: ["cns-us-china-2000#F3"],
    });
    // F10: China calls TMD for Taiwan a provocative form of military assistance.
    expect(resultFor(trace, "issue:tmd-for-taiwan").paths[0]!.claims[0]!.findings).toEqual([
      "cns-us-china-2000#F10",
    ]);
    // F3 again, one step further: the state of ties and world security are China's other conditions.
    expect(resultFor(trace, "issue:international-security-situation").distance).toBe(2);
    expect(resultFor(trace, "issue:bilateral-relations").paths.map((p) => p.claims[1]!.id)).toContain(
      "f3-cooperation-contingent-on-ties",
    );
    // The common-interest argument is the US rebuttal, so China's trace must not use it.
    expect(reached(trace)).not.toContain("issue:common-security-interests");
  });

  it("What does China tie to the FMCT?", () => {
    const china = traceLinkages(graph, { target: "treaty:fmct", holder: "actor:china" });
    expectWellFormed(graph, china);
    // F8: no FMCT talks until the US agrees to outer-space talks; nothing else China holds touches it.
    expect(reached(china)).toEqual(["treaty:paros"]);
    expect(china.results[0]!.paths[0]!.claims[0]!.findings).toEqual(["cns-us-china-2000#F8"]);
    const us = traceLinkages(graph, { target: "treaty:fmct", holder: "actor:us" });
    expect(reached(us)).toContain("issue:china-strategic-modernization");
    expect(reached(us)).not.toContain("treaty:paros");
  });

  it("What does the US tie to missile defense?", () => {
    const trace = traceLinkages(graph, { target: "issue:nmd", holder: "actor:us" });
    expectWellFormed(graph, trace);
    const debate = resultFor(trace, "issue:us-missile-defense-debate");
    expect(debate.distance).toBe(1);
    expect(debate.paths[0]!.claims[0]!.id).toBe("f5-us-debate-shapes-nmd");
    // F5/F11: better Chinese export controls could sway that debate.
    const exportControls = resultFor(trace, "issue:export-controls");
    expect(exportControls.distance).toBe(2);
    expect(exportControls.paths[0]!.nodes[1]).toBe("issue:us-missile-defense-debate");
    expect(resultFor(trace, "issue:csbms").distance).toBe(1);
    // Russia as a secondary player is China's view (F11), not the US's.
    expect(reached(trace)).not.toContain("actor:russia");
  });

  it("What does the US tie to Sino-US relations? Not cooperation: making it depend on ties is China's view (F3)", () => {
    const trace = traceLinkages(graph, { target: "issue:bilateral-relations", holder: "actor:us", depth: 1 });
    expectWellFormed(graph, trace);
    expect(reached(trace)).not.toContain("issue:nonproliferation-cooperation");
    // F1: both sides see broader strategic worries emerging in relations.
    expect(reached(trace)).toEqual(["issue:strategic-worries"]);
    const china = traceLinkages(graph, {
      target: "issue:bilateral-relations",
      holder: "actor:china",
      depth: 1,
    });
    expect(reached(china)).toContain("issue:nonproliferation-cooperation");
  });

  it("What is tied to NMD? The F10 propositions the sides differ on, sides not stated", () => {
    const trace = traceLinkages(graph, { target: "issue:nmd", depth: 2 });
    expectWellFormed(graph, trace);
    for (const node of [
      "issue:nmd-aimed-at-china",
      "issue:rogue-missile-threat",
      "issue:strategic-defense-stability",
    ]) {
      const step = resultFor(trace, node).paths[0]!.claims[0]!;
      expect(step).toMatchObject({
        attribution: "document",
        heldBy: [],
        findings: ["cns-us-china-2000#F10"],
      });
      expect(step.disputedBy).toEqual(["actor:us", "actor:china"]);
    }
    // No actor holds them, so neither side's trace reaches them.
    for (const holder of ["actor:us", "actor:china"])
      expect(reached(traceLinkages(graph, { target: "issue:nmd", holder, depth: 2 }))).not.toContain(
        "issue:nmd-aimed-at-china",
      );
  });

  it("What does the US tie to NMD in the document's attribution alone? Its ties through the debate are inferred", () => {
    const stated = traceLinkages(graph, { target: "issue:nmd", holder: "actor:us", attribution: "stated" });
    expectWellFormed(graph, stated);
    expect(reached(stated)).toEqual(["issue:nmd-deferral", "issue:csbms"]);
    expect(reached(traceLinkages(graph, { target: "issue:nmd", holder: "actor:us" }))).toContain(
      "issue:us-missile-defense-debate",
    );
  });

  it("reaches China itself through its opposition when stances are followed", () => {
    const trace = traceLinkages(graph, {
      target: "issue:taiwan-arms-sales",
      holder: "actor:china",
      relations: ["links-to", "opposes"],
    });
    const china = resultFor(trace, "actor:china");
    expect(china.distance).toBe(2);
    expect(china.paths[0]!.claims.map((c) => c.id)).toEqual([
      "f10-tmd-to-taiwan-is-military-aid",
      "f10-china-rejects-tmd-to-taiwan",
    ]);
  });

  it("keeps every invariant for every actor and every target, over all relations", () => {
    const actors = graph.filterNodes((_id, a) => a.kind === "actor");
    for (const holder of [null, ...actors]) {
      for (const target of graph.nodes()) {
        for (const attribution of [null, "stated"] as const)
          expectWellFormed(
            graph,
            traceLinkages(graph, { target, holder, relations: [...RELATIONS], depth: 3, attribution }),
          );
      }
    }
  });
});
