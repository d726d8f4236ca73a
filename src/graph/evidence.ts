// Checking evidence against the source document: finds each finding's passage in the document's
// plain text by its opening words, then each claim's quote in the passages of the findings it cites.
// Pure: takes the text as a string (the caller reads the file) and returns plain records.
//
// Text and quotes are compared after one normalisation, and no other: whitespace runs become one
// space, typographic quotes become straight ones and dashes become "-". Case and punctuation stay, so
// a quote that passes is verbatim up to how the document was typeset.
import { InvalidArgumentError } from "./errors.ts";
import { UnknownSourceError } from "./findings-tour.ts";
import { suggestIds } from "./suggest.ts";
import type { LinkageGraph } from "./types.ts";

/** A source document larger than this is not a policy summary; front ends refuse it before reading. */
export const MAX_EVIDENCE_TEXT_BYTES = 10 * 1024 * 1024;

/** Typographic characters and the plain ones they are read as. Whitespace is handled apart. */
const PLAIN: Record<string, string> = {
  "\u201c": '"', // “
  "\u201d": '"', // ”
  "\u201e": '"', // „
  "\u201f": '"', // ‟
  "\u2033": '"', // ″ (double prime, typed for a closing quote)
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201a": "'", // ‚
  "\u201b": "'", // ‛
  "\u2032": "'", // ′ (prime)
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // ‒ figure dash
  "\u2013": "-", // – en dash
  "\u2014": "-", // — em dash
  "\u2015": "-", // ― horizontal bar
  "\u2212": "-", // − minus sign
  "\ufe58": "-", // small em dash
  "\ufe63": "-", // small hyphen-minus
  "\uff0d": "-", // fullwidth hyphen-minus
};

// \s covers the non-breaking spaces (U+00A0, U+202F) and the other Unicode spaces.
const WHITESPACE = /\s/;

export interface NormalizedText {
  text: string;
  /** origin[i] is the offset in the original text of normalised character i; origin[text.length] is its length. */
  origin: Uint32Array;
}

/** The text as quotes are matched against it, with a map back to the original offsets. */
export function normalizeEvidenceText(original: string): NormalizedText {
  const origin = new Uint32Array(original.length + 1);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0;
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const char = original[i] as string;
    const space = WHITESPACE.test(char);
    const plain = space ? " " : PLAIN[char];
    if (plain !== undefined) parts.push(original.slice(runStart, i));
    if (space && inSpace) {
      runStart = i + 1;
      continue;
    }
    inSpace = space;
    origin[length++] = i;
    if (plain !== undefined) {
      parts.push(plain);
      runStart = i + 1;
    }
  }
  parts.push(original.slice(runStart));
  origin[length] = original.length;
  return { text: parts.join(""), origin: origin.subarray(0, length + 1) };
}

/** A quote or opening as it is searched for: normalised, without space at either end. */
export function normalizeQuote(quote: string): string {
  return normalizeEvidenceText(quote).text.trim();
}

export interface OpeningToFind {
  /** Qualified reference, `source-id#F3`. */
  ref: string;
  opening: string;
}

export interface Passage {
  ref: string;
  /** Normalised offsets; start is -1 when the opening was not found, and then end is -1 too. */
  start: number;
  end: number;
}

/**
 * Each finding's passage: from its opening to the next found opening (the last runs to the end).
 * Openings are searched in finding order, each after the end of the previous one found, so a phrase
 * that opens two findings ("US and Chinese participants agreed") is read as the document runs.
 */
export function locatePassages(text: string, findings: readonly OpeningToFind[]): Passage[] {
  let from = 0;
  const passages = findings.map(({ ref, opening }): Passage => {
    const wanted = normalizeQuote(opening);
    const start = wanted ? text.indexOf(wanted, from) : -1;
    if (start >= 0) from = start + wanted.length;
    return { ref, start, end: -1 };
  });
  let end = text.length;
  for (let i = passages.length - 1; i >= 0; i--) {
    const passage = passages[i] as Passage;
    if (passage.start < 0) continue;
    passage.end = end;
    end = passage.start;
  }
  return passages;
}

export interface Span {
  start: number;
  end: number;
}

export interface NearSpan extends Span {
  /** Letters of the needle's words found there: how near the match is. */
  weight: number;
}

const wordKey = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

interface Word extends Span {
  /** Index of the word among the needle's distinct words, or -1. */
  key: number;
}

