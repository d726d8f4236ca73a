// The part of a graph that a view shows, as a new graph that stands on its own: the given nodes, and
// the given claims whose two ends are among them, as sources renamed to say they are a part. Used by
// the explorer's "only what is visible" export; filters, a trace or a lens each describe what they show
// as the same pair of id sets. Pure: the graph is not changed. Calls graphology and schema.ts only.
import { MultiDirectedGraph } from "graphology";
import { type AnySourceMeta, isImported, MAX_IMPORTED_TEXT, splitFindingRef } from "../model/schema.ts";
import { InvalidArgumentError } from "./errors.ts";
import type { ClaimAttributes, LinkageGraph, NodeAttributes } from "./types.ts";

export interface VisibleItems {
  nodes: ReadonlySet<string>;
  claims: ReadonlySet<string>;
}

/** Why a visible claim or node is not in the subset: what a file of it could not hold. */
export type LeftOutReason =
  /** A hidden actor holds the claim, or is named as differing on it. */
  | "actor-hidden"
  /** No kept claim starts or ends at this node of a curated source. */
  | "no-claim";

/**
 * What to do with a kept claim that names a hidden actor (a holder, or an actor a document claim says
 * differs on it): leave the claim out, or keep the actor as a node although it was hidden.
 */
export type HiddenActors = "leave-out-claims" | "keep-actors";

export interface VisibleSubsetOptions {
  /**
   * "keep-actors" (the default) keeps every visible claim and its attribution whole, and brings back
   * the hidden actors it names as nodes (the loader's `orphan-node` rule counts an actor that holds or
   * disputes a claim as used). "leave-out-claims" leaves such claims out instead, for a file with no
   * node that was not visible.
   */
  hiddenActors?: HiddenActors;
}

export interface VisibleSubset {
  /** The subset, as a graph every writer accepts and whose project JSON passes `linkage validate`. */
  graph: LinkageGraph;
  /** Hidden actors kept as nodes because a kept claim names them ("keep-actors" only). */
  actorsKept: string[];
  /** Visible claims left out, each with why; empty when the subset is everything visible. */
  claimsLeftOut: { claim: string; reason: "actor-hidden"; actors: string[] }[];
  /** Visible nodes left out (a curated file holds no node without a claim). */
  nodesLeftOut: { node: string; reason: "no-claim" }[];
  /** Each kept source's id, and the id it has in the subset (`cns-us-china-2000-visible`). */
  sourceIds: Record<string, string>;
}

/** The words sources' ids and titles gain, so a subset's file is never taken for its whole source. */
export const SUBSET_SUFFIX = { id: "-visible", title: " (only what was visible)" } as const;

/**
 * A new graph holding the visible nodes and claims with copies of their attributes, ready to write as a
 * file that validates on its own.
 *
 * - A claim whose end is not visible is left out.
 * - A claim names actors (holders, and the actors a document claim says differ on it), and a curated
 *   file may not name an actor it does not define. When one of them is hidden, the actor is brought
 *   back as a node by default, so the claim keeps its holders and its attribution stays true (a file of
 *   what both sides agree on keeps both sides); `hiddenActors: "leave-out-claims"` leaves the claim out
 *   instead (see VisibleSubsetOptions).
 * - A node of a curated source with no kept claim is left out for the same rule; leaving it out may
 *   leave out claims it holds, and so on until nothing changes.
 * - What was left out, and why, is in the result, for the explorer to say.
 * - A source is kept when a kept claim comes from it (or a kept node comes from it alone); each kept
 *   source's id gets SUBSET_SUFFIX (ids, nodes' sources, claims' sourceId and finding references
 *   alike), and its title says it is a part. A source keeps the findings its kept claims cite.
 * - A node's `about` keeps the kept nodes; a proposition whose tie to its subject is not kept loses
 *   the `proposition` mark, which a file may only carry with that tie.
 */
