// The keyboard cursor of a listbox (the search results): which option is active after an arrow key.
// Pure, so the wrapping rules are tested without a DOM.

/** The next active option when moving by `delta`, wrapping; -1 means none. */
export function moveActive(active: number, count: number, delta: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta > 0 ? 0 : count - 1;
  return (active + delta + count) % count;
}
