// The look of the lens and Compare layers as sigma style rules, from the compare-role table in
// state/looks.ts (the legend reads the same table): a matchState rule on the `compareRole` edge state
// and whenState rules on `isFaded`. Declarative only: switching the lens changes states, never styles.
// biome-ignore-all lint/suspicious/noThenProperty: sigma's conditional style rules are `{ whenState, then }`.
import { RELATION_STYLES, RELATIONS } from "../../model/vocabulary.ts";
import { COMPARE_ROLE_STYLES, COMPARE_ROLES } from "../state/looks.ts";
import type { CompareRoleState } from "../state/perspective-layer.ts";
import type { ExplorerStyles } from "./styles.ts";

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
