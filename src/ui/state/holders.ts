// Who holds a claim, as the explorer shows it: the two sides of the conference, whether a claim is
// held by both, the holder filter's choices and the holders a perspective can take. One table;
// nothing else names the sides. Pure.
import type { LinkageGraph } from "../../graph/types.ts";

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

/**
 * Actors that hold at least one claim: the two sides first, then by name. Read once per graph: the
 * explorer never writes its domain graph, and views ask on every change of what they show (a pass
 * over 100,000 claims is about 15 ms).
 */
export function holdersOf(graph: LinkageGraph): readonly string[] {
  let holders = HOLDERS.get(graph);
  if (!holders) {
    holders = readHolders(graph);
    HOLDERS.set(graph, holders);
  }
  return holders;
}

const HOLDERS = new WeakMap<LinkageGraph, readonly string[]>();

function readHolders(graph: LinkageGraph): readonly string[] {
  const holders = new Set<string>();
  graph.forEachEdge((_claim, attributes) => {
    for (const holder of attributes.heldBy) holders.add(holder);
  });
  const label = (id: string) => graph.getNodeAttribute(id, "label");
  const side = (id: string) => {
    const i = SIDES.indexOf(id as (typeof SIDES)[number]);
    return i < 0 ? SIDES.length : i;
  };
  return Object.freeze(
    [...holders]
      .filter((id) => graph.hasNode(id) && graph.getNodeAttribute(id, "kind") === "actor")
      .sort((a, b) => side(a) - side(b) || label(a).localeCompare(label(b))),
  );
}
