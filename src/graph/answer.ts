// A trace read as an answer: one or two plain sentences that say what was found, the direct ties, and
// the longer chains grouped by the node they pass through, each step written once as a sentence in its
// claim's own direction (sentences.ts). Pure: plain data in (a graph and a Trace from trace.ts), plain
// data and strings out, no Markdown and no DOM, so the CLI, the Markdown brief and the explorer all
// print the same reading.
import { ATTRIBUTION_STYLES, type NodeKind } from "../model/vocabulary.ts";
import { findingRanks } from "./perspectives.ts";
import { type ClaimRecord, claimVoice } from "./records.ts";
import {
  capitalize,
  claimSentence,
  countOf,
  disputeNote,
  findingName,
  holderNames,
  kindNoun,
  labelOf,
  listOf,
  numberWord,
  shortListOf,
  trimQualifier,
} from "./sentences.ts";
import type { Trace } from "./trace.ts";
import type { LinkageGraph } from "./types.ts";

/** One claim taken by a chain, ready to print. */
export interface StepReading {
  claim: ClaimRecord;
  /** The node the chain is at before this step, and the node it reaches. */
  from: string;
  to: string;
  /** The claim as a sentence in its own direction (claimSentence), without a final stop. */
  sentence: string;
  /** "United States and China"; "" for the document's own voice and for claims nobody holds. */
  holders: string;
  /** "inferred", "hedged", "open question", from the vocabulary tables, in that order. */
  markers: string[];
  /** "Differ, sides not stated: United States and China"; null unless the document says so. */
  dispute: string | null;
  /** For inferred holders, why they are read so; otherwise null. */
  inferredBecause: string | null;
  evidence: string | null;
  /** The findings it cites, as a reader sees them ("F3"). */
  findings: string[];
}

/** A node tied to the target by one claim (or several parallel ones). */
export interface DirectTie {
  node: string;
  label: string;
  kind: NodeKind;
  steps: StepReading[];
}

/** One step after the first, once however many chains share it, and what follows it. */
export interface ChainStep {
  step: StepReading;
  /** True when a chain ends here: the step reaches a result of the trace. */
  reachesResult: boolean;
  next: ChainStep[];
}

/** The chains of two or more claims that pass through one node first. */
export interface ChainGroup {
  via: string;
  label: string;
  /** True when `via` is a direct tie itself, so its first steps are already under the direct ties. */
  direct: boolean;
  /** The claims that tie the target to `via`, each once. */
  first: StepReading[];
  /** What follows `via`, as a tree whose every step is printed once. */
  next: ChainStep[];
  /** How many chains go this way. */
  chains: number;
}

export interface TraceReading {
  /** "What does China tie to US arms sales to Taiwan?" */
  question: string;
  /** One or two sentences that say what was found. */
  answer: string;
  direct: DirectTie[];
  groups: ChainGroup[];
  /** Qualified references of every finding the chains cite, in source order (F1, F2, … F10). */
  findings: string[];
}

/** The question a trace answers: "What does China tie to US arms sales to Taiwan?" */
export function traceQuestion(graph: LinkageGraph, trace: Pick<Trace, "target" | "holder">): string {
  const target = labelOf(graph, trace.target);
  return trace.holder
    ? `What does ${labelOf(graph, trace.holder)} tie to ${target}?`
    : `What is tied to ${target}?`;
}

/** A claim ready to print, as a step from `from` to `to`. */
export function readStep(graph: LinkageGraph, claim: ClaimRecord, from: string, to: string): StepReading {
  const voice = claimVoice(claim);
  const name = findingName(graph);
  return {
    claim,
    from,
    to,
    sentence: claimSentence(graph, claim),
    holders: holderNames(graph, claim),
    markers: voice.markers,
    dispute: disputeNote(graph, claim),
    inferredBecause: voice.inferredBecause,
    evidence: voice.evidence,
    findings: claim.findings.map(name),
  };
}

