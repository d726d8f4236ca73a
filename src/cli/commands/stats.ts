// `linkage stats`: counts of nodes by kind and of claims by relation, attribution, modality, holder and
// finding.
import { z } from "zod";
import { findingIndex } from "../../graph/build.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { ATTRIBUTIONS, MODALITIES, NODE_KINDS, RELATIONS } from "../../model/vocabulary.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import { readGraph } from "../io.ts";
import { reportProblems } from "./shared.ts";

/** Claims of an imported graph whose file did not say their attribution or modality. */
const UNRECORDED = "unrecorded";

const zeroes = (keys: readonly string[]) =>
  Object.fromEntries([...keys, UNRECORDED].map((k) => [k, 0])) as Record<string, number>;

export function graphStats(graph: LinkageGraph) {
  const byKind = Object.fromEntries(NODE_KINDS.map((k) => [k, 0])) as Record<string, number>;
  graph.forEachNode((_id, a) => {
    byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  });
  const byRelation = Object.fromEntries(RELATIONS.map((r) => [r, 0])) as Record<string, number>;
  const byAttribution = zeroes(ATTRIBUTIONS);
  const byModality = zeroes(MODALITIES);
  const byHolder: Record<string, number> = {};
  const byFinding = Object.fromEntries([...findingIndex(graph).keys()].map((ref) => [ref, 0])) as Record<
    string,
    number
  >;
  let shared = 0;
  graph.forEachEdge((_id, a) => {
    byRelation[a.relation] = (byRelation[a.relation] ?? 0) + 1;
    const attribution = a.attribution ?? UNRECORDED;
    byAttribution[attribution] = (byAttribution[attribution] ?? 0) + 1;
    const modality = a.modality ?? UNRECORDED;
    byModality[modality] = (byModality[modality] ?? 0) + 1;
    for (const holder of a.heldBy) byHolder[holder] = (byHolder[holder] ?? 0) + 1;
    if (a.heldBy.length > 1) shared++;
    for (const ref of a.findings) byFinding[ref] = (byFinding[ref] ?? 0) + 1;
  });
  return {
    sources: graph
      .getAttribute("sources")
      .map((s) => ({ id: s.id, title: s.title, findings: s.findings.length })),
    nodes: { total: graph.order, byKind },
    claims: {
      total: graph.size,
      byRelation,
      byAttribution,
      byModality,
      byHolder,
      sharedByTwoOrMore: shared,
      byFinding,
    },
  };
}

export const stats = defineCommand({
  summary: "Count nodes by kind, and claims by relation, attribution, modality, holder and finding",
  usage: "stats [--json]",
  options: {},
  values: z.object({}),
  positionals: [0, 0],
  run({ json, io }) {
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const s = graphStats(loaded.graph);
    if (json) {
      printJson(io, s);
      return EXIT.ok;
    }
    const labels = new Map(loaded.graph.mapNodes((id, a) => [id, a.label] as const));
    const table = (rows: [string, number][]) => {
      const width = Math.max(...rows.map(([k]) => k.length));
      return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(3)}`).join("\n");
    };
    io.out(`Sources: ${s.sources.map((x) => `${x.id} (${x.findings} findings)`).join(", ")}`);
    io.out(`\nNodes: ${s.nodes.total}\n${table(Object.entries(s.nodes.byKind))}`);
    io.out(`\nClaims: ${s.claims.total}\n${table(Object.entries(s.claims.byRelation))}`);
    // The unrecorded row only when an imported graph left some claims unsaid.
    const recorded = (counts: Record<string, number>) =>
      Object.entries(counts).filter(([k, v]) => k !== UNRECORDED || v > 0);
    io.out(`\nClaims by attribution:\n${table(recorded(s.claims.byAttribution))}`);
    io.out(`\nClaims by modality:\n${table(recorded(s.claims.byModality))}`);
    io.out(
      `\nClaims by holder (a shared claim counts for each holder; ${s.claims.sharedByTwoOrMore} are shared):\n${table(
        Object.entries(s.claims.byHolder)
          .sort((a, b) => b[1] - a[1])
          .map(([id, n]) => [`${labels.get(id) ?? id} (${id})`, n]),
      )}`,
    );
    io.out(`\nClaims per finding:\n${table(Object.entries(s.claims.byFinding))}`);
    return EXIT.ok;
  },
});
