// Linkage tracing and paths over the claim graph: which nodes a holder ties to a target, every chain
// of claims between two nodes, and the shortest one. Pure: reads a LinkageGraph and returns plain
// records (records.ts); runs in Node and in the browser.
//
// What an analyst expects, and so what this module does:
// - A path is a sequence of claims, not of nodes. Two parallel claims between the same pair (say one
//   "contingent on", one "will matter more and more in") are two different arguments with their own
//   qualifiers and findings, so they give two paths. Nodes never repeat on a path (simple paths), which
//   is how cycles end.
// - Every requested relation is followed in both directions. Being tied is mutual, so links-to must
//   be; for stances the backward step is what answers "who opposes this?" from an issue, the forward
//   one "what else does this actor support?" from an actor. Each step keeps its claim untouched, so
//   the original direction and qualifier are never lost: `pathSteps` says which way each step went.
// - With a holder, a path uses only claims whose heldBy includes the holder. A shared claim counts
//   for each of its holders.
// - The search is a bounded depth-first walk over each node's admitted claims, filtered lazily and
//   memoized per query. graphology-simple-path only walks one source-target pair at a time over a whole
//   graph, so using it here would mean copying a filtered graph on every query and walking once per
//   reached node; tests use it as the oracle and bench/trace.bench.ts as the baseline.
import type { NodeKind, Relation } from "../model/vocabulary.ts";
import { RELATIONS } from "../model/vocabulary.ts";
import { InvalidArgumentError, UnknownNodeError } from "./errors.ts";
import { type ClaimRecord, claimRecord } from "./records.ts";
import { suggestIds } from "./suggest.ts";
import type { LinkageGraph } from "./types.ts";

/** Bounds of a trace's depth and of findPaths' maxDepth, shared with the CLI and the UI. */
export const TRACE_DEPTH = { min: 1, max: 6, default: 2 } as const;
export const DEFAULT_TRACE_RELATIONS: readonly Relation[] = ["links-to"];

/** Labels sort as a reader expects ("NPT" after "Nonproliferation…"), the same in every runtime. */
const LABEL_ORDER = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export interface ClaimFilter {
  /** An actor id: only claims this actor holds. Absent or null: any holder. */
  holder?: string | null;
  /** Relations a path may use; defaults to links-to only. */
  relations?: readonly Relation[];
}

export interface TraceOptions extends ClaimFilter {
  target: string;
  /** Longest path, in claims: 1 to 6, default 2. */
  depth?: number;
}

export interface FindPathsOptions extends ClaimFilter {
  /** Longest path, in claims: 1 to 6. */
  maxDepth: number;
}

export interface LinkagePath {
  /** The nodes along the path, from its start; one more than its claims. */
  nodes: string[];
  /** The claim taken at each step, as stored: its own source, target and qualifier. */
  claims: ClaimRecord[];
}

export interface TraceResult {
  node: string;
  label: string;
  kind: NodeKind;
  /** Length of the shortest admitted path from the target. */
  distance: number;
  /** Every simple path up to the depth that ends here, shortest first. */
  paths: LinkagePath[];
}

export interface Trace {
  target: string;
  holder: string | null;
  depth: number;
  relations: Relation[];
  /** Sorted by distance, then label; the target itself is never a result. */
  results: TraceResult[];
}

export interface PathStep {
  from: string;
  to: string;
  claim: ClaimRecord;
  /** True when the step follows the claim from its source to its target. */
  forward: boolean;
}

/** The steps of a path, each with the way it follows its claim. */
export function pathSteps(path: LinkagePath): PathStep[] {
  return path.claims.map((claim, i) => {
    const from = path.nodes[i] as string;
    return { from, to: path.nodes[i + 1] as string, claim, forward: claim.source === from };
  });
}