export function readTrace(graph: LinkageGraph, trace: Trace): TraceReading {
  const rank = rankOfClaims(graph);
  const direct: DirectTie[] = [];
  for (const result of trace.results) {
    if (result.distance !== 1) continue;
    const steps = result.paths
      .filter((path) => path.claims.length === 1)
      .map((path) => readStep(graph, path.claims[0] as ClaimRecord, trace.target, result.node));
    direct.push({ node: result.node, label: result.label, kind: result.kind, steps });
  }
  const byFinding = (x: ClaimRecord[], y: ClaimRecord[]) => rank(x) - rank(y);
  direct.sort((x, y) => byFinding(claimsOf(x.steps), claimsOf(y.steps)));
  const groups = chainGroups(graph, trace, new Set(direct.map((tie) => tie.node)));
  groups.sort((x, y) => byFinding(claimsOf(x.first), claimsOf(y.first)));
  return {
    question: traceQuestion(graph, trace),
    answer: answerSentences(graph, trace, direct, groups),
    direct,
    groups,
    findings: citedRefs(graph, trace),
  };
}

const claimsOf = (steps: readonly StepReading[]) => steps.map((step) => step.claim);

/** The position of the earliest finding some claim cites, so ties and groups read in source order. */
function rankOfClaims(graph: LinkageGraph): (claims: readonly ClaimRecord[]) => number {
  const ranks = findingRanks(graph);
  return (claims) => {
    let best = Number.POSITIVE_INFINITY;
    for (const claim of claims)
      for (const ref of claim.findings) best = Math.min(best, ranks.get(ref) ?? Number.POSITIVE_INFINITY);
    return best;
  };
}

/** Every finding cited on some chain, in source order: F9 before F10. */
function citedRefs(graph: LinkageGraph, trace: Trace): string[] {
  const cited = new Set<string>();
  for (const result of trace.results)
    for (const path of result.paths)
      for (const claim of path.claims) for (const ref of claim.findings) cited.add(ref);
  const ranks = findingRanks(graph);
  const position = (ref: string) => ranks.get(ref) ?? Number.POSITIVE_INFINITY;
  return [...cited].sort((x, y) => position(x) - position(y) || (x < y ? -1 : x > y ? 1 : 0));
}

interface Building {
  step: StepReading;
  reachesResult: boolean;
  next: Map<string, Building>;
}

/**
 * The chains of two or more claims, grouped by the node they pass through first. Below that node the
 * chains form a tree keyed by claim: two chains that share a step share one branch, so no step prints
 * twice in a group.
 */
function chainGroups(graph: LinkageGraph, trace: Trace, directNodes: ReadonlySet<string>): ChainGroup[] {
  const groups = new Map<string, { group: ChainGroup; next: Map<string, Building> }>();
  for (const result of trace.results) {
    for (const path of result.paths) {
      if (path.claims.length < 2) continue;
      const via = path.nodes[1] as string;
      let entry = groups.get(via);
      if (!entry) {
        const group: ChainGroup = {
          via,
          label: labelOf(graph, via),
          direct: directNodes.has(via),
          first: [],
          next: [],
          chains: 0,
        };
        entry = { group, next: new Map() };
        groups.set(via, entry);
      }
      entry.group.chains++;
      const first = path.claims[0] as ClaimRecord;
      if (!entry.group.first.some((step) => step.claim.id === first.id))
        entry.group.first.push(readStep(graph, first, trace.target, via));
      let level = entry.next;
      for (let i = 1; i < path.claims.length; i++) {
        const claim = path.claims[i] as ClaimRecord;
        let branch = level.get(claim.id);
        if (!branch) {
          const step = readStep(graph, claim, path.nodes[i] as string, path.nodes[i + 1] as string);
          branch = { step, reachesResult: false, next: new Map() };
          level.set(claim.id, branch);
        }
        if (i === path.claims.length - 1) branch.reachesResult = true;
        level = branch.next;
      }
    }
  }
  const built = (level: Map<string, Building>): ChainStep[] =>
    [...level.values()].map((b) => ({ step: b.step, reachesResult: b.reachesResult, next: built(b.next) }));
  return [...groups.values()].map(({ group, next }) => ({ ...group, next: built(next) }));
}

// ---------------------------------------------------------------------------------------------------
// The answer in words.

/** Who voices a claim, as a subject: an actor's name, "the document", or "claims with no holder named". */
function voicesOf(graph: LinkageGraph, claim: ClaimRecord): string[] {
  if (claimVoice(claim).lead) return ["the document"];
  if (!claim.heldBy.length) return ["claims with no holder named"];
  return claim.heldBy.map((id) => labelOf(graph, id));
}