export function visibleSubset(
  graph: LinkageGraph,
  visible: VisibleItems,
  options: VisibleSubsetOptions = {},
): VisibleSubset {
  if (!graph || typeof graph.forEachNode !== "function") {
    throw new InvalidArgumentError("visibleSubgraph: the first argument must be a graphology graph");
  }
  if (!(visible?.nodes instanceof Set) || !(visible.claims instanceof Set)) {
    throw new InvalidArgumentError("visibleSubgraph: visible must hold two sets, nodes and claims");
  }
  const hiddenActors = options.hiddenActors ?? "keep-actors";
  if (!Object.hasOwn(KEEP_ITEMS, hiddenActors)) {
    throw new InvalidArgumentError(
      `visibleSubgraph: hiddenActors must be ${Object.keys(KEEP_ITEMS).join(" or ")}`,
    );
  }
  const kept = KEEP_ITEMS[hiddenActors](graph, visible);
  const subgraph: LinkageGraph = new MultiDirectedGraph();
  graph.forEachNode((node, attributes) => {
    if (kept.nodes.has(node)) subgraph.addNode(node, structuredClone(attributes));
  });
  // Sources that a kept claim comes from; a node defined by several keeps those among them, so no
  // source is listed only because a node it shares with another is shown.
  const usedSources = new Set<string>();
  graph.forEachEdge((claim, attributes, source, target) => {
    if (!kept.claims.has(claim)) return;
    subgraph.addDirectedEdgeWithKey(claim, source, target, structuredClone(attributes));
    usedSources.add(attributes.sourceId);
  });
  trimNodes(subgraph, usedSources);
  const sourceIds = subsetIds(graph, usedSources);
  renameSources(subgraph, graph.getAttribute("sources"), sourceIds);
  return {
    graph: subgraph,
    actorsKept: kept.actorsKept,
    claimsLeftOut: kept.claimsLeftOut,
    nodesLeftOut: kept.nodesLeftOut,
    sourceIds: Object.fromEntries(sourceIds),
  };
}

/** visibleSubset's graph alone. */
export function visibleSubgraph(graph: LinkageGraph, visible: VisibleItems): LinkageGraph {
  return visibleSubset(graph, visible).graph;
}

type Kept = Pick<VisibleSubset, "actorsKept" | "claimsLeftOut" | "nodesLeftOut"> & {
  nodes: Set<string>;
  claims: Set<string>;
};

/** The actors a claim names: its holders and the actors it says differ on it. */
const namedActors = (graph: LinkageGraph, claim: string) => {
  const { heldBy, disputedBy } = graph.getEdgeAttributes(claim);
  return [...heldBy, ...(disputedBy ?? [])];
};

/** The visible nodes, and the visible claims whose two ends are among them. */
function visibleOnly(graph: LinkageGraph, visible: VisibleItems): Kept {
  const nodes = new Set([...visible.nodes].filter((node) => graph.hasNode(node)));
  const claims = new Set<string>();
  graph.forEachEdge((claim, _a, source, target) => {
    if (visible.claims.has(claim) && nodes.has(source) && nodes.has(target)) claims.add(claim);
  });
  return { nodes, claims, actorsKept: [], claimsLeftOut: [], nodesLeftOut: [] };
}

/**
 * Leaves out what a file could not hold, until nothing changes: a claim that names an actor no longer
 * kept, and a node of a curated source at neither end of a kept claim (nor named by one, when `named`).
 */
function settle(graph: LinkageGraph, kept: Kept, named: boolean): Kept {
  const { nodes, claims } = kept;
  const curated = new Set(
    graph
      .getAttribute("sources")
      .filter((source) => !isImported(source))
      .map((source) => source.id),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const claim of claims) {
      const actors = [...new Set(namedActors(graph, claim).filter((actor) => !nodes.has(actor)))];
      if (actors.length === 0) continue;
      claims.delete(claim);
      kept.claimsLeftOut.push({ claim, reason: "actor-hidden", actors });
      changed = true;
    }
    const used = new Set<string>();
    if (named) for (const claim of claims) for (const actor of namedActors(graph, claim)) used.add(actor);
    for (const node of nodes) {
      const { sources } = graph.getNodeAttributes(node);
      if (used.has(node) || !sources.some((source) => curated.has(source))) continue;
      if (graph.someEdge(node, (claim) => claims.has(claim))) continue;
      nodes.delete(node);
      kept.nodesLeftOut.push({ node, reason: "no-claim" });
      changed = true;
    }
  }
  return kept;
}

