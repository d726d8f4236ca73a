// Linkage tracing and paths over the claim graph: which nodes a holder ties to a target, every chain
// of claims between two nodes, and the shortest one. Reads a LinkageGraph, never changes its nodes or claims, and returns
// plain records (records.ts); runs in Node and in the browser. It keeps no memory of its own: a caller that
// queries one graph many times (the explorer) owns a TraceCache, made by createTraceCache(graph) and
// ended with kill(), like graphology's FA2 supervisor; without one, each query builds what it needs:
// indexes that graphology's mutation events make it forget, so the same graph always gives the same answer.
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
//   for each of its holders. The document's own claims have no holders, so a holder's trace never uses
//   them; a trace for anyone does, since they are part of what the document says is tied.
// - With attribution "stated", a path uses only claims the document attributes to their holders: not
//   the document's own voice, not holders we inferred, nor imported edges that do not say.
// - With kinds, only nodes of those kinds are results, but a chain may pass through a node of any kind:
//   "which issues does China tie to arms sales?" may reach an issue through an actor.
// - The search is a bounded depth-first walk over each node's admitted claims, read lazily and
//   remembered per filter in the caller's TraceCache until the graph changes. graphology-simple-path
//   walks one source-target pair at a time over a whole graph, so a filtered trace built on it needs a
//   filtered copy of the graph and one walk per reached node; the tests use it as the oracle and
//   bench/trace.bench.ts as the baseline.
import type { NodeKind, Relation } from "../model/vocabulary.ts";
import { NODE_KINDS, RELATIONS } from "../model/vocabulary.ts";
import { InvalidArgumentError, UnknownNodeError } from "./errors.ts";
import { type ClaimRecord, claimRecord } from "./records.ts";
import { suggestIds } from "./suggest.ts";
import type { ClaimAttributes, LinkageGraph } from "./types.ts";

/** Bounds of a trace's depth and of findPaths' maxDepth, shared with the CLI and the UI. */
export const TRACE_DEPTH = { min: 1, max: 6, default: 2 } as const;
export const DEFAULT_TRACE_RELATIONS: readonly Relation[] = ["links-to"];

/** Labels sort as a reader expects ("NPT" after "Nonproliferation…"), the same in every runtime. */
const LABEL_ORDER = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The attributions a trace or path can be limited to. */
export const TRACE_ATTRIBUTIONS = ["stated"] as const;
export type TraceAttribution = (typeof TRACE_ATTRIBUTIONS)[number];

/** What a query may reuse from earlier queries on the same graph: see createTraceCache. */
export interface CacheOption {
  cache?: TraceCache | null;
}

export interface ClaimFilter extends CacheOption {
  /** An actor id: only claims this actor holds. Absent or null: any holder. */
  holder?: string | null;
  /** Relations a path may use; defaults to links-to only. */
  relations?: readonly Relation[];
  /** "stated": only claims whose attribution is "stated". Absent or null: any attribution. */
  attribution?: TraceAttribution | null;
}

export interface TraceOptions extends ClaimFilter {
  target: string;
  /** Longest path, in claims: 1 to 6, default 2. */
  depth?: number;
  /**
   * Only nodes of these kinds are results ("which issues does China tie…?"); chains still pass through
   * nodes of any kind. Absent or null: every kind.
   */
  kinds?: readonly NodeKind[] | null;
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
  /** "stated" when only stated claims were followed; null for any attribution. */
  attribution: TraceAttribution | null;
  /** The kinds a result may be, in vocabulary order; null for every kind. */
  kinds: NodeKind[] | null;
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
  const kinds = checkKinds(options.kinds ?? null);
  const memo = memoFor(graph, options.cache);
  const walk = new TraceWalk(admittedSteps(memo, graph, filter), target, depth);
  walk.from(target);

