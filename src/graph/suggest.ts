// Nearest ids to a mistyped one, for "did you mean" messages: edit distance over ids and labels.

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

export interface Candidate {
  id: string;
  label: string;
}

/** Up to `limit` candidate ids nearest to `wanted`, best first. */
export function suggestIds(wanted: string, candidates: Iterable<Candidate>, limit = 3): string[] {
  const query = wanted.toLowerCase();
  const bare = query.includes(":") ? query.slice(query.indexOf(":") + 1) : query;
  const scored: { id: string; score: number }[] = [];
  for (const { id, label } of candidates) {
    const slug = id.slice(id.indexOf(":") + 1);
    const distance = Math.min(
      editDistance(query, id),
      editDistance(bare, slug),
      editDistance(bare, label.toLowerCase()),
    );
    // A slug or label that contains the query is a strong hint even when the edit distance is long.
    const contains = bare.length >= 3 && (slug.includes(bare) || label.toLowerCase().includes(bare));
    scored.push({ id, score: contains ? Math.min(distance, 1) : distance + 1 });
  }
  const ceiling = Math.max(3, Math.floor(bare.length * 0.6)) + 2;
  const ranked = scored
    .filter((s) => s.score <= ceiling)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  const best = ranked[0]?.score ?? 0;
  // Keep only near-ties of the best match, so one close hit is not buried under far ones.
  return ranked
    .filter((s) => s.score <= best + 1)
    .slice(0, limit)
    .map((s) => s.id);
}