/** How each policy for hidden actors chooses what the subset keeps. */
const KEEP_ITEMS: Record<HiddenActors, (graph: LinkageGraph, visible: VisibleItems) => Kept> = {
  "leave-out-claims": (graph, visible) => settle(graph, visibleOnly(graph, visible), false),
  "keep-actors": (graph, visible) => {
    const kept = visibleOnly(graph, visible);
    for (const claim of kept.claims) {
      for (const actor of namedActors(graph, claim)) {
        if (kept.nodes.has(actor) || !graph.hasNode(actor)) continue;
        kept.nodes.add(actor);
        kept.actorsKept.push(actor);
      }
    }
    return settle(graph, kept, true);
  },
};

/** Nodes' sources, `about` and `proposition`, as the kept claims and nodes allow. */
function trimNodes(subgraph: LinkageGraph, usedSources: Set<string>): void {
  const tied = new Set<string>();
  subgraph.forEachEdge((_claim, attributes, source, target) => {
    if (attributes.relation !== "links-to") return;
    if (subgraph.getNodeAttribute(target, "kind") !== "actor") tied.add(source);
    if (subgraph.getNodeAttribute(source, "kind") !== "actor") tied.add(target);
  });
  subgraph.updateEachNodeAttributes((node, attributes) => {
    const kept = attributes.sources.filter((source) => usedSources.has(source));
    if (kept.length === 0) for (const source of attributes.sources) usedSources.add(source);
    let next: NodeAttributes = kept.length === 0 ? attributes : { ...attributes, sources: kept };
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
}

/** Each used source's id in the subset: with SUBSET_SUFFIX, and a number when that is taken. */
function subsetIds(graph: LinkageGraph, usedSources: ReadonlySet<string>): Map<string, string> {
  const taken = new Set(graph.getAttribute("sources").map((source) => source.id));
  const ids = new Map<string, string>();
  for (const source of graph.getAttribute("sources")) {
    if (!usedSources.has(source.id)) continue;
    let id = `${source.id}${SUBSET_SUFFIX.id}`;
    for (let n = 2; taken.has(id); n++) id = `${source.id}${SUBSET_SUFFIX.id}-${n}`;
    taken.add(id);
    ids.set(source.id, id);
  }
  return ids;
}

/** `source-id#F3` with the source's subset id. */
function renamedRef(ref: string, ids: ReadonlyMap<string, string>): string {
  const { source, finding } = splitFindingRef(ref);
  const id = ids.get(source);
  return id === undefined ? ref : `${id}#${finding}`;
}

/**
 * The kept sources, renamed, with the findings their kept claims cite (all of them when none is: a
 * source kept for a node alone), set on the subgraph, and every reference to them renamed alike.
 */
function renameSources(
  subgraph: LinkageGraph,
  sources: readonly AnySourceMeta[],
  ids: ReadonlyMap<string, string>,
): void {
  const rename = (id: string) => ids.get(id) ?? id;
  const cited = new Set<string>();
  subgraph.forEachEdge((_claim, attributes) => {
    for (const ref of attributes.findings) cited.add(ref);
  });
  const kept = sources
    .filter((source) => ids.has(source.id))
    .map((source): AnySourceMeta => {
      const findings = source.findings.filter((finding) => cited.has(`${source.id}#${finding.id}`));
      const max = isImported(source) ? MAX_IMPORTED_TEXT : 300;
      const title = `${source.title.slice(0, max - SUBSET_SUFFIX.title.length).trimEnd()}${SUBSET_SUFFIX.title}`;
      return structuredClone({
        ...source,
        id: rename(source.id),
        title,
        findings: findings.length > 0 ? findings : source.findings,
      });
    });
  subgraph.updateEachNodeAttributes((_node, attributes) => ({
    ...attributes,
    sources: attributes.sources.map(rename),
  }));
  subgraph.updateEachEdgeAttributes(
    (_claim, attributes): ClaimAttributes => ({
      ...attributes,
      sourceId: rename(attributes.sourceId),
      findings: attributes.findings.map((ref) => renamedRef(ref, ids)),
    }),
  );
  subgraph.replaceAttributes({ sources: kept });
}