export function traceLinkages(graph: LinkageGraph, options: TraceOptions): Trace {
  const target = requireNode(graph, options.target, "target");
  const depth = checkDepth("depth", options.depth ?? TRACE_DEPTH.default);
  const filter = checkFilter(graph, options);
  const stepsOf = admittedSteps(graph, filter);

  const reached = new Map<string, RawPath[]>();
  const nodes = [target];
  const claims: string[] = [];
  const onPath = new Set(nodes);
  const walk = (node: string) => {
    for (const step of stepsOf(node)) {
      if (onPath.has(step.node)) continue;
      nodes.push(step.node);
      claims.push(step.claim);
      const found = reached.get(step.node);
      const path = { nodes: nodes.slice(), claims: claims.slice() };
      if (found) found.push(path);
      else reached.set(step.node, [path]);
      if (claims.length < depth) {
        onPath.add(step.node);
        walk(step.node);
        onPath.delete(step.node);
      }
      nodes.pop();
      claims.pop();
    }
  };
  walk(target);

  const records = recordMaker(graph);
  const results: TraceResult[] = [];
  for (const [node, paths] of reached) {
    const attributes = graph.getNodeAttributes(node);
    sortPaths(graph, paths);
    results.push({
      node,
      label: attributes.label,
      kind: attributes.kind,
      distance: (paths[0] as RawPath).claims.length,
      paths: paths.map(records),
    });
  }
  results.sort(
    (a, b) => a.distance - b.distance || LABEL_ORDER.compare(a.label, b.label) || compareText(a.node, b.node),
  );
  return { target, holder: filter.holder, depth, relations: filter.relations, results };
}

/** Every simple path from `from` to `to` of at most `maxDepth` claims, shortest first. */
export function findPaths(
  graph: LinkageGraph,
  from: string,
  to: string,
  options: FindPathsOptions,
): LinkagePath[] {
  requireNode(graph, from, "from");
  requireNode(graph, to, "to");
  if (from === to) throw new InvalidArgumentError(`"from" and "to" are the same node, "${from}"`);
  const maxDepth = checkDepth("maxDepth", options.maxDepth);
  const stepsOf = admittedSteps(graph, checkFilter(graph, options));

  // Distances to `to`, up to the depth that can still matter: a node farther than the steps left
  // cannot finish a path, whatever route the walk takes, so it is never entered.
  const toGo = distancesFrom(stepsOf, to, maxDepth - 1);
  const found: RawPath[] = [];
  const nodes = [from];
  const claims: string[] = [];
  const onPath = new Set(nodes);
  const walk = (node: string) => {
    const left = maxDepth - claims.length - 1;
    for (const step of stepsOf(node)) {
      if (step.node === to) {
        found.push({ nodes: [...nodes, to], claims: [...claims, step.claim] });
        continue;
      }
      if (onPath.has(step.node)) continue;
      const remaining = toGo.get(step.node);
      if (remaining === undefined || remaining > left) continue;
      nodes.push(step.node);
      claims.push(step.claim);
      onPath.add(step.node);
      walk(step.node);
      onPath.delete(step.node);
      nodes.pop();
      claims.pop();
    }
  };
  walk(from);
  sortPaths(graph, found);
  return found.map(recordMaker(graph));
}

/** One shortest admitted path from `from` to `to` (breadth first, in the graph's claim order), or null. */
export function shortestPath(
  graph: LinkageGraph,
  from: string,
  to: string,
  options: ClaimFilter = {},
): LinkagePath | null {
  requireNode(graph, from, "from");
  requireNode(graph, to, "to");
  if (from === to) throw new InvalidArgumentError(`"from" and "to" are the same node, "${from}"`);
  const stepsOf = admittedSteps(graph, checkFilter(graph, options));
  const cameBy = new Map<string, { node: string; claim: string } | null>([[from, null]]);
  let frontier = [from];
  while (frontier.length && !cameBy.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const step of stepsOf(node)) {
        if (cameBy.has(step.node)) continue;
        cameBy.set(step.node, { node, claim: step.claim });
        next.push(step.node);
      }
    }
    frontier = next;
  }
  if (!cameBy.has(to)) return null;
  const path: RawPath = { nodes: [to], claims: [] };
  for (let back = cameBy.get(to); back; back = cameBy.get(back.node)) {
    path.nodes.push(back.node);
    path.claims.push(back.claim);
  }
  path.nodes.reverse();
  path.claims.reverse();
  return recordMaker(graph)(path);
}

interface Step {
  claim: string;
  /** The node at the other end of the claim. */
  node: string;
}

interface RawPath {
  nodes: string[];
  claims: string[];
}

interface CheckedFilter {
  holder: string | null;
  relations: Relation[];
}