  const book = recordBook(memo, graph);
  const results: TraceResult[] = [];
  for (const [node, paths] of walk.reached) {
    const attributes = graph.getNodeAttributes(node);
    // The walk passed through every kind; only the asked-for kinds are answers.
    if (kinds && !kinds.includes(attributes.kind)) continue;
    sortPaths(memo, graph, paths);
    results.push({
      node,
      label: attributes.label,
      kind: attributes.kind,
      distance: (paths[0] as RawPath).claims.length,
      paths: book.paths(paths),
    });
  }
  const order = nodeOrder(memo, graph, results.length);
  results.sort((a, b) => a.distance - b.distance || order(a.node, b.node));
  return {
    target,
    holder: filter.holder,
    depth,
    relations: filter.relations,
    attribution: filter.attribution,
    kinds,
    results,
  };
}

/** Every simple path from `from` to `to` of at most `maxDepth` claims, shortest first. */
export function findPaths(
  graph: LinkageGraph,
  from: string,
  to: string,
  options: FindPathsOptions,
): LinkagePath[] {
  checkEnds(graph, from, to);
  const maxDepth = checkDepth("maxDepth", options.maxDepth);
  const memo = memoFor(graph, options.cache);
  const steps = admittedSteps(memo, graph, checkFilter(graph, options));
  // Distances to `to` up to half the depth, found breadth first: in the second half of a path the walk
  // never enters a node farther from `to` than the steps it has left, since no route from there can
  // finish in time. Half is the balance: the first half walks unpruned, the second barely at all.
  const horizon = Math.floor(maxDepth / 2);
  const walk = new PathWalk(steps, from, to, maxDepth, horizon, distancesFrom(steps, to, horizon));
  walk.from(from);
  sortPaths(memo, graph, walk.found);
  return recordBook(memo, graph).paths(walk.found);
}

/** One shortest admitted path from `from` to `to` (breadth first, in the graph's claim order), or null. */
export function shortestPath(
  graph: LinkageGraph,
  from: string,
  to: string,
  options: ClaimFilter = {},
): LinkagePath | null {
  checkEnds(graph, from, to);
  const memo = memoFor(graph, options.cache);
  const steps = admittedSteps(memo, graph, checkFilter(graph, options));
  const cameBy = new Map<string, { node: string; claim: string } | null>([[from, null]]);
  spread(steps, from, cameBy, (node, step) => ({ node, claim: step.claim }), {
    levels: Number.POSITIVE_INFINITY,
    until: () => cameBy.has(to),
  });
  if (!cameBy.has(to)) return null;
  const path: RawPath = { nodes: [to], claims: [] };
  for (let back = cameBy.get(to); back; back = cameBy.get(back.node)) {
    path.nodes.push(back.node);
    path.claims.push(back.claim);
  }
  path.nodes.reverse();
  path.claims.reverse();
  return recordBook(memo, graph).path(path);
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
  attribution: TraceAttribution | null;
}

// The walks below are classes with plain loops rather than nested closures: a query may run on every
// hover, and closures made per call cost more than the walk itself on small neighbourhoods.

/**
 * The path a depth-first walk is on, from its start: its nodes and claims, and the set of its nodes,
 * which no step may enter again (simple paths). Both walks below step along it.
 */
class PathStack {
  readonly nodes: string[];
  readonly claims: string[] = [];
  private readonly onPath: Set<string>;

  constructor(start: string) {
    this.nodes = [start];
    this.onPath = new Set(this.nodes);
  }

  has(node: string): boolean {
    return this.onPath.has(node);
  }

  /** The path so far and then `step`, as a path of its own. */
  through(step: Step): RawPath {
    // Grown on the stack and copied, each copy is allocated at its exact length once.
    const { nodes, claims } = this;
    nodes.push(step.node);
    claims.push(step.claim);
    const path = { nodes: nodes.slice(), claims: claims.slice() };
    nodes.pop();
    claims.pop();
    return path;
  }

  push(step: Step): void {
    this.nodes.push(step.node);
    this.claims.push(step.claim);
    this.onPath.add(step.node);
  }

