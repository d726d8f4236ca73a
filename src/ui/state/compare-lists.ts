// What Compare lists, as plain data: a comparison narrowed to a topic or a node (the question bank's
// "on missile defence", the matrix's column), its Differences (stated, then those the document leaves
// unassigned), what rests on inference, its Agreements and the open questions on it, and the answer in
// words. Item lists come from graph/compare-brief.ts (differenceItems, comparisonDifferences), so the
// panel, its brief and `linkage compare --markdown` count merged items the same way. Pure.
import {
  compareAnswer,
  comparisonDifferences,
  type DifferenceItem,
  differenceItems,
} from "../../graph/compare-brief.ts";
import type {
  Agreement,
  ClaimRole,
  Comparison,
  Disagreement,
  SidesNotStated,
} from "../../graph/perspectives.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import { capitalize, countOf, labelOf, listOf, shortListOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";

/** A topic a comparison can be narrowed to: the nodes and findings that make it. */
export interface Topic {
  id: string;
  /** How it reads after its preposition: "missile defence". */
  label: string;
  preposition: "on" | "in";
  /** An item is about the topic when it touches one of these nodes… */
  nodes: readonly string[];
  /** …or rests on one of these findings (their short ids, "F10"). */
  findings: readonly string[];
  /** Only what the document leaves open: its open questions and the differences it leaves unassigned. */
  open?: boolean;
}

export const TOPICS: readonly Topic[] = [
  {
    id: "missile-defence",
    label: "missile defence",
    preposition: "on",
    nodes: [
      "issue:nmd",
      "issue:tmd",
      "issue:tmd-for-taiwan",
      "treaty:abm",
      "issue:limited-missile-defense",
      "issue:us-missile-defense-debate",
      "issue:strategic-defense-stability",
      "issue:nmd-deferral",
    ],
    findings: ["F5", "F6", "F10"],
  },
  {
    id: "south-asia",
    label: "South Asia",
    preposition: "in",
    nodes: ["issue:south-asia", "treaty:unscr-1172", "issue:1172-means", "actor:india", "actor:pakistan"],
    findings: ["F7"],
  },
  {
    id: "left-open",
    label: "what the document leaves open",
    preposition: "on",
    nodes: [],
    findings: [],
    open: true,
  },
];

/** What a comparison is narrowed to, resolved against the graph: a topic, or one node. */
export interface CompareScope {
  on: string;
  /** "on missile defence", "in South Asia", "on US–China nonproliferation cooperation". */
  phrase: string;
  open: boolean;
  /** Whether a claim is about the scope. */
  covers(claim: Pick<ClaimRecord, "source" | "target" | "findings">): boolean;
  /** Whether an item with this subject and these claims is about the scope. */
  coversItem(subject: string, claims: readonly ClaimRecord[]): boolean;
}

/** The scope `on` names (a topic id or a node id), or null when it names neither in this graph. */
export function compareScope(graph: LinkageGraph, on: string | undefined): CompareScope | null {
  if (!on) return null;
  const topic = TOPICS.find((t) => t.id === on);
  if (!topic && !graph.hasNode(on)) return null;
  const nodes = new Set(topic ? topic.nodes : [on]);
  const findings = topic?.findings ?? [];
  const covers = (claim: Pick<ClaimRecord, "source" | "target" | "findings">) =>
    nodes.has(claim.source) ||
    nodes.has(claim.target) ||
    claim.findings.some((ref) => findings.includes(ref.slice(ref.lastIndexOf("#") + 1)));
  return {
    on,
    phrase: topic ? `${topic.preposition} ${topic.label}` : `on ${labelOf(graph, on)}`,
    open: topic?.open === true,
    covers,
    coversItem: (subject, claims) => nodes.has(subject) || claims.some(covers),
  };
}

/** The comparison with only what is about the scope; what the document leaves open keeps only that. */
export function scopedComparison(comparison: Comparison, scope: CompareScope | null): Comparison {
  if (!scope) return comparison;
  const open = scope.open;
  const disagreement = (d: Disagreement) => !open && scope.coversItem(d.subject, [d.claimA, d.claimB]);
  const agreement = (a: Agreement) => !open && a.claims.some(scope.covers);
  const unassigned = (s: SidesNotStated) => open || scope.coversItem(s.subject, [s.claim]);
  const only = (claims: readonly ClaimRecord[]) => (open ? [] : claims.filter(scope.covers));
  const narrowed: Comparison = {
    ...comparison,
    agreements: comparison.agreements.filter(agreement),
    disagreements: comparison.disagreements.filter(disagreement),
    sidesNotStated: comparison.sidesNotStated.filter(unassigned),
    inferred: {
      agreements: comparison.inferred.agreements.filter(agreement),
      disagreements: comparison.inferred.disagreements.filter(disagreement),
    },
    onlyA: only(comparison.onlyA),
    onlyB: only(comparison.onlyB),
  };
  const cited = new Set(comparisonClaims(narrowed).flatMap((claim) => claim.findings));
  return { ...narrowed, findings: comparison.findings.filter((finding) => cited.has(finding.id)) };
}