/** The subject of the answer: the holder, or everyone who voices the direct ties, the document first. */
function subjectOf(graph: LinkageGraph, trace: Trace, claims: readonly ClaimRecord[]): string[] {
  if (trace.holder) return [labelOf(graph, trace.holder)];
  const voices = new Set<string>();
  for (const claim of claims) if (claimVoice(claim).lead) voices.add("the document");
  for (const claim of claims) for (const voice of voicesOf(graph, claim)) voices.add(voice);
  return [...voices];
}

/**
 * What a direct tie's claim adds in parentheses: whose it is (when several voices share the sentence),
 * whether the document says the sides differ on it, its markers, its qualifier and its findings.
 * "contingent on, F3"; "the document, hedged: could destabilize, if not handled carefully, F5".
 */
function tieNote(graph: LinkageGraph, step: StepReading, withVoice: boolean): string {
  const who: string[] = [];
  if (withVoice) who.push(listOf(voicesOf(graph, step.claim)));
  if (step.claim.disputedBy.length)
    who.push(
      `${listOf(step.claim.disputedBy.map((id) => labelOf(graph, id)))} differ on it, sides not stated`,
    );
  const how = [...who, ...step.markers].join(", ");
  const qualifier = step.claim.qualifier ? trimQualifier(step.claim.qualifier) : "";
  const core = how && qualifier ? `${how}: ${qualifier}` : how || qualifier;
  return [core, step.findings.join(", ")].filter(Boolean).join(", ");
}

function answerSentences(
  graph: LinkageGraph,
  trace: Trace,
  direct: readonly DirectTie[],
  groups: readonly ChainGroup[],
): string {
  const target = labelOf(graph, trace.target);
  const noun = kindNoun(trace.kinds);
  if (trace.results.length === 0) return nothingFound(graph, trace, target);
  const sentences: string[] = [];
  if (direct.length) {
    const subject = subjectOf(
      graph,
      trace,
      direct.flatMap((tie) => claimsOf(tie.steps)),
    );
    const withVoice = subject.length > 1;
    const items = direct.map(
      (tie) => `${tie.label} (${tie.steps.map((step) => tieNote(graph, step, withVoice)).join("; ")})`,
    );
    const verb = subject.length > 1 ? "tie" : "ties";
    sentences.push(
      `${capitalize(listOf(subject))} ${verb} ${target} directly to ${countOf(direct.length, noun.one, noun.many)}: ${shortListOf(items)}.`,
    );
  } else {
    sentences.push(
      trace.holder
        ? `${labelOf(graph, trace.holder)} ties no ${noun.one} to ${target} directly.`
        : `No ${noun.one} is tied to ${target} directly.`,
    );
  }
  if (groups.length) sentences.push(throughSentence(trace, direct, groups, noun));
  return sentences.join(" ");
}

/** "Through A and B, chains of two claims reach four more things: …". */
function throughSentence(
  trace: Trace,
  direct: readonly DirectTie[],
  groups: readonly ChainGroup[],
  noun: { one: string; many: string },
): string {
  const farther = trace.results.filter((result) => result.distance > 1);
  let longest = 2;
  for (const result of trace.results)
    for (const path of result.paths) longest = Math.max(longest, path.claims.length);
  const lengths = longest === 2 ? "two claims" : `two to ${numberWord(longest)} claims`;
  const chains = groups.reduce((sum, group) => sum + group.chains, 0);
  const through = `Through ${shortListOf(
    groups.map((group) => group.label),
    4,
  )}`;
  if (!farther.length)
    return `${through}, ${countOf(chains, `longer chain joins`, `longer chains join`)} them to each other.`;
  const more = direct.length ? "more " : "";
  const reached = countOf(farther.length, `${more}${noun.one}`, `${more}${noun.many}`);
  return `${through}, chains of ${lengths} reach ${reached}: ${shortListOf(farther.map((result) => result.label))}.`;
}

/** The answer when nothing is reached, with what the question was limited to. */
function nothingFound(graph: LinkageGraph, trace: Trace, target: string): string {
  const stated = trace.attribution ? `${ATTRIBUTION_STYLES[trace.attribution].label.toLowerCase()} ` : "";
  const held = trace.holder ? ` ${labelOf(graph, trace.holder)} holds` : "";
  const what = trace.kinds
    ? `any ${listOf(
        trace.kinds.map((kind) => kindNoun([kind]).one),
        "or",
      )}`
    : "anything";
  const reach =
    trace.depth > 1 ? `, directly or through chains of up to ${numberWord(trace.depth)} claims` : "";
  return `No ${stated}claim${held} ties ${target} to ${what}${reach}.`;
}