  pop(step: Step): void {
    this.onPath.delete(step.node);
    this.nodes.pop();
    this.claims.pop();
  }
}

/** All simple paths from the target up to the depth, grouped by the node they end at. */
class TraceWalk {
  readonly reached = new Map<string, RawPath[]>();
  private readonly path: PathStack;

  constructor(
    private readonly steps: AdmittedSteps,
    target: string,
    private readonly depth: number,
  ) {
    this.path = new PathStack(target);
  }

  from(node: string): void {
    const { path, reached } = this;
    for (const step of this.steps.of(node)) {
      if (path.has(step.node)) continue;
      const found = path.through(step);
      const paths = reached.get(step.node);
      if (paths) paths.push(found);
      else reached.set(step.node, [found]);
      if (found.claims.length >= this.depth) continue;
      path.push(step);
      this.from(step.node);
      path.pop(step);
    }
  }
}

/** All simple paths between two nodes up to a length, never entering a node known to be too far from the end. */
class PathWalk {
  readonly found: RawPath[] = [];
  private readonly path: PathStack;

  constructor(
    private readonly steps: AdmittedSteps,
    from: string,
    private readonly to: string,
    private readonly maxDepth: number,
    /** How far `toGo` looks: a node missing from it is farther than this from `to`. */
    private readonly horizon: number,
    private readonly toGo: Map<string, number>,
  ) {
    this.path = new PathStack(from);
  }

  from(node: string): void {
    const { path, to } = this;
    const left = this.maxDepth - path.claims.length - 1;
    if (left < 0) return;
    for (const step of this.steps.of(node)) {
      if (step.node === to) {
        this.found.push(path.through(step));
        continue;
      }
      if (path.has(step.node)) continue;
      const remaining = this.toGo.get(step.node);
      if (remaining === undefined ? left <= this.horizon : remaining > left) continue;
      path.push(step);
      this.from(step.node);
      path.pop(step);
    }
  }
}

/**
 * What a graph's queries remember while the graph stays unchanged: each node's admitted claims per
 * filter, read from the graph at most once per node; each claim's record; and, once queries have
 * sorted enough labels to pay for it, every node's rank in label order. Repeated questions (a panel re-run on hover, a depth
 * changed) then walk a prefiltered adjacency, as graphology's algorithms walk a prefiltered subgraph,
 * without ever paying for a whole filtered copy. Any change made through graphology's API forgets
 * what it touches: claims added, dropped or updated forget the adjacency and the claim records; nodes
 * added, dropped or relabelled forget the ranks (and, through their claims, the rest); clearing forgets
 * everything.
 */
interface GraphMemo {
  /** Each filter's view, by a key of its relations, attribution and holder. */
  adjacency: Map<string, AdmittedSteps>;
  /** Claim records made so far, by claim id. */
  records: Map<string, ClaimRecord>;
  ranks: Map<string, number> | null;
  /** Label comparisons made with the collator since the ranks were last forgotten, roughly. */
  collations: number;
  /** The graph's order and size when last seen. */
  order: number;
  size: number;
}

const CLAIM_EVENTS = [
  "edgeAdded",
  "edgeDropped",
  "edgesCleared",
  "edgeAttributesUpdated",
  "eachEdgeAttributesUpdated",
] as const;
const NODE_EVENTS = [
  "nodeAdded",
  "nodeDropped",
  "nodeAttributesUpdated",
  "eachNodeAttributesUpdated",
] as const;
/** Filters remembered per graph; the oldest is forgotten first. */
const MAX_FILTERS = 32;

const freshMemo = (graph: LinkageGraph): GraphMemo => ({
  adjacency: new Map(),
  records: new Map(),
  ranks: null,
  collations: 0,
  order: graph.order,
  size: graph.size,
});

function forgetClaims(memo: GraphMemo): void {
  memo.adjacency.clear();
  memo.records.clear();
}

