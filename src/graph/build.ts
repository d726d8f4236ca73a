// Builds one graphology multi-graph from checked sources: the same node id in several files is the
// same node (first label and description win, aliases and sources merge). Callers check integrity first.
import { MultiDirectedGraph } from "graphology";
import { qualifyFinding } from "../model/schema.ts";
import type { AnyLoadedSource } from "./load.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "./types.ts";

export function buildGraph(sources: readonly Pick<AnyLoadedSource, "data">[]): LinkageGraph {
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({ sources: sources.map(({ data }) => data.source) });
  for (const { data } of sources) {
    for (const node of data.nodes) {
      if (graph.hasNode(node.id)) {
        graph.updateNodeAttributes(node.id, (current) => ({
          ...current,
          aliases: [...new Set([...current.aliases, ...(node.aliases ?? [])])],
          sources: [...current.sources, data.source.id],
        }));
        continue;
      }
      const attributes: NodeAttributes = {
        kind: node.kind,
        label: node.label,
        aliases: node.aliases ?? [],
        description: node.description ?? "",
        sources: [data.source.id],
      };
      if (node.about) attributes.about = node.about;
      if (node.proposition) attributes.proposition = true;
      // Imported graphs may carry the other tool's layout and attributes.
      if ("x" in node && typeof node.x === "number") attributes.x = node.x;
      if ("y" in node && typeof node.y === "number") attributes.y = node.y;
      if ("size" in node && typeof node.size === "number") attributes.size = node.size;
      if (node.attributes) attributes.attributes = node.attributes;
      graph.addNode(node.id, attributes);
    }
  }
  for (const { data } of sources) {
    for (const claim of data.claims) {
      const attributes: ClaimAttributes = {
        relation: claim.relation,
        heldBy: claim.heldBy ?? [],
        findings: (claim.findings ?? []).map((ref) => qualifyFinding(ref, data.source.id)),
        note: claim.note ?? "",
        sourceId: data.source.id,
      };
      if (claim.attribution) attributes.attribution = claim.attribution;
      if (claim.modality) attributes.modality = claim.modality;
      if (claim.disputedBy) attributes.disputedBy = claim.disputedBy;
      if (claim.evidence) attributes.evidence = claim.evidence;
      if (claim.qualifier) attributes.qualifier = claim.qualifier;
      if (claim.speaker) attributes.speaker = claim.speaker;
      if (claim.attributes) attributes.attributes = claim.attributes;
      graph.addDirectedEdgeWithKey(claim.id, claim.source, claim.target, attributes);
    }
  }
  return graph;
}

export interface FindingRecord {
  ref: string;
  sourceId: string;
  id: string;
  summary: string;
  sourceTitle: string;
}

/** Every finding of the graph's sources by qualified reference, in source then finding order. */
export function findingIndex(graph: LinkageGraph): Map<string, FindingRecord> {
  const index = new Map<string, FindingRecord>();
  for (const source of graph.getAttribute("sources")) {
    for (const finding of source.findings) {
      const ref = `${source.id}#${finding.id}`;
      index.set(ref, {
        ref,
        sourceId: source.id,
        id: finding.id,
        summary: finding.summary,
        sourceTitle: source.title,
      });
    }
  }
  return index;
}
