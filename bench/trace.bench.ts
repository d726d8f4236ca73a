// Benchmark of issue 4: a depth-3 trace with a holder and a 4-hop findPaths on a seeded graph of 100,000
// claims, against graphology-simple-path's allSimplePaths over the same filtered subgraph, in the same
// run; then how a trace's cost grows with depth 1 to 4. Target: no slower than the baseline.
// Run with `npm run bench:trace`; writes bench/results/trace.json with the machine's details.
import os from "node:os";
import { MultiUndirectedGraph } from "graphology";
import { singleSourceLength } from "graphology-shortest-path";
import { allSimplePaths } from "graphology-simple-path";
import { syntheticGraph } from "../src/graph/synthetic.ts";
import { createTraceCache, findPaths, traceLinkages } from "../src/graph/trace.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import type { Relation } from "../src/model/vocabulary.ts";
import { describeProcessor } from "./machine.ts";
import { writeResult } from "./results.ts";
import { median, round as roundTo } from "./stats.ts";

const GRAPH = { nodes: 10_000, claims: 100_000, holders: 20, seed: 1 } as const;
const HOLDER = "actor:n0";
const RELATIONS: Relation[] = ["links-to"];
const TRACE_DEPTH = 3;
const PATH_DEPTH = 4;
/** How many queries of each kind one sample runs: the busiest nodes of the holder's subgraph. */
const QUERIES = 8;
/** Queries with any holder: far more paths each, so fewer of them. */
const ANY_QUERIES = 2;
/** Deepest any-holder trace the baseline is run for; at depth 4 it takes tens of seconds a query. */
const ANY_BASELINE_MAX_DEPTH = 3;
const WARM_UP = 5;
/** Each side runs this long before calibration and the warm-up samples. */
const WARM_UP_MS = 500;
const REPS = 21;
/** Each sample repeats its batch until it has run this long, so microsecond queries still time well. */
const MIN_SAMPLE_MS = 25;

type Undirected = MultiUndirectedGraph;

/** The baseline's input: the admitted claims as an undirected multigraph, built once and not timed. */
function filteredSubgraph(graph: LinkageGraph, holder: string | null): Undirected {
  const sub = new MultiUndirectedGraph();
  graph.forEachEdge((claim, a, source, target) => {
    if (!RELATIONS.includes(a.relation) || (holder !== null && !a.heldBy.includes(holder))) return;
    sub.mergeNode(source);
    sub.mergeNode(target);
    sub.addEdgeWithKey(claim, source, target);
  });
  return sub;
}

/**
 * The nodes within `depth` of `target`, found once (in the calibration run, before any timed sample), so
 * the baseline is nothing but allSimplePaths. shortest-path's singleSourceLength has no depth limit:
 * timing it would charge the baseline a walk of the whole component.
 */
const withinDepthMemo = new WeakMap<Undirected, Map<string, string[]>>();
function withinDepth(within: Undirected, target: string, depth: number): string[] {
  let byQuery = withinDepthMemo.get(within);
  if (!byQuery) {
    byQuery = new Map();
    withinDepthMemo.set(within, byQuery);
  }
  let nodes = byQuery.get(`${target} ${depth}`);
  if (!nodes) {
    nodes = Object.entries(singleSourceLength(within, target))
      .filter(([, length]) => length > 0 && length <= depth)
      .map(([node]) => node);
    byQuery.set(`${target} ${depth}`, nodes);
  }
  return nodes;
}

/** A trace with graphology's library: allSimplePaths from the target to each node within the depth. */
function baselineTrace(within: Undirected, target: string, depth: number): number {
  let paths = 0;
  for (const node of withinDepth(within, target, depth))
    paths += allSimplePaths(within, target, node, { maxDepth: depth }).length;
  return paths;
}

function oursTrace(graph: LinkageGraph, holder: string | null, target: string, depth: number): number {
  let paths = 0;
  for (const result of traceLinkages(graph, { target, holder, depth, relations: RELATIONS, cache }).results)
    paths += result.paths.length;
  return paths;
}

interface Pair {
  /** Milliseconds per batch, median of the samples. */
  ours: number;
  baseline: number;
  /** Median of the paired ratios ours / baseline: steadier than a ratio of medians on a busy machine. */
  ratio: number;
}

