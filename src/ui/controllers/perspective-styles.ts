// The look of the lens and Compare layers as sigma style rules: one table of compare-role colours
// and widths (the legend reads the same table), a matchState rule on the `compareRole` edge state
// and whenState rules on `isFaded`. Declarative only: switching the lens changes states, never styles.
// biome-ignore-all lint/suspicious/noThenProperty: sigma's conditional style rules are `{ whenState, then }`.
import { type ClaimRole, PATTERN_TEXT } from "../../graph/perspectives.ts";
import { RELATION_STYLES, RELATIONS } from "../../model/vocabulary.ts";
import type { CompareRoleState } from "../state/perspective-layer.ts";
import type { ExplorerStyles } from "./styles.ts";

export interface CompareRoleStyle {
  color: string;
  /** Width in screen pixels: contested is the thickest, so colour is never the only cue. */
  size: number;
  /** Legend text; `{a}` and `{b}` are the compared holders' names. */
  label: string;
  description: string;
}

/**
 * Chosen away from the node colours (blue actors, amber issues, green treaties), since in Compare
 * the claims lose their relation colour; width and the dashes of "opposes" stay as cues.
 */
export const COMPARE_ROLE_STYLES: Record<ClaimRole, CompareRoleStyle> = {
  contested: {
    color: "#dc2626",
    size: 5,
    label: "Contested",
    description: "in a disagreement between the two (thickest line)",
  },
  // The document's own claim: its grey-dot tail (ATTRIBUTION_LOOKS) stays, a cue beside the colour.
  "differ-unassigned": {
    color: "#854d0e",
    size: 4,
    label: PATTERN_TEXT["sides-not-stated"].title,
    description: `${PATTERN_TEXT["sides-not-stated"].gloss} (thick line, dot at its start)`,
  },
  shared: {
    color: "#7c3aed",
    size: 3.4,
    label: "Held jointly",
    description: "one claim both hold (thick line)",
  },
  matching: {
    color: "#a78bfa",
    size: 2.6,
    label: "Matching views",
    description: "the same view, held by each separately",
  },
  "only-a": { color: "#0891b2", size: 1.6, label: "Only {a}", description: "{a} speaks to it; {b} does not" },
  "only-b": { color: "#db2777", size: 1.6, label: "Only {b}", description: "{b} speaks to it; {a} does not" },
};

export const COMPARE_ROLES = Object.keys(COMPARE_ROLE_STYLES) as ClaimRole[];

/** Custom edge state: the `compareRole` string and `isFaded`, with their defaults. */
export const PERSPECTIVE_CLAIM_STATE = { isFaded: false, compareRole: "none" as CompareRoleState };
export const PERSPECTIVE_NODE_STATE = { isFaded: false };

type EdgeRule = Extract<NonNullable<ExplorerStyles["edges"]>, readonly unknown[]>[number];
type NodeRule = Extract<NonNullable<ExplorerStyles["nodes"]>, readonly unknown[]>[number];

/** Edge rules, placed after the relation and width rules and before dimming and selection. */
export function perspectiveEdgeRules(): EdgeRule[] {
  const cases = Object.fromEntries(
    COMPARE_ROLES.map((role) => {
      const style = COMPARE_ROLE_STYLES[role];
      return [role, { color: style.color, solidColor: style.color, size: style.size }];
    }),
  );
  // A dashed relation keeps its transparent plain layer, so its dashes still say "opposes".
  const dashed = Object.fromEntries(
    RELATIONS.filter((relation) => RELATION_STYLES[relation].dash > 0).map((relation) => [
      relation,
      { solidColor: "transparent" },
    ]),
  );
  return [
    { matchState: "compareRole", cases },
    { matchData: "relation", cases: dashed },
    { whenState: "isFaded", then: { opacity: 0.1, labelVisibility: "hidden" } },
  ];
}

export function perspectiveNodeRules(): NodeRule[] {
  return [{ whenState: "isFaded", then: { opacity: 0.22, labelVisibility: "hidden" } }];
}
