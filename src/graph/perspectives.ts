// Perspectives: where two holders agree and where they disagree, derived from the claims themselves
// (nothing is hand-tagged), plus the lens (one holder's claims against everyone else's). Pure: reads a
// LinkageGraph and returns plain records (records.ts); runs in Node and in the browser.
//
// Words used below: a claim is "held by A alone" in a comparison of A and B when A is among its holders
// and B is not. A's "own stance" on T is a supports/opposes claim on T held by A whose source is one of
// its holders: A itself, or, for a joint stance ("US and Chinese participants jointly called for…"),
// the co-holder the claim starts from. A stance held by both sides is a shared agreement.
//
// Attribution (model 2). Only claims actors hold enter agreements and disagreements: a claim in the
// document's own voice has no holders, so it never does. When the document says that A and B differ on
// a proposition without saying who holds which view (disputedBy names both), the claim is a difference
// with sides not stated (sidesNotStated), never read as either side's stance. An agreement or
// disagreement any of whose claims is inferred (the holders are our reading) is counted apart, in
// `inferred`, so that what the document states and what rests on inference are never added together.
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
import { type ClaimRecord, claimRecordOf, type FindingSummary } from "./records.ts";
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

/** The document reports a difference between the two and leaves the sides unassigned. */
export type SidesNotStatedPattern = "sides-not-stated";

/** How each pattern reads, for the CLI and the UI's legend: one table, nobody else words them. */
export const PATTERN_TEXT: Record<
  AgreementPattern | DisagreementPattern | SidesNotStatedPattern,
  { title: string; gloss: string }