/** REPS interleaved samples of each after WARM_UP, each sample long enough to time. */
function measurePair(ours: () => number, baseline: () => number): Pair {
  const calibrate = (run: () => number) => {
    let times = 1;
    for (;;) {
      const start = performance.now();
      for (let i = 0; i < times; i++) sink += run();
      if (performance.now() - start >= MIN_SAMPLE_MS || times >= 1 << 16) return times;
      times *= 2;
    }
  };
  const sample = (run: () => number, times: number) => {
    const start = performance.now();
    for (let i = 0; i < times; i++) sink += run();
    return (performance.now() - start) / times;
  };
  // Warm up by time, not by count: the optimizing compiler settles later on bigger functions.
  for (const run of [ours, baseline]) {
    const start = performance.now();
    while (performance.now() - start < WARM_UP_MS) sink += run();
  }
  const oursTimes = calibrate(ours);
  const baselineTimes = calibrate(baseline);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < WARM_UP + REPS; i++) {
    // Interleaved, so that drift in the machine's speed falls on both sides alike.
    const x = sample(ours, oursTimes);
    const y = sample(baseline, baselineTimes);
    if (i < WARM_UP) continue;
    a.push(x);
    b.push(y);
  }
  return { ours: median(a), baseline: median(b), ratio: median(a.map((x, i) => x / (b[i] as number))) };
}

function measureOne(run: () => number): number {
  return measurePair(run, () => 0).ours;
}

let sink = 0;
const round = (value: number) => roundTo(value, 4);

const loadBefore = os.loadavg()[0] ?? 0;
const graph = syntheticGraph(GRAPH);
// The explorer keeps one cache per graph; so does the benchmark, as a caller querying it many times.
const cache = createTraceCache(graph);
const buildStart = performance.now();
const sub = filteredSubgraph(graph, HOLDER);
const subgraphBuildMs = performance.now() - buildStart;
const anySub = filteredSubgraph(graph, null);

// Queries: the busiest nodes of the holder's subgraph, so every trace reaches something; for paths,
// each of them paired with the farthest node within PATH_DEPTH, so the search has to go the distance.
const busiest = sub
  .nodes()
  .filter((node) => !node.startsWith("actor:"))
  .sort((x, y) => sub.degree(y) - sub.degree(x) || (x < y ? -1 : 1))
  .slice(0, QUERIES);
/** Each start paired with the farthest node within PATH_DEPTH, so the search has to go the distance. */
const farPairs = (within: Undirected, starts: readonly string[]) =>
  starts.map((from) => {
    const lengths = Object.entries(singleSourceLength(within, from)).filter(([, d]) => d <= PATH_DEPTH);
    lengths.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const [to, distance] = lengths[0] as [string, number];
    return { from, to, distance };
  });
const pairs = farPairs(sub, busiest);
const anyPairs = farPairs(anySub, busiest.slice(0, ANY_QUERIES));

// Same answers first: the node sequences of our claim paths are exactly allSimplePaths' paths.
function checkSameAnswers(holder: string | null, within: Undirected, queries: typeof pairs): number {
  let found = 0;
  for (const { from, to } of queries) {
    const ours = new Set(
      findPaths(graph, from, to, { holder, relations: RELATIONS, maxDepth: PATH_DEPTH, cache }).map((p) =>
        p.nodes.join(" "),
      ),
    );
    const theirs = allSimplePaths(within, from, to, { maxDepth: PATH_DEPTH }).map((p) => p.join(" "));
    if (ours.size !== theirs.length || !theirs.every((p) => ours.has(p)))
      throw new Error(`findPaths and allSimplePaths disagree between ${from} and ${to}`);
    found += findPaths(graph, from, to, { holder, relations: RELATIONS, maxDepth: PATH_DEPTH, cache }).length;
  }
  return found;
}
const pathsFound = checkSameAnswers(HOLDER, sub, pairs);
const anyPathsFound = checkSameAnswers(null, anySub, anyPairs);
let tracePaths = 0;
for (const target of busiest) tracePaths += oursTrace(graph, HOLDER, target, TRACE_DEPTH);

