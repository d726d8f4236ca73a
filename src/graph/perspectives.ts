// Perspectives: where two holders agree and where they disagree, derived from the claims themselves
// (nothing is hand-tagged), plus the lens (one holder's claims against everyone else's). Pure: reads a
// LinkageGraph and returns plain records (records.ts); runs in Node and in the browser.
//
// Words used below: a claim is "held by A alone" in a comparison of A and B when A is among its holders
// and B is not. A's "own stance" on T is a supports/opposes claim held by A whose source is A itself.
//
// Agreements
// - shared: one claim held by both A and B.
// - matching: a claim held by A alone and a claim held by B alone with the same relation, source and
//   target; for stances the source may be each holder's own actor (A supports T, B supports T). Only
//   stances are matched that way: "the US leads arms control" held by the US and "China leads arms
//   control" held by China are rival claims, not one view. All of A's and B's claims with one key make
//   one agreement.
//
// Disagreements: always a pair (claim held by A alone, claim held by B alone). So a shared claim is never
// part of a disagreement, and a holder's claims never disagree with each other.
// - opposite-stances: A supports what B opposes (or the other way), same source (or each one's own
//   actor) and same target. F3, F4, F7, F10, F11 of the conference.
// - contested-linkage: one side draws a links-to claim between X and Y (either direction) and the other
//   side's own stance opposes a node whose `about` lists both X and Y: China ties nonproliferation
//   cooperation to arms sales to Taiwan, the US opposes issue:nonproliferation-linkage (F3).
// - conditioned-stance: one side supports T; the other side takes no stance of its own on T but holds,
//   alone, a links-to claim out of T. It speaks to T only through a condition: the US supports the FMCT,
//   China ties FMCT talks to outer-space talks (F8). When the other side opposes T, the pair is already
//   an opposite stance and its links out of T are its reasons (China on TMD for Taiwan); when it supports
//   T too, its links out of T elaborate a shared view (the US calling cooperation a common interest).
// - disputed-premise: one side opposes T outright, and the other side, which does not oppose T, builds a
//   links-to claim out of T: China denies it has significant influence, the US argues that influence
//   can change the US missile defence debate (F11). The argument rests on what the first side rejects.
// Considered and left out: "rival linkages" (each side ties the same node to something different). It
// catches F3 and F8, which the patterns above already find, but it also fires on two sides naming
// different, compatible facets of one thing, which no analyst would call a disagreement.
//
// Order everywhere: by the earliest finding an item cites (source order, then F1, F2, …), then by claim
// id. Finding references per item are qualified (`source-id#F3`); their summaries are in `findings`.
import { findingIndex } from "./build.ts";
import { InvalidArgumentError, UnknownNodeError } from "./errors.ts";
import { type ClaimRecord, claimRecord, type FindingSummary } from "./records.ts";
import { suggestIds } from "./suggest.ts";
import type { ClaimAttributes, LinkageGraph, NodeAttributes } from "./types.ts";

/** What the views are currently showing; every perspective query sees only what passes. */
export interface PerspectiveFilter {
  claim?: (id: string, claim: ClaimAttributes) => boolean;
  /** A claim with a hidden end is hidden too. */
  node?: (id: string, node: NodeAttributes) => boolean;
}

export interface PerspectiveOptions {
  filter?: PerspectiveFilter;
}

export const AGREEMENT_PATTERNS = ["shared", "matching"] as const;
export type AgreementPattern = (typeof AGREEMENT_PATTERNS)[number];

export const DISAGREEMENT_PATTERNS = [
  "opposite-stances",
  "contested-linkage",
  "conditioned-stance",
  "disputed-premise",
] as const;
export type DisagreementPattern = (typeof DISAGREEMENT_PATTERNS)[number];

/** How each pattern reads, for the CLI and the UI's legend: one table, nobody else words them. */
export const PATTERN_TEXT: Record<AgreementPattern | DisagreementPattern, { title: string; gloss: string }> =
  {
    shared: { title: "Held jointly", gloss: "one claim both sides hold" },
    matching: { title: "Matching views", gloss: "the same claim, held by each side separately" },
    "opposite-stances": {
      title: "Opposite stances",
      gloss: "one side supports what the other opposes",
    },
    "contested-linkage": {
      title: "Contested linkage",
      gloss: "one side ties two things together; the other opposes tying them",
    },
    "conditioned-stance": {
      title: "Conditioned stance",
      gloss: "one side supports something the other, taking no stance on it, ties to a condition",
    },
    "disputed-premise": {
      title: "Disputed premise",
      gloss: "one side argues from something the other side rejects",
    },
  };