function forgetNodes(memo: GraphMemo): void {
  memo.ranks = null;
  memo.collations = 0;
}

/**
 * What trace, findPaths and shortestPath may reuse across queries on one graph: each filter's
 * adjacency, claim records and label ranks. It listens to the graph's mutation events to forget what
 * a change makes stale; kill() removes those listeners (call it when the graph is replaced or
 * dropped). The owner, not the query, decides how long it lives.
 */
export class TraceCache {
  readonly graph: LinkageGraph;
  /** @internal */
  readonly memo: GraphMemo;
  private readonly listeners: [string, () => void][] = [];
  private killed = false;

  constructor(graph: LinkageGraph) {
    if (!graph || typeof graph.on !== "function") {
      throw new InvalidArgumentError("createTraceCache: the argument must be a graphology graph");
    }
    this.graph = graph;
    this.memo = freshMemo(graph);
    const claims = () => forgetClaims(this.memo);
    const nodes = () => forgetNodes(this.memo);
    const all = () => {
      claims();
      nodes();
    };
    for (const event of CLAIM_EVENTS) this.listeners.push([event, claims]);
    for (const event of NODE_EVENTS) this.listeners.push([event, nodes]);
    this.listeners.push(["cleared", all]);
    for (const [event, listener] of this.listeners) emitter(graph).on(event, listener);
  }

  /** Removes every listener this cache added to its graph and forgets what it held. */
  kill(): void {
    if (this.killed) return;
    this.killed = true;
    for (const [event, listener] of this.listeners) emitter(this.graph).removeListener(event, listener);
    forgetClaims(this.memo);
    forgetNodes(this.memo);
  }

  get alive(): boolean {
    return !this.killed;
  }
}