const trace = measurePair(
  () => busiest.reduce((n, target) => n + oursTrace(graph, HOLDER, target, TRACE_DEPTH), 0),
  () => busiest.reduce((n, target) => n + baselineTrace(sub, target, TRACE_DEPTH), 0),
);
const findPathsBatch = (holder: string | null, within: Undirected, queries: typeof pairs) =>
  measurePair(
    () =>
      queries.reduce(
        (n, { from, to }) =>
          n +
          findPaths(graph, from, to, { holder, relations: RELATIONS, maxDepth: PATH_DEPTH, cache }).length,
        0,
      ),
    () =>
      queries.reduce(
        (n, { from, to }) => n + allSimplePaths(within, from, to, { maxDepth: PATH_DEPTH }).length,
        0,
      ),
  );
const paths = findPathsBatch(HOLDER, sub, pairs);
const anyPaths = findPathsBatch(null, anySub, anyPairs);

// Growth with depth, against the baseline wherever it finishes in reasonable time. With any holder
// (about twelve linkages a node) the baseline's walk per reached node takes tens of seconds at depth 4.
const anyTargets = busiest.slice(0, ANY_QUERIES);
const countPaths = (holder: string | null, targets: readonly string[], depth: number) =>
  targets.reduce((n, target) => n + oursTrace(graph, holder, target, depth), 0);
const growth = [1, 2, 3, 4].map((depth) => {
  const withHolder = measurePair(
    () => countPaths(HOLDER, busiest, depth),
    () => busiest.reduce((n, target) => n + baselineTrace(sub, target, depth), 0),
  );
  const anyHolder =
    depth <= ANY_BASELINE_MAX_DEPTH
      ? measurePair(
          () => countPaths(null, anyTargets, depth),
          () => anyTargets.reduce((n, target) => n + baselineTrace(anySub, target, depth), 0),
        )
      : {
          ours: measureOne(() => countPaths(null, anyTargets, depth)),
          baseline: Number.NaN,
          ratio: Number.NaN,
        };
  return {
    depth,
    withHolder: {
      oursMs: round(withHolder.ours / busiest.length),
      baselineMs: round(withHolder.baseline / busiest.length),
      ratio: round(withHolder.ratio),
      pathsPerQuery: round(countPaths(HOLDER, busiest, depth) / busiest.length),
    },
    anyHolder: {
      oursMs: round(anyHolder.ours / anyTargets.length),
      baselineMs: Number.isNaN(anyHolder.baseline) ? null : round(anyHolder.baseline / anyTargets.length),
      ratio: Number.isNaN(anyHolder.baseline) ? null : round(anyHolder.ratio),
      pathsPerQuery: round(countPaths(null, anyTargets, depth) / anyTargets.length),
    },
  };
});

// Cold: the first query on a graph nothing has asked yet pays for reading each node's claims and for
// ranking every label once; measured on fresh copies, against the baseline's subgraph build.
const cold = (query: (fresh: LinkageGraph) => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = graph.copy();
    const start = performance.now();
    query(fresh);
    times.push(performance.now() - start);
  }
  return round(median(times));
};
const coldTraceMs = cold((fresh) =>
  traceLinkages(fresh, {
    target: busiest[0] as string,
    holder: HOLDER,
    depth: TRACE_DEPTH,
    relations: RELATIONS,
  }),
);
const coldPathsMs = cold((fresh) =>
  findPaths(fresh, pairs[0]?.from as string, pairs[0]?.to as string, {
    holder: HOLDER,
    relations: RELATIONS,
    maxDepth: PATH_DEPTH,
  }),
);