export interface Agreement {
  pattern: AgreementPattern;
  /** shared: the one claim both hold; matching: A's claims, then B's. */
  claims: ClaimRecord[];
  /** Qualified finding references cited by the claims, in finding order. */
  findings: string[];
}

export interface Disagreement {
  pattern: DisagreementPattern;
  /** The node in dispute: the stance target, the opposed linkage node, the conditioned target or the premise. */
  subject: string;
  /** The claim held by holder A (alone). */
  claimA: ClaimRecord;
  /** The claim held by holder B (alone). */
  claimB: ClaimRecord;
  findings: string[];
}

export interface Comparison {
  holders: [a: string, b: string];
  agreements: Agreement[];
  disagreements: Disagreement[];
  /** Claims held by A and not B that are in no agreement and no disagreement. */
  onlyA: ClaimRecord[];
  /** Claims held by B and not A that are in no agreement and no disagreement. */
  onlyB: ClaimRecord[];
  /** Every finding cited above, once, in finding order. */
  findings: FindingSummary[];
}

// ---------------------------------------------------------------------------------------------------
// Scanning: one pass over the claims, keeping those that pass the filter and that a wanted holder holds.

/** A claim as the analysis needs it; records are made only for what is returned. */
export interface ScannedClaim {
  id: string;
  source: string;
  target: string;
  relation: ClaimAttributes["relation"];
  heldBy: readonly string[];
  findings: readonly string[];
  /** Position of the earliest cited finding, for ordering. */
  rank: number;
}

export interface ClaimScan {
  /** Per wanted holder, the visible claims it holds, in graph order. */
  byHolder: Map<string, ScannedClaim[]>;
  /** Position of each qualified finding reference in source, then finding, order. */
  findingRank: Map<string, number>;
}

export function findingRanks(graph: LinkageGraph): Map<string, number> {
  const ranks = new Map<string, number>();
  let i = 0;
  for (const ref of findingIndex(graph).keys()) ranks.set(ref, i++);
  return ranks;
}

function nodeVisibility(graph: LinkageGraph, filter: PerspectiveFilter | undefined) {
  const nodeFilter = filter?.node;
  if (!nodeFilter) return null;
  const cache = new Map<string, boolean>();
  return (id: string): boolean => {
    let shown = cache.get(id);
    if (shown === undefined) {
      shown = nodeFilter(id, graph.getNodeAttributes(id));
      cache.set(id, shown);
    }
    return shown;
  };
}

/** Every visible claim held by at least one of `holders` (all holders when null), in one pass. */
export function scanClaims(
  graph: LinkageGraph,
  holders: readonly string[] | null,
  filter?: PerspectiveFilter,
): ClaimScan {
  const findingRank = findingRanks(graph);
  const byHolder = new Map<string, ScannedClaim[]>();
  for (const holder of holders ?? []) byHolder.set(holder, []);
  const nodeShown = nodeVisibility(graph, filter);
  const claimShown = filter?.claim;
  graph.forEachEdge((id, attributes, source, target) => {
    const lists: ScannedClaim[][] = [];
    for (const holder of attributes.heldBy) {
      let list = byHolder.get(holder);
      if (!list) {
        if (holders) continue;
        list = [];
        byHolder.set(holder, list);
      }
      lists.push(list);
    }
    if (lists.length === 0) return;
    if (claimShown && !claimShown(id, attributes)) return;
    if (nodeShown && !(nodeShown(source) && nodeShown(target))) return;
    let rank = Number.POSITIVE_INFINITY;
    for (const ref of attributes.findings) rank = Math.min(rank, findingRank.get(ref) ?? rank);
    const claim: ScannedClaim = {
      id,
      source,
      target,
      relation: attributes.relation,
      heldBy: attributes.heldBy,
      findings: attributes.findings,
      rank,
    };
    for (const list of lists) list.push(claim);
  });
  return { byHolder, findingRank };
}

// ---------------------------------------------------------------------------------------------------
// The analysis of one pair of holders over scanned claims. Exported for position-matrix.ts.

