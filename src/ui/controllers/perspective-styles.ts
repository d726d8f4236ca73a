// The look of the lens and Compare layers as sigma style rules, from the compare-role table in
// state/looks.ts (the legend reads the same table): a matchState rule on the `compareRole` edge state
// and whenState rules on `isFaded`. The plain drawing fades with a uniform instead, sparing `isLit`
// items (styles.ts). Declarative only: switching the lens changes states, never styles.
// biome-ignore-all lint/suspicious/noThenProperty: sigma's conditional style rules are `{ whenState, then }`.
import { RELATION_STYLES, RELATIONS } from "../../model/vocabulary.ts";
import type { Drawing } from "../state/derived.ts";
import { COMPARE_ROLE_STYLES, COMPARE_ROLES } from "../state/looks.ts";
import type { CompareRoleState } from "../state/perspective-layer.ts";
import type { EdgeRule, NodeRule } from "./styles.ts";

/**
 * Custom edge state: the `compareRole` string, `isFaded` (rich) and `isLit` (plain: held in the lens
 * or compared, so left unfaded), with their defaults.
 */
export const PERSPECTIVE_CLAIM_STATE = {
  isFaded: false,
  isLit: false,
  compareRole: "none" as CompareRoleState,
};
export const PERSPECTIVE_NODE_STATE = { isFaded: false, isLit: false };

/** Edge rules, placed after the relation and width rules and before dimming and selection. */
export function perspectiveEdgeRules(drawing: Drawing): EdgeRule[] {
  // Plain's one layer draws the claim's colour; rich's plain layer draws solidColor.
  const cases = Object.fromEntries(
    COMPARE_ROLES.map((role) => {
      const { color, size } = COMPARE_ROLE_STYLES[role];
      return [role, drawing === "rich" ? { color, solidColor: color, size } : { color, size }];
    }),
  );
  if (drawing === "plain") return [{ matchState: "compareRole", cases }, FADED_CLAIM];
  // A dashed relation keeps its transparent plain layer, so its dashes still say "opposes".
  const dashed = Object.fromEntries(
    RELATIONS.filter((relation) => RELATION_STYLES[relation].dash > 0).map((relation) => [
      relation,
      { solidColor: "transparent" },
    ]),
  );
  return [{ matchState: "compareRole", cases }, { matchData: "relation", cases: dashed }, FADED_CLAIM];
}

const FADED_CLAIM: EdgeRule = { whenState: "isFaded", then: { opacity: 0.1, labelVisibility: "hidden" } };

export function perspectiveNodeRules(): NodeRule[] {
  return [{ whenState: "isFaded", then: { opacity: 0.22, labelVisibility: "hidden" } }];
}