/**
 * The span of text[from, to) that best matches `needle` word for word, ignoring case and punctuation,
 * or null when nothing there shares enough of its words. A window a little wider than the needle is
 * scored by the letters of the needle's words it holds, so one changed, added or dropped word still
 * finds the place. Linear in the region's words times the needle's.
 */
export function nearestSpan(text: string, needle: string, from = 0, to = text.length): NearSpan | null {
  const wanted = needle.split(/\s+/).map(wordKey).filter(Boolean);
  if (!wanted.length) return null;
  const distinct = [...new Set(wanted)];
  const need = distinct.map((key) => wanted.filter((w) => w === key).length);
  const total = wanted.reduce((sum, key) => sum + key.length, 0);
  const words: Word[] = [];
  const pattern = /\S+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
    const end = Math.min(match.index + match[0].length, to);
    words.push({ start: match.index, end, key: distinct.indexOf(wordKey(text.slice(match.index, end))) });
  }
  const width = wanted.length + 2;
  const used = new Int32Array(distinct.length);
  let best = { weight: 0, count: 0, first: 0, last: 0 };
  for (let i = 0; i < words.length; i++) {
    used.fill(0);
    const window = { weight: 0, count: 0, first: -1, last: -1 };
    for (let k = i; k < Math.min(i + width, words.length); k++) {
      const key = (words[k] as Word).key;
      if (key < 0 || (used[key] as number) >= (need[key] as number)) continue;
      used[key] = (used[key] as number) + 1;
      window.weight += (distinct[key] as string).length;
      window.count++;
      if (window.first < 0) window.first = k;
      window.last = k;
    }
    if (window.weight > best.weight) best = window;
  }
  if (best.count < Math.min(2, wanted.length) || best.weight < total * 0.4) return null;
  return {
    start: (words[best.first] as Word).start,
    end: (words[best.last] as Word).end,
    weight: best.weight,
  };
}

const CONTEXT_WORDS = 5;

/** The span with a few words either side, kept within [from, to); "…" marks text cut off. */
export function excerptAround(text: string, span: Span, from = 0, to = text.length): string {
  const before = text.slice(from, span.start).split(" ");
  const after = text.slice(span.end, to).split(" ");
  const head = before.slice(-CONTEXT_WORDS - 1).join(" ");
  const tail = after.slice(0, CONTEXT_WORDS + 1).join(" ");
  const cutBefore = before.length > CONTEXT_WORDS + 1;
  const cutAfter = after.length > CONTEXT_WORDS + 1;
  const body = `${head}${text.slice(span.start, span.end)}${tail}`.trim();
  return `${cutBefore ? "…" : ""}${body}${cutAfter ? "…" : ""}`;
}

export type EvidenceStatus = "ok" | "missing" | "wrong-finding";

export interface NearestText {
  /** The finding whose passage holds the excerpt; null for text outside every passage. */
  finding: string | null;
  /** Offset in the original text where the matching words begin. */
  offset: number;
  /** The normalised text around the best partial match. */
  excerpt: string;
}

export interface FindingPlace {
  /** Qualified reference, `source-id#F3`. */
  id: string;
  opening: string;
  found: boolean;
  /** Offset of the opening in the original text; null when not found. */
  offset: number | null;
  /** For an opening not found: the text that comes closest, when some does. */
  nearest: NearestText | null;
}

export interface ClaimEvidence {
  id: string;
  status: EvidenceStatus;
  evidence: string;
  /** Every finding the claim cites, qualified. */
  cites: string[];
  /** Passages the quote appears in, when it is not ok; empty when it is nowhere (or before F1). */
  foundIn: string[];
  /** For a quote that is not ok: the closest text in the passages it cites (or anywhere). */
  nearest: NearestText | null;
}

export interface EvidenceReport {
  source: string;
  findings: FindingPlace[];
  claims: ClaimEvidence[];
  /** Claims of the source that cite only other sources' findings, whose text was not given. */
  unchecked: string[];
  ok: boolean;
}

/** Curated sources whose every finding has an opening: those check-evidence can check. */
export function evidenceSources(graph: LinkageGraph): string[] {
  return graph
    .getAttribute("sources")
    .filter((s) => s.provenance !== "imported" && s.findings.every((f) => f.opening))
    .map((s) => s.id);
}

/**
 * Checks every claim of `sourceId` against `documentText`, the source document as plain text.
 * Throws UnknownSourceError (with the nearest source ids) for a source the graph lacks, and
 * InvalidArgumentError for one whose findings have no openings.
 */