/** The graph as the event emitter it is; graphology types each event's listener apart. */
type Emitter = {
  on(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
};
const emitter = (graph: LinkageGraph) => graph as unknown as Emitter;

/** A cache for repeated trace and path queries on `graph`, owned and killed by the caller. */
export function createTraceCache(graph: LinkageGraph): TraceCache {
  return new TraceCache(graph);
}

/** The memo one query works with: the caller's cache when it has one for this graph, else a fresh one. */
function memoFor(graph: LinkageGraph, cache: TraceCache | null | undefined): GraphMemo {
  if (!cache) return freshMemo(graph);
  if (cache.graph !== graph) {
    throw new InvalidArgumentError("the trace cache belongs to another graph; make one per graph");
  }
  if (!cache.alive) throw new InvalidArgumentError("the trace cache was killed; make a new one");
  const memo = cache.memo;
  // A second guard, should someone remove every listener of the graph: a change of size forgets too.
  if (memo.order !== graph.order || memo.size !== graph.size) {
    forgetClaims(memo);
    forgetNodes(memo);
    memo.order = graph.order;
    memo.size = graph.size;
  }
  return memo;
}

/** The graph's remembered view under one filter, made on first use. */
function admittedSteps(memo: GraphMemo, graph: LinkageGraph, filter: CheckedFilter): AdmittedSteps {
  const { adjacency } = memo;
  // Relations are checked and in vocabulary order, so a bit per relation names the set.
  let mask = 0;
  for (const relation of filter.relations) mask |= 1 << RELATIONS.indexOf(relation);
  const key = `${mask} ${filter.attribution ?? ""} ${filter.holder ?? ""}`;
  let view = adjacency.get(key);
  if (!view) {
    if (adjacency.size >= MAX_FILTERS) adjacency.delete(adjacency.keys().next().value as string);
    view = new AdmittedSteps(graph, filter);
    adjacency.set(key, view);
  }
  return view;
}

/**
 * Compares two nodes by label (LABEL_ORDER), then id, to sort `count` items. The collator is slow next
 * to a walk over a few claims, so once a graph's queries have made about as many comparisons as ranking
 * every label would take, the labels are ranked once and compared as numbers from then on. A first
 * query never pays for the ranking.
 */
function nodeOrder(memo: GraphMemo, graph: LinkageGraph, count: number): (a: string, b: string) => number {
  if (!memo.ranks) {
    memo.collations += count * Math.log2(count + 1);
    if (memo.collations > graph.order * Math.log2(graph.order + 1)) {
      const nodes = graph.mapNodes((id, attributes) => ({ id, label: attributes.label }));
      nodes.sort((a, b) => LABEL_ORDER.compare(a.label, b.label) || compareText(a.id, b.id));
      memo.ranks = new Map();
      for (let i = 0; i < nodes.length; i++) memo.ranks.set((nodes[i] as { id: string }).id, i);
    }
  }
  const ranks = memo.ranks;
  if (ranks) return (a, b) => (ranks.get(a) as number) - (ranks.get(b) as number);
  return (a, b) =>
    LABEL_ORDER.compare(graph.getNodeAttribute(a, "label"), graph.getNodeAttribute(b, "label")) ||
    compareText(a, b);
}

/** Each node's admitted claims under one filter, both directions, read once per node. */
class AdmittedSteps {
  private readonly steps = new Map<string, Step[]>();
  private readonly wanted: ReadonlySet<string>;
  private readonly holder: string | null;
  private readonly attribution: TraceAttribution | null;

  constructor(
    private readonly graph: LinkageGraph,
    { holder, relations, attribution }: CheckedFilter,
  ) {
    this.holder = holder;
    this.wanted = new Set<string>(relations);
    this.attribution = attribution;
  }

  of(node: string): Step[] {
    return this.steps.get(node) ?? this.read(node);
  }

  private admits(attributes: ClaimAttributes): boolean {
    return (
      this.wanted.has(attributes.relation) &&
      (this.holder === null || attributes.heldBy.includes(this.holder)) &&
      (this.attribution === null || attributes.attribution === this.attribution)
    );
  }

  private read(node: string): Step[] {
    const steps: Step[] = [];
    this.graph.forEachOutEdge(node, (claim, attributes, _source, target) => {
      if (this.admits(attributes)) steps.push({ claim, node: target });
    });
    this.graph.forEachInEdge(node, (claim, attributes, source) => {
      if (this.admits(attributes)) steps.push({ claim, node: source });
    });
    this.steps.set(node, steps);
    return steps;
  }
}

/**
 * Breadth first from `start` over admitted claims, a level at a time, for at most `levels` levels or
 * until `until()` says so. Each node not yet in `reached` is added to it with what `mark` makes of it
 * (the node it was reached from, the step, its level); the nodes already there are never entered.
 */
function spread<T>(
  steps: AdmittedSteps,
  start: string,
  reached: Map<string, T>,
  mark: (from: string, step: Step, level: number) => T,
  { levels, until }: { levels: number; until?: () => boolean },
): void {
  let frontier = [start];
  for (let level = 1; level <= levels && frontier.length && !until?.(); level++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const step of steps.of(node)) {
        if (reached.has(step.node)) continue;
        reached.set(step.node, mark(node, step, level));
        next.push(step.node);
      }
    }
    frontier = next;
  }
}

/** Breadth-first distances from `start`, over admitted claims, up to `limit` steps. */
function distancesFrom(steps: AdmittedSteps, start: string, limit: number): Map<string, number> {
  const distance = new Map([[start, 0]]);
  spread(steps, start, distance, (_from, _step, level) => level, { levels: limit });
  return distance;
}

/**
 * Turns raw paths into records. Each claim's record is made once per graph state and shared by every
 * path and query that uses it, so it is frozen: a caller that wants to change one copies it.
 */
class RecordBook {
  constructor(
    private readonly graph: LinkageGraph,
    private readonly claims: Map<string, ClaimRecord>,
  ) {}

