// The part of a graph that a view shows, as a new graph: the given nodes, and the given claims whose
// two ends are among them. Used by the explorer's "only what is visible" export; filters, a trace or
// a lens each describe what they show as the same pair of id sets. Pure: the graph is not changed.
import { MultiDirectedGraph } from "graphology";
import { InvalidArgumentError } from "./errors.ts";
import type { LinkageGraph } from "./types.ts";

export interface VisibleItems {
  nodes: ReadonlySet<string>;
  claims: ReadonlySet<string>;
}

/**
 * A new graph holding the visible nodes and claims with copies of their attributes. A claim whose
 * end is not visible is left out, so the result is always a valid graph. A source is kept when a
 * kept claim comes from it (or a kept node comes from it alone); a node's list of sources keeps the
 * kept ones; a source keeps the findings that kept claims cite (all of them when none is cited).
 * A node's `about` keeps the kept nodes. A proposition whose tie to its subject is not kept loses the
 * `proposition` mark, which a file may only carry with that tie (the label still reads as a statement).
 * Holders that are hidden are kept as written (a claim says
 * who holds it), so a view that hides a claim's holder is not a valid curated file on its own.
 */
export function visibleSubgraph(graph: LinkageGraph, visible: VisibleItems): LinkageGraph {
  if (!graph || typeof graph.forEachNode !== "function") {
    throw new InvalidArgumentError("visibleSubgraph: the first argument must be a graphology graph");
  }
  if (!(visible?.nodes instanceof Set) || !(visible.claims instanceof Set)) {
    throw new InvalidArgumentError("visibleSubgraph: visible must hold two sets, nodes and claims");
  }
  const subgraph: LinkageGraph = new MultiDirectedGraph();
  graph.forEachNode((node, attributes) => {
    if (visible.nodes.has(node)) subgraph.addNode(node, structuredClone(attributes));
  });
  // Sources that a kept claim comes from; a node defined by several keeps those among them, so no
  // source is listed only because a node it shares with another is shown.
  const usedSources = new Set<string>();
  graph.forEachEdge((claim, attributes, source, target) => {
    if (!visible.claims.has(claim) || !subgraph.hasNode(source) || !subgraph.hasNode(target)) return;
    subgraph.addDirectedEdgeWithKey(claim, source, target, structuredClone(attributes));
    usedSources.add(attributes.sourceId);
  });
  const tied = new Set<string>();
  subgraph.forEachEdge((_claim, attributes, source, target) => {
    if (attributes.relation !== "links-to") return;
    if (subgraph.getNodeAttribute(target, "kind") !== "actor") tied.add(source);
    if (subgraph.getNodeAttribute(source, "kind") !== "actor") tied.add(target);
  });
  subgraph.updateEachNodeAttributes((node, attributes) => {
    const kept = attributes.sources.filter((source) => usedSources.has(source));
    if (kept.length === 0) for (const source of attributes.sources) usedSources.add(source);
    let next = kept.length === 0 ? attributes : { ...attributes, sources: kept };
    if (next.proposition && !tied.has(node)) {
      const { proposition: _untied, ...rest } = next;
      next = rest;
    }
    // `about` points into the graph; a hidden node is not in this one.
    if (!next.about) return next;
    const about = next.about.filter((ref) => subgraph.hasNode(ref));
    if (about.length === next.about.length) return next;
    const { about: _dropped, ...rest } = next;
    return about.length ? { ...rest, about } : rest;
  });
  // A source lists only the findings its kept claims cite: a curated file may hold no uncited finding.
  const cited = new Set<string>();
  subgraph.forEachEdge((_claim, attributes) => {
    for (const ref of attributes.findings) cited.add(ref);
  });
  const sources = graph
    .getAttribute("sources")
    .filter((source) => usedSources.has(source.id))
    .map((source) => {
      const findings = source.findings.filter((finding) => cited.has(`${source.id}#${finding.id}`));
      return structuredClone(findings.length > 0 ? { ...source, findings } : source);
    });
  subgraph.replaceAttributes({ sources });
  return subgraph;
}