export function checkEvidence(graph: LinkageGraph, sourceId: string, documentText: string): EvidenceReport {
  const source = graph.getAttribute("sources").find((s) => s.id === sourceId);
  if (!source) {
    const candidates = graph.getAttribute("sources").map((s) => ({ id: s.id, label: s.title }));
    throw new UnknownSourceError(sourceId, suggestIds(sourceId, candidates));
  }
  const lacking = source.findings.filter((f) => !f.opening).map((f) => f.id);
  if (source.provenance === "imported" || lacking.length) {
    throw new InvalidArgumentError(
      `source "${sourceId}" ${source.provenance === "imported" ? "is an imported graph; its findings have" : `has findings without an "opening" (${lacking.join(", ")}), so they have`} no passages to check evidence against`,
    );
  }
  const document = normalizeEvidenceText(documentText);
  const openings = source.findings.map((f) => ({ ref: `${sourceId}#${f.id}`, opening: f.opening ?? "" }));
  const passages = locatePassages(document.text, openings);
  const findings = openings.map((o, i) => findingPlace(document, passages, o, i));
  const claims: ClaimEvidence[] = [];
  const unchecked: string[] = [];
  graph.forEachEdge((id, attributes) => {
    if (attributes.sourceId !== sourceId || attributes.evidence === undefined) return;
    const own = attributes.findings.filter((ref) => ref.startsWith(`${sourceId}#`));
    if (!own.length) unchecked.push(id);
    else claims.push(claimEvidence(document, passages, id, attributes.evidence, attributes.findings));
  });
  const ok = findings.every((f) => f.found) && claims.every((c) => c.status === "ok");
  return { source: sourceId, findings, claims, unchecked, ok };
}

function findingPlace(
  document: NormalizedText,
  passages: Passage[],
  opening: OpeningToFind,
  index: number,
): FindingPlace {
  const passage = passages[index] as Passage;
  const found = passage.start >= 0;
  let nearest: NearestText | null = null;
  if (!found) {
    // Look first where the search for it ran: from the last opening found before it.
    const previous = passages
      .slice(0, index)
      .filter((p) => p.start >= 0)
      .pop();
    const wanted = normalizeQuote(opening.opening);
    const span =
      nearestSpan(document.text, wanted, previous?.start ?? 0) ??
      (previous ? nearestSpan(document.text, wanted) : null);
    nearest = span && nearestText(document, passages, span);
  }
  return {
    id: opening.ref,
    opening: opening.opening,
    found,
    offset: found ? (document.origin[passage.start] as number) : null,
    nearest,
  };
}

function claimEvidence(
  document: NormalizedText,
  passages: Passage[],
  id: string,
  evidence: string,
  cites: string[],
): ClaimEvidence {
  const quote = normalizeQuote(evidence);
  const cited = passages.filter((p) => p.start >= 0 && cites.includes(p.ref));
  if (cited.some((p) => occursWithin(document.text, quote, p))) {
    return { id, status: "ok", evidence, cites: [...cites], foundIn: [], nearest: null };
  }
  const foundIn = new Set<string>();
  let anywhere = false;
  for (let at = document.text.indexOf(quote); at >= 0; at = document.text.indexOf(quote, at + 1)) {
    anywhere = true;
    for (const p of passages)
      if (p.start >= 0 && p.start < at + quote.length && at < p.end) foundIn.add(p.ref);
  }
  // The best partial match in the passages it cites, where the author most likely meant; else anywhere.
  const inCited = cited
    .map((p) => nearestSpan(document.text, quote, p.start, p.end))
    .reduce<NearSpan | null>(
      (best, span) => (span && (!best || span.weight > best.weight) ? span : best),
      null,
    );
  const span = inCited ?? nearestSpan(document.text, quote);
  return {
    id,
    status: anywhere ? "wrong-finding" : "missing",
    evidence,
    cites: [...cites],
    foundIn: [...foundIn],
    nearest: span && nearestText(document, passages, span),
  };
}

function occursWithin(text: string, quote: string, passage: Passage): boolean {
  const at = text.indexOf(quote, passage.start);
  return at >= 0 && at + quote.length <= passage.end;
}

/** A near match as reported: the passage it sits in, its offset in the original, and its context. */
function nearestText(document: NormalizedText, passages: Passage[], span: Span): NearestText {
  const holder = passages.find((p) => p.start >= 0 && p.start <= span.start && span.start < p.end);
  return {
    finding: holder?.ref ?? null,
    offset: document.origin[span.start] as number,
    excerpt: excerptAround(document.text, span, holder?.start ?? 0, holder?.end ?? document.text.length),
  };
}
