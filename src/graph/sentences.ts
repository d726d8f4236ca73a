// How claims, counts and lists read in English, for every printer of them: the CLI, the Markdown briefs
// and the explorer. A claim's sentence is built here and nowhere else, from the vocabulary tables
// (RELATION_STYLES, ATTRIBUTION_STYLES, MODALITY_STYLES, PATTERN_TEXT) and the claim's own qualifier.
// Plain strings out, never Markdown or DOM: each front end escapes or places them as it needs.
import { KIND_STYLES, type NodeKind, RELATION_STYLES } from "../model/vocabulary.ts";
import { isOwnStance, PATTERN_TEXT } from "./perspectives.ts";
import { type ClaimRecord, claimVoice } from "./records.ts";
import type { LinkageGraph } from "./types.ts";

export function labelOf(graph: LinkageGraph, id: string): string {
  return graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id;
}

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

/** "two"; digits from 21 on, where words stop helping a reader. */
export function numberWord(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

/** "3 paths", "1 path": a count in digits, for summaries and tables; the one plural of the project. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "two things", "one thing", "no things". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count === 0 ? "no" : numberWord(count)} ${count === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[], conjunction = "and"): string {
  if (items.length < 2) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** A list that names at most `max` items: "a, b, c, d and three others". */
export function shortListOf(items: readonly string[], max = 5): string {
  if (items.length <= max) return listOf(items);
  const rest = items.length - (max - 1);
  return listOf([...items.slice(0, max - 1), `${numberWord(rest)} others`]);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a result of these kinds is called: "thing"/"things", or the kind's own words ("issue"/"issues"). */
export function kindNoun(kinds: readonly NodeKind[] | null): { one: string; many: string } {
  const only = kinds?.length === 1 ? kinds[0] : undefined;
  if (!only) return { one: "thing", many: "things" };
  return { one: KIND_STYLES[only].label.toLowerCase(), many: KIND_STYLES[only].plural.toLowerCase() };
}

/** A finding reference as a reader sees it: `F3` when the graph has one source, `source-id#F3` otherwise. */
export function findingName(graph: LinkageGraph): (ref: string) => string {
  const oneSource = graph.getAttribute("sources").length === 1;
  return (ref) => (oneSource ? ref.slice(ref.lastIndexOf("#") + 1) : ref);
}

// A qualifier is the document's own words for how a claim ties its source to its target ("contingent
// on", "could destabilize, if not handled carefully,"). Where it reads as a predicate, the sentence uses
// it ("cooperation is contingent on arms sales"), which is what an analyst would write; otherwise the
// sentence keeps the relation's verb and quotes the qualifier, so it is never made ungrammatical. Which
// it is, is read from its first word: two short closed lists, kept here with the one rule that uses them.

/** First words after which a qualifier is a verb phrase of its own: "could destabilize", "has pulled back". */
const VERB_OPENINGS = new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "had",
  "will",
  "would",
  "could",
  "can",
  "may",
  "might",
  "must",
  "should",
  "does",
  "do",
  "did",
]);

/** First words after which a qualifier describes its source after "is": "contingent on", "a form of". */
const PREDICATE_OPENINGS = new Set([
  "a",
  "an",
  "the",
  "of",
  "in",
  "for",
  "on",
  "about",
  "contingent",
  "dependent",
  "needed",
  "offered",
  "assessed",
  "made",
  "part",
]);

/** How a qualifier joins its claim's ends, or "plain" when the claim has none. */
export type QualifierJoin = "plain" | "verb" | "predicate" | "question" | "quoted";

export function qualifierJoin(relation: string, qualifier: string | null): QualifierJoin {
  const words = qualifier?.trim();
  if (!words) return "plain";
  // Stances name their holder and their verb; the qualifier only colours them.
  if (relation !== "links-to") return "quoted";
  if (words.endsWith("?")) return "question";
  const first = words.split(/[\s,]/, 1)[0]?.toLowerCase() ?? "";
  if (VERB_OPENINGS.has(first)) return "verb";
  if (PREDICATE_OPENINGS.has(first)) return "predicate";
  return "quoted";
}

/** A qualifier inside parentheses or a list: without the comma or colon that led into the target. */
export function trimQualifier(qualifier: string): string {
  return qualifier.trim().replace(/[\s,;:]+$/, "");
}

export interface SentenceOptions {
  /**
   * Whose side the sentence is read from: the speaker's own stance (its source the speaker, or a joint
   * stance the speaker holds) then starts at its verb, "opposes X".
   */
  speaker?: string;
}

/**
 * The claim as one sentence, in its own direction, without a final full stop (a question keeps its
 * question mark): "US–China nonproliferation cooperation is contingent on US arms sales to Taiwan".
 * The document's own claims start "The document says" (a question it poses, "The document asks of").
 */
export function claimSentence(
  graph: LinkageGraph,
  claim: ClaimRecord,
  options: SentenceOptions = {},
): string {
  const voice = claimVoice(claim);
  const source = labelOf(graph, claim.source);
  const target = labelOf(graph, claim.target);
  const { speaker } = options;
  const own =
    speaker !== undefined &&
    (claim.source === speaker || (isOwnStance(claim) && claim.heldBy.includes(speaker)));
  const subject = own ? "" : `${voice.lead ? inSentence(source) : source} `;
  const verb = RELATION_STYLES[claim.relation].verb;
  const qualifier = claim.qualifier?.trim() ?? "";
  const lead = voice.lead ? `${voice.lead} ` : "";
  switch (qualifierJoin(claim.relation, claim.qualifier)) {
    case "plain":
      return `${lead}${subject}${verb} ${target}`;
    case "verb":
      return `${lead}${subject}${qualifier} ${target}`;
    case "predicate": {
      // An aside opening the qualifier ("in the US view, part of") is set off after "is".
      const aside = /^in [^,]+,/.test(qualifier) ? "," : "";
      return `${lead}${subject}is${aside} ${qualifier} ${target}`;
    }
    case "question": {
      const asked = voice.lead ? `The document asks of ${source}` : source;
      return `${asked}: ${qualifier.replace(/\s*\?$/, "")} ${target}?`;
    }
    case "quoted":
      return `${lead}${subject}${verb} ${target} (“${trimQualifier(qualifier)}”)`;
  }
}

/**
 * A label placed after "The document says": a leading article or "Whether" is lower-cased ("The
 * document says whether NMD is directed …"); names and acronyms are left as they are.
 */
export function inSentence(label: string): string {
  return /^(The|A|An|Whether) /.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label;
}

/** The sentence with its final stop: "…", "…?" stays as it is. */
export function asStatement(sentence: string): string {
  return /[.?!]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** "United States and China" for a claim's holders; "" when it has none. */
export function holderNames(graph: LinkageGraph, claim: Pick<ClaimRecord, "heldBy">): string {
  return listOf(claim.heldBy.map((id) => labelOf(graph, id)));
}

/**
 * "Differ, sides not stated: United States and China" for a claim whose disputedBy names actors (the
 * document reports they differ on it without saying who holds which view); null otherwise.
 */
export function disputeNote(graph: LinkageGraph, claim: Pick<ClaimRecord, "disputedBy">): string | null {
  if (!claim.disputedBy.length) return null;
  return `${PATTERN_TEXT["sides-not-stated"].title}: ${listOf(claim.disputedBy.map((id) => labelOf(graph, id)))}`;
}
