// Who holds a claim, as the explorer shows it: the two sides of the conference, whether a claim is
// held by both, and the holder filter's choices. One table; nothing else names the sides.

/** The two sides whose shared claims are drawn thicker and filtered as "both". */
export const SIDES = ["actor:us", "actor:china"] as const;

export function isHeldByBothSides(heldBy: readonly string[]): boolean {
  return SIDES.every((side) => heldBy.includes(side));
}

/** "any" = no restriction; "both" = held by both sides; an actor id = held by that actor, alone or jointly. */
export type HolderFilter = "any" | "both" | `actor:${string}`;

export function holderMatches(filter: HolderFilter, heldBy: readonly string[]): boolean {
  if (filter === "any") return true;
  if (filter === "both") return isHeldByBothSides(heldBy);
  return heldBy.includes(filter);
}