/** Each node's admitted claims, in both directions, read from the graph once per node and query. */
function admittedSteps(graph: LinkageGraph, { holder, relations }: CheckedFilter) {
  const wanted = new Set<string>(relations);
  const cache = new Map<string, Step[]>();
  return (node: string): Step[] => {
    const cached = cache.get(node);
    if (cached) return cached;
    const steps: Step[] = [];
    graph.forEachOutEdge(node, (claim, attributes, _source, target) => {
      if (wanted.has(attributes.relation) && (holder === null || attributes.heldBy.includes(holder)))
        steps.push({ claim, node: target });
    });
    graph.forEachInEdge(node, (claim, attributes, source) => {
      if (wanted.has(attributes.relation) && (holder === null || attributes.heldBy.includes(holder)))
        steps.push({ claim, node: source });
    });
    cache.set(node, steps);
    return steps;
  };
}

/** Breadth-first distances from `start`, over admitted claims, up to `limit` steps. */
function distancesFrom(stepsOf: (node: string) => Step[], start: string, limit: number): Map<string, number> {
  const distance = new Map([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= limit && frontier.length; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const step of stepsOf(node)) {
        if (distance.has(step.node)) continue;
        distance.set(step.node, d);
        next.push(step.node);
      }
    }
    frontier = next;
  }
  return distance;
}

/** Turns raw paths into records; one ClaimRecord object per claim and query, shared by its paths. */
function recordMaker(graph: LinkageGraph) {
  const claims = new Map<string, ClaimRecord>();
  const record = (id: string) => {
    let found = claims.get(id);
    if (!found) {
      found = claimRecord(graph, id);
      claims.set(id, found);
    }
    return found;
  };
  return (path: RawPath): LinkagePath => ({ nodes: path.nodes, claims: path.claims.map(record) });
}

/** Shortest first, then by the labels along the way, then by claim id: stable across runs. */
function sortPaths(graph: LinkageGraph, paths: RawPath[]): void {
  if (paths.length < 2) return;
  const label = (id: string) => graph.getNodeAttribute(id, "label");
  paths.sort((a, b) => {
    if (a.claims.length !== b.claims.length) return a.claims.length - b.claims.length;
    for (let i = 1; i < a.nodes.length; i++) {
      const x = a.nodes[i] as string;
      const y = b.nodes[i] as string;
      if (x !== y) return LABEL_ORDER.compare(label(x), label(y)) || compareText(x, y);
    }
    for (let i = 0; i < a.claims.length; i++) {
      const order = compareText(a.claims[i] as string, b.claims[i] as string);
      if (order) return order;
    }
    return 0;
  });
}

/** Ids and claim ids sort by code unit: plain, total and locale-free. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireNode(graph: LinkageGraph, id: string, role: string, kind?: NodeKind): string {
  if (typeof id !== "string" || !id) throw new InvalidArgumentError(`${role}: expected a node id`);
  if (graph.hasNode(id)) return id;
  const candidates: { id: string; label: string }[] = [];
  graph.forEachNode((key, attributes) => {
    if (kind === undefined || attributes.kind === kind) candidates.push({ id: key, label: attributes.label });
  });
  throw new UnknownNodeError(id, suggestIds(id, candidates));
}

function checkDepth(name: string, depth: unknown): number {
  if (
    typeof depth !== "number" ||
    !Number.isInteger(depth) ||
    depth < TRACE_DEPTH.min ||
    depth > TRACE_DEPTH.max
  )
    throw new InvalidArgumentError(
      `${name} must be a whole number from ${TRACE_DEPTH.min} to ${TRACE_DEPTH.max}, got ${String(depth)}`,
    );
  return depth;
}

function checkFilter(
  graph: LinkageGraph,
  { holder = null, relations = DEFAULT_TRACE_RELATIONS }: ClaimFilter,
) {
  if (holder !== null) {
    requireNode(graph, holder, "holder", "actor");
    if (graph.getNodeAttribute(holder, "kind") !== "actor")
      throw new InvalidArgumentError(`holder "${holder}" is not an actor; only actors hold claims`);
  }
  if (!Array.isArray(relations) || relations.length === 0)
    throw new InvalidArgumentError(`relations must name at least one of ${RELATIONS.join(", ")}`);
  const unknown = relations.filter((r) => !(RELATIONS as readonly string[]).includes(r));
  if (unknown.length)
    throw new InvalidArgumentError(
      `unknown relation ${unknown.map((r) => `"${r}"`).join(", ")}; expected ${RELATIONS.join(", ")}`,
    );
  // The vocabulary's order, each once, so the same filter always reads the same.
  const checked: CheckedFilter = { holder, relations: RELATIONS.filter((r) => relations.includes(r)) };
  return checked;
}