/** Every claim a comparison names, each list in turn (a claim may be named twice). */
export function comparisonClaims(comparison: Comparison): ClaimRecord[] {
  const { agreements, disagreements, sidesNotStated, inferred, onlyA, onlyB } = comparison;
  return [
    ...[...agreements, ...inferred.agreements].flatMap((a) => a.claims),
    ...[...disagreements, ...inferred.disagreements].flatMap((d) => [d.claimA, d.claimB]),
    ...sidesNotStated.map((s) => s.claim),
    ...onlyA,
    ...onlyB,
  ];
}

/** Compare's lists, each item once: what the panel shows and the brief writes. */
export interface CompareLists {
  holders: [string, string];
  scope: CompareScope | null;
  /** The comparison narrowed to the scope: what the brief is written from. */
  comparison: Comparison;
  /** Stated differences, then those with sides not stated (comparisonDifferences). */
  differences: DifferenceItem[];
  /** Differences resting on inference, apart. */
  inferred: DifferenceItem[];
  agreements: Agreement[];
  inferredAgreements: Agreement[];
  /** The document's open questions on the scope (on everything, without one). */
  openQuestions: ClaimRecord[];
}

export function compareLists(
  comparison: Comparison,
  scope: CompareScope | null,
  questions: readonly ClaimRecord[],
): CompareLists {
  const narrowed = scopedComparison(comparison, scope);
  return {
    holders: comparison.holders,
    scope,
    comparison: narrowed,
    differences: comparisonDifferences(narrowed),
    inferred: differenceItems(narrowed.inferred.disagreements),
    agreements: narrowed.agreements,
    inferredAgreements: narrowed.inferred.agreements,
    openQuestions: scope ? questions.filter((claim) => scope.open || scope.covers(claim)) : [...questions],
  };
}

/** The role a difference item draws its claims in: contested, or differ with sides not stated. */
export function differenceRole(item: DifferenceItem): ClaimRole {
  return item.pattern === "sides-not-stated" ? "differ-unassigned" : "contested";
}

/** Every claim of a difference item: each side's, then the document's. */
export const itemClaims = (item: DifferenceItem): ClaimRecord[] => [
  ...item.claimsA,
  ...item.claimsB,
  ...item.document,
];

/** How many of compare()'s disagreements the items stand for (merged items count each pair). */
export const pairCount = (items: readonly DifferenceItem[]) =>
  items.reduce((sum, item) => sum + item.pairs, 0);

/** What the question asks for first: where the two differ, what they agree on, or what is left open. */
export type CompareAsk = "differ" | "agree" | "open";

/** Each subject once, in the items' order, as labels. */
function subjects(graph: LinkageGraph, items: readonly { subject: string }[]): string[] {
  return [...new Set(items.map((item) => labelOf(graph, item.subject)))];
}

/** What the agreements are about: the target of each agreement's first claim, each once. */
function agreementTopics(graph: LinkageGraph, agreements: readonly Agreement[]): string[] {
  return [...new Set(agreements.flatMap((a) => (a.claims[0] ? [labelOf(graph, a.claims[0].target)] : [])))];
}

/**
 * The answer in words, from the lists: the whole comparison reads as its brief does (compareAnswer);
 * a narrowed one leads with what its question asks.
 */
export function compareListsAnswer(graph: LinkageGraph, lists: CompareLists, ask: CompareAsk): string {
  const { scope, comparison } = lists;
  if (!scope) return compareAnswer(graph, comparison);
  const [a, b] = comparison.holders.map((id) => labelOf(graph, id)) as [string, string];
  const stated = differenceItems(comparison.disagreements);
  const unassigned = comparison.sidesNotStated;
  const unassignedText = `${countOf(unassigned.length, "difference")} between ${a} and ${b} without saying who holds which view${unassigned.length ? `, on ${shortListOf(subjects(graph, unassigned))}` : ""}`;
  if (ask === "open") {
    const questions = countOf(lists.openQuestions.length, "open question");
    return `The document poses ${questions} and reports ${unassignedText}.`;
  }
  const sentences: string[] = [];
  const agreed = agreementTopics(graph, comparison.agreements);
  const agreeText = `${a} and ${b} agree on ${countOf(comparison.agreements.length, "point")}${agreed.length ? `, about ${shortListOf(agreed)}` : ""}`;
  const statedText = stated.length
    ? `the document states ${countOf(comparison.disagreements.length, "difference")} between ${a} and ${b}, on ${shortListOf(subjects(graph, stated))}`
    : `the document states no difference between ${a} and ${b} with the sides named`;
  if (ask === "agree")
    sentences.push(`${capitalize(scope.phrase)}, ${agreeText}.`, `${capitalize(statedText)}.`);
  else sentences.push(`${capitalize(scope.phrase)}, ${statedText}.`);
  if (unassigned.length) sentences.push(`It reports ${unassignedText}.`);
  const inferred = comparison.inferred.disagreements.length;
  if (inferred)
    sentences.push(
      `${capitalize(countOf(inferred, "more difference"))} ${inferred === 1 ? "rests" : "rest"} on inference, on ${listOf(subjects(graph, comparison.inferred.disagreements))}.`,
    );
  if (ask !== "agree") sentences.push(`${capitalize(agreeText)}.`);
  return sentences.join(" ");
}
