// Benchmark of issue 6: compare() on a seeded graph of 100,000 claims and 20 holders against one full pass
// over the claims (graph.forEachEdge reading the attributes), same run; target under 5×. `npm run
// bench:perspectives` writes bench/results/perspectives.json; it exits 0 either way (load moves the figure).
import os from "node:os";
import { compare } from "../src/graph/perspectives.ts";
import { syntheticGraph } from "../src/graph/synthetic.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { describeProcessor } from "./machine.ts";
import { writeResult } from "./results.ts";
import { round as roundTo, type Sample, sampleMedians, time } from "./stats.ts";

const GRAPH = { nodes: 10_000, claims: 100_000, holders: 20, seed: 1 } as const;
const HOLDERS = ["actor:n0", "actor:n1"] as const;
const WARM_UP = 5;
const REPS = 31;
const TARGET_RATIO = 5;

/** The baseline: one pass over every claim that reads its attributes (the objects, not their values). */
function fullPass(graph: LinkageGraph): number {
  let touched = 0;
  graph.forEachEdge((_id, claim, source, target) => {
    touched += claim.heldBy.length + claim.findings.length + claim.relation.length;
    if (source === target) touched++;
  });
  return touched;
}

/** A heavier pass, for context: it also reads every holder id and finding reference, as compare must. */
function valuesPass(graph: LinkageGraph): number {
  let touched = 0;
  graph.forEachEdge((_id, claim, source, target) => {
    touched += claim.relation.length + (source === target ? 1 : 0);
    for (const holder of claim.heldBy) touched += holder.length;
    for (const ref of claim.findings) touched += ref.length;
  });
  return touched;
}

const graph = syntheticGraph(GRAPH);
let sink = 0;
const runs = {
  fullPass: () => {
    sink += fullPass(graph);
  },
  valuesPass: () => {
    sink += valuesPass(graph);
  },
  compare: () => {
    sink += compare(graph, HOLDERS[0], HOLDERS[1]).disagreements.length;
  },
};
const samples: Record<keyof typeof runs, Sample[]> = { fullPass: [], valuesPass: [], compare: [] };
for (let i = 0; i < WARM_UP + REPS; i++) {
  // Interleaved, so that drift in the machine's speed falls on every measure alike.
  for (const [name, run] of Object.entries(runs) as [keyof typeof runs, () => void][]) {
    const { sample } = time(run);
    if (i >= WARM_UP) samples[name].push(sample);
  }
}
const medians = (name: keyof typeof runs) => {
  const { wallMs, cpuMs } = sampleMedians(samples[name]);
  return { wallMs: round(wallMs), cpuMs: round(cpuMs) };
};

const result = compare(graph, HOLDERS[0], HOLDERS[1]);
const compareTime = medians("compare");
const passTime = medians("fullPass");
const valuesTime = medians("valuesPass");
const ratio = round(compareTime.wallMs / passTime.wallMs);
const report = {
  benchmark: "perspectives",
  date: new Date().toISOString(),
  machine: {
    ...describeProcessor(),
    loadAverage: os.loadavg().map(round),
  },
  graph: { ...GRAPH, order: graph.order, size: graph.size },
  method: `medians of ${REPS} interleaved repetitions after ${WARM_UP} warm-up runs; wall clock and process CPU time`,
  compare: {
    holders: HOLDERS,
    ...compareTime,
    counts: {
      agreements: result.agreements.length,
      disagreements: result.disagreements.length,
      onlyA: result.onlyA.length,
      onlyB: result.onlyB.length,
    },
  },
  fullPass: { ...passTime, reads: "heldBy.length, findings.length, relation.length, source, target" },
  valuesPass: { ...valuesTime, reads: "relation, every holder id and finding reference, source, target" },
  ratio,
  ratioCpu: round(compareTime.cpuMs / passTime.cpuMs),
  ratioToValuesPass: round(compareTime.wallMs / valuesTime.wallMs),
  target: `compare < ${TARGET_RATIO}× one full pass (wall clock)`,
  met: ratio < TARGET_RATIO,
  sink,
};

function round(value: number): number {
  return roundTo(value, 3);
}

writeResult("perspectives", report);
console.log(
  `perspectives: compare ${compareTime.wallMs} ms vs one pass ${passTime.wallMs} ms over ${graph.size} claims → ` +
    `${ratio}× (CPU time ${report.ratioCpu}×; ${report.ratioToValuesPass}× a pass reading every holder id); ` +
    `target < ${TARGET_RATIO}×: ${report.met ? "met" : "NOT met"}`,
);
