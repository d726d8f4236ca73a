// The type-ahead index over node labels and aliases. Matching ignores case, diacritics and
// punctuation ("Côte", "cote", "COTE" are one), and ranks exact, then prefix, then word-prefix,
// then substring matches. Pure: built once from a graph, queried with plain strings.
import type { NodeKind } from "../model/vocabulary.ts";
import type { LinkageGraph } from "./types.ts";

export interface SearchHit {
  id: string;
  label: string;
  kind: NodeKind;
  /** The alias that matched, when the match was not on the label. */
  alias?: string;
}

interface SearchTerm {
  text: string;
  normalized: string;
  isAlias: boolean;
}

interface SearchEntry {
  id: string;
  label: string;
  kind: NodeKind;
  terms: SearchTerm[];
}

export interface SearchIndex {
  readonly entries: readonly SearchEntry[];
}

const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Lowercase, without diacritics, with every run of punctuation or space made one space. */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFD").replace(MARKS, "").toLowerCase().replace(SEPARATORS, " ").trim();
}

export function createSearchIndex(graph: LinkageGraph): SearchIndex {
  const entries: SearchEntry[] = [];
  graph.forEachNode((id, attributes) => {
    const terms: SearchTerm[] = [
      { text: attributes.label, normalized: normalizeForSearch(attributes.label), isAlias: false },
      ...attributes.aliases.map((alias) => ({
        text: alias,
        normalized: normalizeForSearch(alias),
        isAlias: true,
      })),
    ];
    entries.push({ id, label: attributes.label, kind: attributes.kind, terms });
  });
  return { entries };
}

/** Lower is better; undefined means no match. */
function termScore(term: string, query: string, words: readonly string[]): number | undefined {
  if (term === query) return 0;
  if (term.startsWith(query)) return 1;
  if (term.includes(` ${query}`)) return 2;
  if (term.includes(query)) return 3;
  // Every query word starts a word of the term, in any order: "control arms" finds "arms control".
  const termWords = term.split(" ");
  if (words.length > 1 && words.every((word) => termWords.some((t) => t.startsWith(word)))) return 4;
  return undefined;
}

export function searchNodes(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const normalized = normalizeForSearch(query);
  if (!normalized) return [];
  const words = normalized.split(" ");
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const entry of index.entries) {
    let best: { score: number; term: SearchTerm } | undefined;
    for (const term of entry.terms) {
      const score = termScore(term.normalized, normalized, words);
      if (score === undefined) continue;
      // A label match outranks an alias match of the same strength.
      const weighted = score + (term.isAlias ? 0.5 : 0);
      if (!best || weighted < best.score) best = { score: weighted, term };
    }
    if (!best) continue;
    const hit: SearchHit = { id: entry.id, label: entry.label, kind: entry.kind };
    if (best.term.isAlias) hit.alias = best.term.text;
    scored.push({ hit, score: best.score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score || a.hit.label.length - b.hit.label.length || a.hit.label.localeCompare(b.hit.label),
  );
  return scored.slice(0, limit).map((s) => s.hit);
}