export interface PairAnalysis {
  agreements: { pattern: AgreementPattern; claims: ScannedClaim[] }[];
  disagreements: { pattern: DisagreementPattern; subject: string; a: ScannedClaim; b: ScannedClaim }[];
  onlyA: ScannedClaim[];
  onlyB: ScannedClaim[];
}

const isStance = (claim: ScannedClaim) => claim.relation !== "links-to";
const SELF = "@self";

/** What a claim says, seen from one holder: its own stances have their source replaced by SELF. */
function viewKey(claim: ScannedClaim, holder: string, relation: string = claim.relation): string {
  const source = isStance(claim) && claim.source === holder ? SELF : claim.source;
  return `${relation}\u0000${source}\u0000${claim.target}`;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/** One side of a comparison: the claims it holds alone and what its own stances say. */
interface Side {
  holder: string;
  alone: ScannedClaim[];
  /** Targets of the holder's own stances (alone or shared), by relation. */
  supported: Set<string>;
  opposed: Set<string>;
  /** The holder's own opposes-claims held alone, by pair of nodes that the opposed node is `about`. */
  opposedLinkages: Map<string, ScannedClaim[]>;
  /** The holder's own stances held alone, by target. */
  stancesAlone: Map<string, ScannedClaim[]>;
  /** Links-to claims held alone, by source node. */
  linksOutAlone: Map<string, ScannedClaim[]>;
}

function sideOf(
  holder: string,
  other: string,
  claims: readonly ScannedClaim[],
  about: (node: string) => readonly string[] | undefined,
): Side {
  const side: Side = {
    holder,
    alone: [],
    supported: new Set(),
    opposed: new Set(),
    opposedLinkages: new Map(),
    stancesAlone: new Map(),
    linksOutAlone: new Map(),
  };
  for (const claim of claims) {
    const alone = !claim.heldBy.includes(other);
    const own = isStance(claim) && claim.source === holder;
    if (own) (claim.relation === "supports" ? side.supported : side.opposed).add(claim.target);
    if (!alone) continue;
    side.alone.push(claim);
    if (own) {
      pushTo(side.stancesAlone, claim.target, claim);
      const ends = claim.relation === "opposes" ? about(claim.target) : undefined;
      if (ends) {
        for (let i = 0; i < ends.length; i++)
          for (let j = i + 1; j < ends.length; j++)
            pushTo(side.opposedLinkages, pairKey(ends[i] as string, ends[j] as string), claim);
      }
    } else if (claim.relation === "links-to") {
      pushTo(side.linksOutAlone, claim.source, claim);
    }
  }
  return side;
}

export function analysePair(
  graph: LinkageGraph,
  holderA: string,
  holderB: string,
  claimsA: readonly ScannedClaim[],
  claimsB: readonly ScannedClaim[],
): PairAnalysis {
  const about = (node: string) => graph.getNodeAttribute(node, "about");
  const a = sideOf(holderA, holderB, claimsA, about);
  const b = sideOf(holderB, holderA, claimsB, about);
  const result: PairAnalysis = { agreements: [], disagreements: [], onlyA: [], onlyB: [] };
  const placed = new Set<string>();

  // Agreements (a): held by both. Both lists hold them; take A's copy.
  for (const claim of claimsA) {
    if (claim.heldBy.includes(holderB)) result.agreements.push({ pattern: "shared", claims: [claim] });
  }

  // Agreements (b): matching claims held alone by each, grouped by what they say.
  const bByView = new Map<string, ScannedClaim[]>();
  for (const claim of b.alone) pushTo(bByView, viewKey(claim, holderB), claim);
  const matchedA = new Map<string, ScannedClaim[]>();
  for (const claim of a.alone) {
    const key = viewKey(claim, holderA);
    if (bByView.has(key)) pushTo(matchedA, key, claim);
  }
  for (const [key, fromA] of matchedA) {
    const fromB = bByView.get(key) ?? [];
    result.agreements.push({ pattern: "matching", claims: [...fromA, ...fromB] });
    for (const claim of [...fromA, ...fromB]) placed.add(claim.id);
  }

  const disagree = (pattern: DisagreementPattern, subject: string, x: ScannedClaim, y: ScannedClaim) => {
    // x is held by A alone and y by B alone, or the other way round.
    const [fromA, fromB] = x.heldBy.includes(holderA) ? [x, y] : [y, x];
    result.disagreements.push({ pattern, subject, a: fromA, b: fromB });
    placed.add(x.id);
    placed.add(y.id);
  };

  // (1) opposite stances: same source (or each one's own actor), same target, opposite relations.
  const bOpposite = new Map<string, ScannedClaim[]>();
  for (const claim of b.alone) if (isStance(claim)) pushTo(bOpposite, viewKey(claim, holderB), claim);
  for (const claim of a.alone) {
    if (!isStance(claim)) continue;
    const flipped = claim.relation === "supports" ? "opposes" : "supports";
    for (const other of bOpposite.get(viewKey(claim, holderA, flipped)) ?? [])
      disagree("opposite-stances", claim.target, claim, other);
  }

  for (const [drawer, objector] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const link of drawer.alone) {
      if (link.relation !== "links-to") continue;
      // (2) contested linkage: the objector opposes a node about both ends of the link.
      for (const objection of objector.opposedLinkages.get(pairKey(link.source, link.target)) ?? [])
        disagree("contested-linkage", objection.target, link, objection);
    }
    for (const [node, links] of drawer.linksOutAlone) {
      const stances = objector.stancesAlone.get(node);
      if (!stances) continue;
      for (const stance of stances) {
        // (3) conditioned stance: the objector supports the node; the drawer, silent on it, conditions it.
        // (4) disputed premise: the objector rejects the node; the drawer, not rejecting it, argues from it.
        const pattern: DisagreementPattern | null =
          stance.relation === "supports"
            ? drawer.supported.has(node) || drawer.opposed.has(node)
              ? null
              : "conditioned-stance"
            : drawer.opposed.has(node)
              ? null
              : "disputed-premise";
        if (!pattern) continue;
        for (const link of links) disagree(pattern, node, link, stance);
      }
    }
  }

  for (const claim of a.alone) if (!placed.has(claim.id)) result.onlyA.push(claim);
  for (const claim of b.alone) if (!placed.has(claim.id)) result.onlyB.push(claim);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Public queries.

const byRankThenId = (x: ScannedClaim, y: ScannedClaim) => x.rank - y.rank || compareIds(x.id, y.id);
const compareIds = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function citedRefs(claims: readonly ScannedClaim[], ranks: Map<string, number>): string[] {
  const refs = [...new Set(claims.flatMap((c) => c.findings))];
  const rank = (ref: string) => ranks.get(ref) ?? Number.POSITIVE_INFINITY;
  return refs.sort((x, y) => rank(x) - rank(y) || compareIds(x, y));
}

/** Throws unless `id` is an actor of the graph: unknown ids get the nearest actors as suggestions. */
export function requireHolder(graph: LinkageGraph, id: string): void {
  if (!graph.hasNode(id)) {
    const actors = graph
      .filterNodes((_key, a) => a.kind === "actor")
      .map((key) => ({ id: key, label: graph.getNodeAttribute(key, "label") }));
    const candidates = actors.length ? actors : graph.mapNodes((key, a) => ({ id: key, label: a.label }));
    throw new UnknownNodeError(id, suggestIds(id, candidates));
  }
  const kind = graph.getNodeAttribute(id, "kind");
  if (kind !== "actor") {
    throw new InvalidArgumentError(
      `"${id}" is ${kind === "issue" ? "an issue" : `a ${kind}`}, not an actor; only actors hold claims`,
    );
  }
}

/**
 * Where two holders agree and disagree, and what each says that the other does not speak to.
 * Throws UnknownNodeError for an unknown holder, InvalidArgumentError for one that is not an actor or
 * for the same holder twice.
 */
export function compare(
  graph: LinkageGraph,
  holderA: string,
  holderB: string,
  options: PerspectiveOptions = {},
): Comparison {
  requireHolder(graph, holderA);
  requireHolder(graph, holderB);
  if (holderA === holderB)
    throw new InvalidArgumentError(`compare needs two different holders, got "${holderA}" twice`);
  const scan = scanClaims(graph, [holderA, holderB], options.filter);
  const analysis = analysePair(
    graph,
    holderA,
    holderB,
    scan.byHolder.get(holderA) ?? [],
    scan.byHolder.get(holderB) ?? [],
  );
  return comparisonRecords(graph, [holderA, holderB], analysis, scan.findingRank);
}

function comparisonRecords(
  graph: LinkageGraph,
  holders: [string, string],
  analysis: PairAnalysis,
  ranks: Map<string, number>,
): Comparison {
  const records = new Map<string, ClaimRecord>();
  const record = (claim: ScannedClaim) => {
    let made = records.get(claim.id);
    if (!made) {
      made = claimRecord(graph, claim.id);
      records.set(claim.id, made);
    }
    return made;
  };
  const rankOf = (claims: readonly ScannedClaim[]) => Math.min(...claims.map((c) => c.rank));
  const idsOf = (claims: readonly ScannedClaim[]) => claims.map((c) => c.id).join("\u0000");

  const agreements = analysis.agreements
    .map((agreement) => ({ agreement, rank: rankOf(agreement.claims), ids: idsOf(agreement.claims) }))
    .sort((x, y) => x.rank - y.rank || compareIds(x.ids, y.ids))
    .map(({ agreement }) => ({
      pattern: agreement.pattern,
      claims: agreement.claims.map(record),
      findings: citedRefs(agreement.claims, ranks),
    }));
  const patternOrder = (p: DisagreementPattern) => DISAGREEMENT_PATTERNS.indexOf(p);
  const disagreements = analysis.disagreements
    .map((d) => ({ d, rank: rankOf([d.a, d.b]) }))
    .sort(
      (x, y) =>
        x.rank - y.rank ||
        compareIds(x.d.a.id, y.d.a.id) ||
        compareIds(x.d.b.id, y.d.b.id) ||
        patternOrder(x.d.pattern) - patternOrder(y.d.pattern),
    )
    .map(({ d }) => ({
      pattern: d.pattern,
      subject: d.subject,
      claimA: record(d.a),
      claimB: record(d.b),
      findings: citedRefs([d.a, d.b], ranks),
    }));
  const onlyA = [...analysis.onlyA].sort(byRankThenId).map(record);
  const onlyB = [...analysis.onlyB].sort(byRankThenId).map(record);

  const cited = new Set<string>();
  for (const claim of records.values()) for (const ref of claim.findings) cited.add(ref);
  const findings: FindingSummary[] = [];
  for (const finding of findingIndex(graph).values()) {
    if (cited.has(finding.ref))
      findings.push({ id: finding.ref, source: finding.sourceId, summary: finding.summary });
  }
  return { holders, agreements, disagreements, onlyA, onlyB, findings };
}

export type ClaimRole = "contested" | "shared" | "matching" | "only-a" | "only-b";

/**
 * Each claim of a comparison with its role, for colouring the compare mode. A claim in both a
 * disagreement and an agreement counts as contested.
 */
export function claimRoles(comparison: Comparison): Record<string, ClaimRole> {
  const roles: Record<string, ClaimRole> = {};
  for (const claim of comparison.onlyA) roles[claim.id] = "only-a";
  for (const claim of comparison.onlyB) roles[claim.id] = "only-b";
  for (const agreement of comparison.agreements)
    for (const claim of agreement.claims) roles[claim.id] = agreement.pattern;
  for (const d of comparison.disagreements) {
    roles[d.claimA.id] = "contested";
    roles[d.claimB.id] = "contested";
  }
  return roles;
}

export interface Lens {
  holder: string;
  /** Claims the holder holds alone. */
  own: string[];
  /** Claims the holder holds with at least one other holder. */
  shared: string[];
  /** Claims the holder does not hold: the ones the lens fades. */
  others: string[];
  /** Nodes joined by the holder's claims (own and shared), in order of first appearance. */
  nodes: string[];
}

/** The graph as one holder sees it: its own claims, the ones it shares, and everyone else's. */
export function lensClaims(graph: LinkageGraph, holder: string, options: PerspectiveOptions = {}): Lens {
  requireHolder(graph, holder);
  const nodeShown = nodeVisibility(graph, options.filter);
  const claimShown = options.filter?.claim;
  const lens: Lens = { holder, own: [], shared: [], others: [], nodes: [] };
  const nodes = new Set<string>();
  graph.forEachEdge((id, attributes, source, target) => {
    if (claimShown && !claimShown(id, attributes)) return;
    if (nodeShown && !(nodeShown(source) && nodeShown(target))) return;
    if (!attributes.heldBy.includes(holder)) {
      lens.others.push(id);
      return;
    }
    (attributes.heldBy.length > 1 ? lens.shared : lens.own).push(id);
    nodes.add(source);
    nodes.add(target);
  });
  lens.nodes = [...nodes];
  return lens;
}