  claim(id: string): ClaimRecord {
    let found = this.claims.get(id);
    if (!found) {
      found = Object.freeze(claimRecord(this.graph, id));
      this.claims.set(id, found);
    }
    return found;
  }

  path(raw: RawPath): LinkagePath {
    const claims: ClaimRecord[] = [];
    for (const id of raw.claims) claims.push(this.claim(id));
    return { nodes: raw.nodes, claims };
  }

  paths(raws: readonly RawPath[]): LinkagePath[] {
    const out: LinkagePath[] = [];
    for (const raw of raws) out.push(this.path(raw));
    return out;
  }
}

function recordBook(memo: GraphMemo, graph: LinkageGraph): RecordBook {
  return new RecordBook(graph, memo.records);
}

/** Shortest first, then by the labels along the way, then by claim id: stable across runs. */
function sortPaths(memo: GraphMemo, graph: LinkageGraph, paths: RawPath[]): void {
  if (paths.length < 2) return;
  const order = nodeOrder(memo, graph, paths.length);
  paths.sort((a, b) => comparePaths(order, a, b));
}

function comparePaths(order: (a: string, b: string) => number, a: RawPath, b: RawPath): number {
  if (a.claims.length !== b.claims.length) return a.claims.length - b.claims.length;
  for (let i = 1; i < a.nodes.length; i++) {
    const x = a.nodes[i] as string;
    const y = b.nodes[i] as string;
    if (x !== y) return order(x, y);
  }
  for (let i = 0; i < a.claims.length; i++) {
    const ordered = compareText(a.claims[i] as string, b.claims[i] as string);
    if (ordered) return ordered;
  }
  return 0;
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

function checkEnds(graph: LinkageGraph, from: string, to: string): void {
  requireNode(graph, from, "from");
  requireNode(graph, to, "to");
  if (from === to) throw new InvalidArgumentError(`"from" and "to" are the same node, "${from}"`);
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

/** The kinds asked for, in vocabulary order, each once; null for every kind. */
function checkKinds(kinds: unknown): NodeKind[] | null {
  if (kinds === null) return null;
  if (!Array.isArray(kinds) || kinds.length === 0)
    throw new InvalidArgumentError(`kinds must name at least one of ${NODE_KINDS.join(", ")}, or be null`);
  for (const kind of kinds)
    if (!(NODE_KINDS as readonly unknown[]).includes(kind))
      throw new InvalidArgumentError(
        `unknown kind ${JSON.stringify(kind)}; expected ${NODE_KINDS.join(", ")}`,
      );
  return NODE_KINDS.filter((kind) => kinds.includes(kind));
}

function checkFilter(
  graph: LinkageGraph,
  { holder = null, relations = DEFAULT_TRACE_RELATIONS, attribution = null }: ClaimFilter,
): CheckedFilter {
  if (attribution !== null && !(TRACE_ATTRIBUTIONS as readonly unknown[]).includes(attribution))
    throw new InvalidArgumentError(
      `attribution must be ${TRACE_ATTRIBUTIONS.map((a) => `"${a}"`).join(" or ")} or null, got ${JSON.stringify(attribution)}`,
    );
  if (holder !== null) {
    requireNode(graph, holder, "holder", "actor");
    if (graph.getNodeAttribute(holder, "kind") !== "actor")
      throw new InvalidArgumentError(`holder "${holder}" is not an actor; only actors hold claims`);
  }
  if (!Array.isArray(relations) || relations.length === 0)
    throw new InvalidArgumentError(`relations must name at least one of ${RELATIONS.join(", ")}`);
  // The vocabulary's order, each once, so the same filter always reads the same.
  const checked: Relation[] = [];
  for (const relation of RELATIONS) if (relations.includes(relation)) checked.push(relation);
  for (const relation of relations)
    if (!checked.includes(relation))
      throw new InvalidArgumentError(`unknown relation "${relation}"; expected ${RELATIONS.join(", ")}`);
  return { holder, relations: checked, attribution };
}