const report = {
  benchmark: "trace",
  date: new Date().toISOString(),
  machine: {
    ...describeProcessor(),
    /** One-minute load average before and after the run: other work on the machine skews small figures. */
    loadAverage: [round(loadBefore), round(os.loadavg()[0] ?? 0)],
  },
  graph: { ...GRAPH, order: graph.order, size: graph.size },
  filter: {
    holder: HOLDER,
    relations: RELATIONS,
    admittedClaims: sub.size,
    subgraphBuildMs: round(subgraphBuildMs),
    coldTraceMs,
    coldFindPathsMs: coldPathsMs,
    note:
      "the baseline runs over this prebuilt filtered subgraph, its build time not counted; ours reads each " +
      "node's admitted claims once and remembers them until the graph changes. The cold figures are a first " +
      "query on a fresh copy of the graph, ranking of every label included",
  },
  method:
    `per query, the median of ${REPS} interleaved samples after ${WARM_UP_MS} ms of warm-up on each side and ` +
    `${WARM_UP} discarded samples; each sample runs ` +
    `all ${QUERIES} queries (${ANY_QUERIES} with any holder), repeated until it lasts ${MIN_SAMPLE_MS} ms; ` +
    "ratios are the median of the paired ratios ours / baseline",
  baseline:
    "trace: singleSourceLength + allSimplePaths(target, node, maxDepth) for every node within the depth; " +
    "findPaths: allSimplePaths(from, to, maxDepth); both over the filtered undirected subgraph",
  trace: {
    depth: TRACE_DEPTH,
    queries: busiest.length,
    pathsPerQuery: round(tracePaths / busiest.length),
    oursMs: round(trace.ours / busiest.length),
    baselineMs: round(trace.baseline / busiest.length),
    ratio: round(trace.ratio),
  },
  findPaths: {
    maxDepth: PATH_DEPTH,
    pairs,
    pathsPerQuery: round(pathsFound / pairs.length),
    oursMs: round(paths.ours / pairs.length),
    baselineMs: round(paths.baseline / pairs.length),
    ratio: round(paths.ratio),
  },
  findPathsAnyHolder: {
    maxDepth: PATH_DEPTH,
    pairs: anyPairs,
    admittedClaims: anySub.size,
    pathsPerQuery: round(anyPathsFound / anyPairs.length),
    oursMs: round(anyPaths.ours / anyPairs.length),
    baselineMs: round(anyPaths.baseline / anyPairs.length),
    ratio: round(anyPaths.ratio),
  },
  growth,
  target: "ours no slower than the baseline (ratio ≤ 1)",
  met: trace.ratio <= 1 && paths.ratio <= 1 && anyPaths.ratio <= 1,
  sink,
};

writeResult("trace", report);

const row = (cells: (string | number | null)[]) => `| ${cells.map((c) => c ?? "–").join(" | ")} |`;
console.log(
  [
    `trace bench: ${graph.size} claims; holder ${HOLDER} admits ${sub.size} linkages, any holder ${anySub.size}; ` +
      `${report.machine.cpu} ×${report.machine.cpus}, node ${process.version}, load ${report.machine.loadAverage.join(" → ")}`,
    "",
    row(["query (ms per query, median)", "ours", "allSimplePaths", "ours / baseline", "paths per query"]),
    row(["---", "---:", "---:", "---:", "---:"]),
    row([
      `trace, depth ${TRACE_DEPTH}, holder`,
      report.trace.oursMs,
      report.trace.baselineMs,
      report.trace.ratio,
      report.trace.pathsPerQuery,
    ]),
    row([
      `findPaths, ${PATH_DEPTH} hops, holder`,
      report.findPaths.oursMs,
      report.findPaths.baselineMs,
      report.findPaths.ratio,
      report.findPaths.pathsPerQuery,
    ]),
    row([
      `findPaths, ${PATH_DEPTH} hops, any holder`,
      report.findPathsAnyHolder.oursMs,
      report.findPathsAnyHolder.baselineMs,
      report.findPathsAnyHolder.ratio,
      report.findPathsAnyHolder.pathsPerQuery,
    ]),
    "",
    row([
      "trace depth",
      "holder: ours",
      "baseline",
      "ratio",
      "paths",
      "any holder: ours",
      "baseline",
      "ratio",
      "paths",
    ]),
    row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...growth.map((g) =>
      row([
        g.depth,
        g.withHolder.oursMs,
        g.withHolder.baselineMs,
        g.withHolder.ratio,
        g.withHolder.pathsPerQuery,
        g.anyHolder.oursMs,
        g.anyHolder.baselineMs,
        g.anyHolder.ratio,
        g.anyHolder.pathsPerQuery,
      ]),
    ),
    "",
    `cold: first trace ${coldTraceMs} ms, first findPaths ${coldPathsMs} ms on a fresh graph; ` +
      `the baseline's filtered subgraph takes ${report.filter.subgraphBuildMs} ms to build (not counted)`,
    `target (${report.target}): ${report.met ? "met" : "NOT met"}`,
  ].join("\n"),
);
if (!report.met) process.exitCode = 1;