> = {
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
  "sides-not-stated": {
    title: "Differ, sides not stated",
    gloss: "the document says they differ without saying who holds which view",
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

/** A claim the document says both holders differ on, without saying who holds which view. */
export interface SidesNotStated {
  pattern: SidesNotStatedPattern;
  /** What the proposition is about: the claim's target. */
  subject: string;
  /** The document's claim (attribution "document", no holders), whose disputedBy names both holders. */
  claim: ClaimRecord;
  findings: string[];
}

export interface Comparison {
  holders: [a: string, b: string];
  /** Agreements resting on stated claims only. */
  agreements: Agreement[];
  /** Disagreements resting on stated claims only. */
  disagreements: Disagreement[];
  /** Differences the document reports between the two without assigning sides. */
  sidesNotStated: SidesNotStated[];
  /** Agreements and disagreements at least one of whose claims is inferred, kept apart from the above. */
  inferred: { agreements: Agreement[]; disagreements: Disagreement[] };
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
  attributes: ClaimAttributes;
  /** Which of the scan's holders hold it, as bits (see ClaimScan.bits). */
  holders: number;
  /**
   * The claim's record, made during the scan while its attributes are still in the CPU cache: a query
   * returns nearly every claim it scans, and reading the attributes again later costs more than this.
   */
  record: ClaimRecord;
}

export const recordOf = (claim: ScannedClaim): ClaimRecord => claim.record;

export interface ClaimScan {
  /** Per wanted holder, the visible claims it holds, in graph order. */
  byHolder: Map<string, ScannedClaim[]>;
  /**
   * Per wanted actor, the visible claims whose disputedBy names it (the document says it differs on
   * them, sides not stated), in graph order. Such claims have no holders, so they are in no byHolder list.
   */
  disputed: Map<string, ScannedClaim[]>;
  /**
   * Each holder's bit in ScannedClaim.holders: the first 30 holders have one; the others have 0 and are
   * looked up in heldBy. Reading holder strings is where a scan spends most of its time, so the analysis
   * reads the bits instead of reading them again.
   */
  bits: Map<string, number>;
  /** Position of each qualified finding reference in source, then finding, order. */
  findingRank: Map<string, number>;
  /** Positions (as in findingRank) of the findings the held claims (byHolder) cite. */
  cited: Set<number>;
}

const MAX_BITS = 30;

/** A test of whether `holder` holds a scanned claim. */
export function holderTest(scan: ClaimScan, holder: string): (claim: ScannedClaim) => boolean {
  const bit = scan.bits.get(holder) ?? 0;
  return bit ? (claim) => (claim.holders & bit) !== 0 : (claim) => claim.heldBy.includes(holder);
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

/**
 * Every visible claim held by at least one of `holders` (all holders when null), and every visible claim
 * whose disputedBy names one of them (anyone when null), in one pass.
 */
export function scanClaims(
  graph: LinkageGraph,
  holders: readonly string[] | null,
  filter?: PerspectiveFilter,
): ClaimScan {
  const findingRank = findingRanks(graph);
  const cited = new Set<number>();
  const byHolder = new Map<string, ScannedClaim[]>();
  const disputed = new Map<string, ScannedClaim[]>();
  const bits = new Map<string, number>();
  const wanted = holders ? [...new Set(holders)] : [];
  const lists: ScannedClaim[][] = [];
  const wantedBits: number[] = [];
  const addHolder = (holder: string) => {
    const list: ScannedClaim[] = [];
    const bit = bits.size < MAX_BITS ? 1 << bits.size : 0;
    byHolder.set(holder, list);
    bits.set(holder, bit);
    return list;
  };
  for (const holder of wanted) {
    lists.push(addHolder(holder));
    wantedBits.push(bits.get(holder) ?? 0);
  }
  const nodeShown = nodeVisibility(graph, filter);
  const claimShown = filter?.claim;
  // The hot loop of every perspective query: most claims are dropped here, so the test for a wanted
  // holder allocates nothing and compares ids directly (a holder list is short).
  // disputedBy is rare, so its test comes after the holders' and costs one property read otherwise.
  const disputes = (actors: readonly string[]): boolean =>
    holders ? actors.some((actor) => wanted.includes(actor)) : actors.length > 0;
  graph.forEachEdge((id, attributes, source, target) => {
    const heldBy = attributes.heldBy;
    let mask = 0;
    let found = false;
    if (holders) {
      for (let i = 0; i < heldBy.length; i++) {
        const holder = heldBy[i];
        for (let j = 0; j < wanted.length; j++) {
          if (wanted[j] === holder) {
            found = true;
            mask |= wantedBits[j] as number;
          }
        }
      }
    } else found = heldBy.length > 0;
    const disputedBy = attributes.disputedBy;
    const isDisputed = disputedBy !== undefined && disputes(disputedBy);
    if (!found && !isDisputed) return;
    if (claimShown && !claimShown(id, attributes)) return;
    if (nodeShown && !(nodeShown(source) && nodeShown(target))) return;
    let rank = Number.POSITIVE_INFINITY;
    for (const ref of attributes.findings) {
      const position = findingRank.get(ref);
      if (position === undefined) continue;
      if (found) cited.add(position);
      rank = Math.min(rank, position);
    }
    const claim: ScannedClaim = {
      id,
      source,
      target,
      relation: attributes.relation,
      heldBy,
      findings: attributes.findings,
      rank,
      attributes,
      holders: mask,
      record: claimRecordOf(id, source, target, attributes),
    };
    if (isDisputed) {
      for (const actor of disputedBy ?? [])
        if (!holders || wanted.includes(actor)) pushTo(disputed, actor, claim);
    }
    if (!found) return;
    if (holders) {
      for (let j = 0; j < wanted.length; j++) {
        const bit = wantedBits[j] as number;
        if (bit ? mask & bit : heldBy.includes(wanted[j] as string)) lists[j]?.push(claim);
      }
      return;
    }
    for (const holder of heldBy) {
      const list = byHolder.get(holder) ?? addHolder(holder);
      claim.holders |= bits.get(holder) ?? 0;
      list.push(claim);
    }
  });
  return { byHolder, disputed, bits, findingRank, cited };
}

// ---------------------------------------------------------------------------------------------------
// The analysis of one pair of holders over scanned claims. Exported for position-matrix.ts. Indexes are
// keyed by node ids that already exist (their hashes are cached), never by strings built per claim.

export interface PairAnalysis {
  agreements: { pattern: AgreementPattern; claims: ScannedClaim[] }[];
  disagreements: { pattern: DisagreementPattern; subject: string; a: ScannedClaim; b: ScannedClaim }[];
  /** The document's claims whose disputedBy names both holders, in graph order. */
  sidesNotStated: ScannedClaim[];
  onlyA: ScannedClaim[];
  onlyB: ScannedClaim[];
}

const isStance = (claim: ScannedClaim) => claim.relation !== "links-to";
const SELF = "@self";

/**
 * Whether a claim its holder holds is that holder's own stance: a stance whose source is among its
 * holders. "The US and China support X" (source the US, held by both) is China's own stance too.
 */
export const isOwnStance = (claim: { relation: string; source: string; heldBy: readonly string[] }) =>
  claim.relation !== "links-to" && claim.heldBy.includes(claim.source);

/** A claim's source as its holder means it: for the holder's own stances, "self". */
const viewSource = (claim: ScannedClaim) => (isOwnStance(claim) ? SELF : claim.source);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One side of a comparison: the claims it holds alone and its own stances. */
interface Side {
  /** Whether this side's holder holds a claim. */
  holds: (claim: ScannedClaim) => boolean;
  alone: ScannedClaim[];
  /** The holder's own stances, held alone or shared, by target. */
  stances: Map<string, ScannedClaim[]>;
  /** Claims held alone, by target; only the side that is looked up needs it. */
  aloneByTarget: Map<string, ScannedClaim[]> | null;
  /** Own opposes-claims held alone on a node `about` others: by each pair of those others, both ways. */
  opposedLinkages: Map<string, Map<string, ScannedClaim[]>>;
}

function sideOf(
  holds: (claim: ScannedClaim) => boolean,
  heldByOther: (claim: ScannedClaim) => boolean,
  claims: readonly ScannedClaim[],
  about: (node: string) => readonly string[] | undefined,
  byTarget: boolean,
): Side {
  const side: Side = {
    holds,
    alone: [],
    stances: new Map(),
    aloneByTarget: byTarget ? new Map() : null,
    opposedLinkages: new Map(),
  };
  for (const claim of claims) {
    const own = isOwnStance(claim);
    if (own) pushTo(side.stances, claim.target, claim);
    if (heldByOther(claim)) continue;
    side.alone.push(claim);
    if (side.aloneByTarget) pushTo(side.aloneByTarget, claim.target, claim);
    const ends = own && claim.relation === "opposes" ? about(claim.target) : undefined;
    for (const x of ends ?? []) {
      for (const y of ends ?? []) {
        if (x === y) continue;
        let row = side.opposedLinkages.get(x);
        if (!row) {
          row = new Map();
          side.opposedLinkages.set(x, row);
        }
        pushTo(row, y, claim);
      }
    }
  }
  return side;
}

export function analysePair(
  graph: LinkageGraph,
  scan: ClaimScan,
  holderA: string,
  holderB: string,
): PairAnalysis {
  const claimsA = scan.byHolder.get(holderA) ?? [];
  const claimsB = scan.byHolder.get(holderB) ?? [];
  const about = (node: string) => graph.getNodeAttribute(node, "about");
  const heldByA = holderTest(scan, holderA);
  const heldByB = holderTest(scan, holderB);
  const a = sideOf(heldByA, heldByB, claimsA, about, false);
  const b = sideOf(heldByB, heldByA, claimsB, about, true);
  const sidesNotStated = (scan.disputed.get(holderA) ?? []).filter((claim) =>
    claim.attributes.disputedBy?.includes(holderB),
  );
  const result: PairAnalysis = { agreements: [], disagreements: [], sidesNotStated, onlyA: [], onlyB: [] };
  const placed = new Set<ScannedClaim>();

  // Agreements (a): held by both. Both lists hold them; take A's copy.
  for (const claim of claimsA) {
    if (heldByB(claim)) result.agreements.push({ pattern: "shared", claims: [claim] });
  }

  const disagree = (pattern: DisagreementPattern, subject: string, x: ScannedClaim, y: ScannedClaim) => {
    // x is held by A alone and y by B alone, or the other way round.
    const xIsA = heldByA(x);
    result.disagreements.push({ pattern, subject, a: xIsA ? x : y, b: xIsA ? y : x });
    placed.add(x);
    placed.add(y);
  };

  // Agreements (b) and (1) opposite stances: claims held alone by each with the same target and the
  // same source as each holder means it; the same relation matches, opposite stances disagree.
  const matches = new Map<string, { fromA: Set<ScannedClaim>; fromB: Set<ScannedClaim> }>();
  for (const claim of a.alone) {
    const candidates = b.aloneByTarget?.get(claim.target);
    if (!candidates) continue;
    const from = viewSource(claim);
    for (const other of candidates) {
      if (viewSource(other) !== from) continue;
      if (other.relation === claim.relation) {
        const key = `${claim.relation}\u0000${from}\u0000${claim.target}`;
        let group = matches.get(key);
        if (!group) {
          group = { fromA: new Set(), fromB: new Set() };
          matches.set(key, group);
        }
        group.fromA.add(claim);
        group.fromB.add(other);
      } else if (isStance(claim) && isStance(other)) {
        disagree("opposite-stances", claim.target, claim, other);
      }
    }
  }
  for (const { fromA, fromB } of matches.values()) {
    const claims = [...fromA, ...fromB];
    result.agreements.push({ pattern: "matching", claims });
    for (const claim of claims) placed.add(claim);
  }

  for (const [drawer, objector] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const link of drawer.alone) {
      if (link.relation !== "links-to") continue;
      // (2) contested linkage: the objector opposes a node about both ends of the drawer's link.
      for (const objection of objector.opposedLinkages.get(link.source)?.get(link.target) ?? [])
        disagree("contested-linkage", objection.target, link, objection);
      // (3) conditioned stance: the objector supports the link's source; the drawer, silent on it,
      //     ties it to something. (4) disputed premise: the objector rejects the link's source; the
      //     drawer, not rejecting it, argues from it.
      const objections = objector.stances.get(link.source);
      if (!objections) continue;
      const drawerStances = drawer.stances.get(link.source);
      const drawerSupports = drawerStances?.some((s) => s.relation === "supports") ?? false;
      const drawerOpposes = drawerStances?.some((s) => s.relation === "opposes") ?? false;
      for (const stance of objections) {
        if (drawer.holds(stance)) continue;
        const pattern: DisagreementPattern | null =
          stance.relation === "supports"
            ? drawerSupports || drawerOpposes
              ? null
              : "conditioned-stance"
            : drawerOpposes
              ? null
              : "disputed-premise";
        if (pattern) disagree(pattern, link.source, link, stance);
      }
    }
  }

  for (const claim of a.alone) if (!placed.has(claim)) result.onlyA.push(claim);
  for (const claim of b.alone) if (!placed.has(claim)) result.onlyB.push(claim);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Public queries.

const byRankThenId = (x: ScannedClaim, y: ScannedClaim) => x.rank - y.rank || compareIds(x.id, y.id);
const compareIds = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function citedRefs(claims: readonly ScannedClaim[], ranks: Map<string, number>): string[] {
  // Most claims cite one finding, whose position is the claim's rank: no lookups needed.
  if (claims.every((c) => c.findings.length === 1)) {
    const ref = (claim: ScannedClaim) => claim.findings[0] as string;
    const single = [...claims].sort((x, y) => x.rank - y.rank || compareIds(ref(x), ref(y)));
    const refs: string[] = [];
    for (const claim of single) if (!refs.includes(ref(claim))) refs.push(ref(claim));
    return refs;
  }
  const refs: string[] = [];
  for (const claim of claims) for (const ref of claim.findings) if (!refs.includes(ref)) refs.push(ref);
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
  const analysis = analysePair(graph, scan, holderA, holderB);
  return comparisonRecords(graph, [holderA, holderB], analysis, scan);
}

/** Whether an item rests, even in part, on a claim whose holders are inferred. */
const restsOnInference = (claims: readonly ScannedClaim[]) =>
  claims.some((claim) => claim.attributes.attribution === "inferred");

function comparisonRecords(
  graph: LinkageGraph,
  holders: [string, string],
  analysis: PairAnalysis,
  scan: ClaimScan,
): Comparison {
  const ranks = scan.findingRank;
  const record = recordOf;
  const rankOf = (claims: readonly ScannedClaim[]) => {
    let rank = Number.POSITIVE_INFINITY;
    for (const claim of claims) rank = Math.min(rank, claim.rank);
    return rank;
  };
  const idsOf = (claims: readonly ScannedClaim[]) => claims.map((c) => c.id).join("\u0000");

  const agreementsOf = (found: PairAnalysis["agreements"]): Agreement[] =>
    found
      .map((agreement) => ({ agreement, rank: rankOf(agreement.claims), ids: idsOf(agreement.claims) }))
      .sort((x, y) => x.rank - y.rank || compareIds(x.ids, y.ids))
      .map(({ agreement }) => ({
        pattern: agreement.pattern,
        claims: agreement.claims.map(record),
        findings: citedRefs(agreement.claims, ranks),
      }));
  const patternOrder = (p: DisagreementPattern) => DISAGREEMENT_PATTERNS.indexOf(p);
  const disagreementsOf = (found: PairAnalysis["disagreements"]): Disagreement[] =>
    found
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
  const inferredAgreements = analysis.agreements.filter((a) => restsOnInference(a.claims));
  const inferredDisagreements = analysis.disagreements.filter((d) => restsOnInference([d.a, d.b]));
  const sidesNotStated: SidesNotStated[] = [...analysis.sidesNotStated].sort(byRankThenId).map((claim) => ({
    pattern: "sides-not-stated",
    subject: claim.target,
    claim: record(claim),
    findings: citedRefs([claim], ranks),
  }));
  const onlyA = [...analysis.onlyA].sort(byRankThenId).map(record);
  const onlyB = [...analysis.onlyB].sort(byRankThenId).map(record);

  // Every held claim scanned is returned above, so the findings they cite are the scan's; the document's
  // claims add theirs.
  const cited = new Set(scan.cited);
  for (const claim of analysis.sidesNotStated)
    for (const ref of claim.findings) {
      const position = ranks.get(ref);
      if (position !== undefined) cited.add(position);
    }
  const findings: FindingSummary[] = [];
  let position = 0;
  for (const finding of findingIndex(graph).values()) {
    if (cited.has(position++))
      findings.push({ id: finding.ref, source: finding.sourceId, summary: finding.summary });
  }
  return {
    holders,
    agreements: agreementsOf(analysis.agreements.filter((a) => !restsOnInference(a.claims))),
    disagreements: disagreementsOf(analysis.disagreements.filter((d) => !restsOnInference([d.a, d.b]))),
    sidesNotStated,
    inferred: {
      agreements: agreementsOf(inferredAgreements),
      disagreements: disagreementsOf(inferredDisagreements),
    },
    onlyA,
    onlyB,
    findings,
  };
}

export type ClaimRole = "contested" | "shared" | "matching" | "only-a" | "only-b" | "differ-unassigned";

/**
 * Each claim of a comparison with its role, for colouring the compare mode. A claim in both a
 * disagreement and an agreement counts as contested. Items resting on inference take the same roles as
 * stated ones; the document's claims that the two differ on, sides not stated, are "differ-unassigned".
 */
export function claimRoles(comparison: Comparison): Record<string, ClaimRole> {
  const roles: Record<string, ClaimRole> = {};
  for (const claim of comparison.onlyA) roles[claim.id] = "only-a";
  for (const claim of comparison.onlyB) roles[claim.id] = "only-b";
  const { agreements, disagreements } = comparison;
  for (const agreement of [...agreements, ...comparison.inferred.agreements])
    for (const claim of agreement.claims) roles[claim.id] = agreement.pattern;
  for (const d of [...disagreements, ...comparison.inferred.disagreements]) {
    roles[d.claimA.id] = "contested";
    roles[d.claimB.id] = "contested";
  }
  for (const item of comparison.sidesNotStated) roles[item.claim.id] = "differ-unassigned";
  return roles;
}

export interface Lens {
  holder: string;
  /** Claims the holder holds alone. */
  own: string[];
  /** Claims the holder holds with at least one other holder. */
  shared: string[];
  /** Claims the holder does not hold: the ones the lens fades (the document's own claims among them). */
  others: string[];
  /** Those of `others` whose disputedBy names the holder: the document says it differs on them. */
  disputed: string[];
  /** Nodes joined by the holder's claims (own and shared), in order of first appearance. */
  nodes: string[];
}

/** The graph as one holder sees it: its own claims, the ones it shares, and everyone else's. */
export function lensClaims(graph: LinkageGraph, holder: string, options: PerspectiveOptions = {}): Lens {
  requireHolder(graph, holder);
  const nodeShown = nodeVisibility(graph, options.filter);
  const claimShown = options.filter?.claim;
  const lens: Lens = { holder, own: [], shared: [], others: [], disputed: [], nodes: [] };
  const nodes = new Set<string>();
  graph.forEachEdge((id, attributes, source, target) => {
    if (claimShown && !claimShown(id, attributes)) return;
    if (nodeShown && !(nodeShown(source) && nodeShown(target))) return;
    if (!attributes.heldBy.includes(holder)) {
      lens.others.push(id);
      if (attributes.disputedBy?.includes(holder)) lens.disputed.push(id);
      return;
    }
    (attributes.heldBy.length > 1 ? lens.shared : lens.own).push(id);
    nodes.add(source);
    nodes.add(target);
  });
  lens.nodes = [...nodes];
  return lens;
}
