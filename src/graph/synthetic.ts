// Seeded synthetic graphs in the project's own shape, for benchmarks: actors hold stances on issues
// and treaties, and issues are tied by linkages. Same options, same graph, on every run.
import { MultiDirectedGraph } from "graphology";
import type { NodeKind, Relation } from "../model/vocabulary.ts";
import { seededRandom } from "./random.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "./types.ts";

export interface SyntheticOptions {
  nodes: number;
  claims: number;
  /** Number of actors that hold claims; they are the first nodes. */
  holders?: number;
  /** Findings in the one synthetic source. */
  findings?: number;
  seed?: number;
  /** Share of claims that are stances (supports/opposes); the rest are linkages. */
  stanceShare?: number;
}

export const SYNTHETIC_SOURCE_ID = "synthetic";

export function syntheticGraph(options: SyntheticOptions): LinkageGraph {
  const { nodes, claims, holders = 20, findings = 12, seed = 1, stanceShare = 0.4 } = options;
  if (holders < 1 || holders >= nodes)
    throw new RangeError("need at least one holder and one non-actor node");
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({
    sources: [
      {
        id: SYNTHETIC_SOURCE_ID,
        title: "Synthetic benchmark source",
        publisher: "Linkage Atlas benchmarks",
        date: "2026",
        findings: Array.from({ length: findings }, (_, i) => ({
          id: `F${i + 1}`,
          summary: `Synthetic finding ${i + 1}.`,
          opening: `Synthetic finding ${i + 1}`,
        })),
      },
    ],
  });
  const ids: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const kind: NodeKind = i < holders ? "actor" : random() < 0.8 ? "issue" : "treaty";
    const id = `${kind}:n${i}`;
    ids.push(id);
    graph.addNode(id, {
      kind,
      label: `${kind === "actor" ? "Actor" : kind === "issue" ? "Issue" : "Treaty"} ${i}`,
      aliases: [],
      description: `Synthetic ${kind} ${i}.`,
      sources: [SYNTHETIC_SOURCE_ID],
      x: random() * 1000,
      y: random() * 1000,
      size: 3,
    });
  }
  const others = nodes - holders;
  for (let c = 0; c < claims; c++) {
    const stance = random() < stanceShare;
    const first = pick(holders);
    const heldBy = [`actor:n${first}`];
    if (random() < 0.2) {
      const second = pick(holders);
      if (second !== first) heldBy.push(`actor:n${second}`);
    }
    const finding = `${SYNTHETIC_SOURCE_ID}#F${1 + pick(findings)}`;
    let source: string;
    let target: string;
    let relation: Relation;
    if (stance) {
      source = heldBy[0] as string;
      target = ids[holders + pick(others)] as string;
      relation = random() < 0.5 ? "supports" : "opposes";
    } else {
      source = ids[holders + pick(others)] as string;
      do target = ids[holders + pick(others)] as string;
      while (target === source);
      relation = "links-to";
    }
    graph.addDirectedEdgeWithKey(`c${c}`, source, target, {
      relation,
      heldBy,
      attribution: "stated",
      modality: "asserted",
      findings: [finding],
      evidence: `synthetic claim ${c}`,
      note: `Synthetic claim ${c}.`,
      sourceId: SYNTHETIC_SOURCE_ID,
    });
  }
  return graph;
}
