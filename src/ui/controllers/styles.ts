// The sigma v4 primitives, styles and settings of the explorer, derived from the model's typed
// tables (KIND_STYLES, RELATION_STYLES) and state/looks.ts's ATTRIBUTION_LOOKS, bound to the display
// graph's attributes (state/display.ts). Declarative only: state flags and data attributes choose the
// look, with no function rules, so a hover re-evaluates only the items whose flags changed.
// biome-ignore-all lint/suspicious/noThenProperty: sigma's conditional style rules are `{ whenState, then }`.
import { DEFAULT_STYLES } from "sigma";
import {
  type EdgeExtremity,
  extremityArrow,
  extremityBar,
  extremityCircle,
  extremityDiamond,
  layerDashed,
  layerFill,
  layerPlain,
  pathCurved,
  pathLine,
  type SDFShape,
  sdfCircle,
  sdfDiamond,
  sdfSquare,
  sdfTriangle,
} from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { StylesDeclaration } from "sigma/types";
import {
  ATTRIBUTIONS,
  KIND_STYLES,
  type KindStyle,
  NODE_KINDS,
  RELATION_STYLES,
  RELATIONS,
  type RelationStyle,
} from "../../model/vocabulary.ts";
import type { ClaimDisplay, NodeDisplay } from "../state/display.ts";
import { ATTRIBUTION_LOOKS } from "../state/looks.ts";
import type { LabelSide } from "./label-placement.ts";
import {
  PERSPECTIVE_CLAIM_STATE,
  PERSPECTIVE_NODE_STATE,
  perspectiveEdgeRules,
  perspectiveNodeRules,
} from "./perspective-styles.ts";

/** Custom state flags, with their defaults (sigma infers their types from these). */
export const NODE_STATE = {
  isDimmed: false,
  isSelected: false,
  isFocus: false,
  /** Which side of the node its label is drawn on, or none: the labels controller decides. */
  labelAt: "none" as LabelSide,
  /** The label is drawn in its short form (the display graph's shortLabel): no room for the full one. */
  labelShort: false,
  ...PERSPECTIVE_NODE_STATE,
};
export const CLAIM_STATE = { isDimmed: false, isSelected: false, isFocus: false, ...PERSPECTIVE_CLAIM_STATE };

const SHAPES: Record<KindStyle["shape"], () => SDFShape> = {
  circle: () => sdfCircle(),
  square: () => sdfSquare({ cornerRadius: 0.15 }),
  triangle: () => sdfTriangle(),
  diamond: () => sdfDiamond(),
};

const HEADS: Record<RelationStyle["head"], () => EdgeExtremity> = {
  arrow: () => extremityArrow({ lengthRatio: 4.5, widthRatio: 3.6 }),
  bar: () => extremityBar(),
  circle: () => extremityCircle({ lengthRatio: 4.5, widthRatio: 4.5 }),
  diamond: () => extremityDiamond({ lengthRatio: 4.5, widthRatio: 3.4 }),
};

export const LABEL_COLOR = "#1e293b";
export const LABEL_WEIGHT = "600";
export const LABEL_FAMILY = "sans-serif";
export const LABEL_FONT = `${LABEL_WEIGHT} ${LABEL_FAMILY}`;
export const LABEL_SIZE = 13;
/** sigma's default gap between a node and its label, which the labels controller places by. */
export const LABEL_MARGIN = 5;
/** A pale box behind each label, so the lines under it do not run through the text. */
export const LABEL_BACKGROUND = "rgba(255, 255, 255, 0.82)";
export const LABEL_BACKGROUND_PADDING = 1;

/** Each label side as sigma draws it; "none" hides the label. */
const LABEL_SIDES: Record<
  LabelSide,
  { labelVisibility: "visible" | "hidden"; labelPosition?: Exclude<LabelSide, "none"> }
> = {
  none: { labelVisibility: "hidden" },
  right: { labelVisibility: "visible", labelPosition: "right" },
  left: { labelVisibility: "visible", labelPosition: "left" },
  below: { labelVisibility: "visible", labelPosition: "below" },
  above: { labelVisibility: "visible", labelPosition: "above" },
};

/** Claim widths in screen pixels; a claim both sides hold is drawn twice as wide. */
export const CLAIM_WIDTH = { single: 1.6, both: 3.4 } as const;

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

export function explorerPrimitives() {
  return {
    nodes: {
      // Only what the tables use: every declared shape or head makes sigma's shaders bigger.
      shapes: unique(NODE_KINDS.map((kind) => KIND_STYLES[kind].shape)).map((shape) => SHAPES[shape]()),
      layers: [layerFill()],
    },
    edges: {
      paths: [pathLine(), pathCurved()],
      extremities: unique([
        ...RELATIONS.map((relation) => RELATION_STYLES[relation].head),
        ...ATTRIBUTIONS.flatMap((attribution) => ATTRIBUTION_LOOKS[attribution].tail ?? []),
      ]).map((head) => HEADS[head]()),
      variables: {
        solidColor: { type: "color" as const, default: "#94a3b8" },
        dashSize: { type: "number" as const, default: 0 },
      },
      // A dashed relation paints its plain layer transparent and lets the dash layer draw it;
      // every other relation keeps dashSize 0, which leaves the dash layer empty.
      layers: [
        layerPlain({ color: { attribute: "solidColor" } }),
        layerDashed({
          dashSize: { attribute: "dashSize", default: 0 },
          gapSize: { value: 4 },
          solidExtremities: true,
        }),
      ],
    },
  };
}

/** What sigma checks: the display graph's attributes, our flags and edge variables, the default depths. */
export type ExplorerStyles = StylesDeclaration<
  NodeDisplay,
  ClaimDisplay,
  typeof NODE_STATE,
  typeof CLAIM_STATE,
  object,
  object,
  { solidColor: string; dashSize: number },
  "edges" | "topEdges" | "nodes" | "topNodes"
>;

type EdgeRule = Extract<NonNullable<ExplorerStyles["edges"]>, readonly unknown[]>[number];

/**
 * The attribution's look over the relation's: after the relation rule, before the perspective rules
 * (so a Compare role still recolours a claim, which keeps its tail mark and lightness).
 */
function attributionRules(): EdgeRule[] {
  const cases = Object.fromEntries(
    ATTRIBUTIONS.map((attribution) => {
      const look = ATTRIBUTION_LOOKS[attribution];
      return [
        attribution,
        {
          opacity: look.opacity,
          tail: look.tail ?? "none",
          ...(look.color ? { color: look.color } : {}),
        },
      ];
    }),
  );
  // A dashed relation draws with its dash layer over a transparent plain layer; only solid ones repaint it.
  const solid: EdgeRule[] = ATTRIBUTIONS.flatMap((attribution) => {
    const color = ATTRIBUTION_LOOKS[attribution].color;
    if (!color) return [];
    return RELATIONS.filter((relation) => RELATION_STYLES[relation].dash === 0).map((relation) => ({
      whenData: { attribution, relation },
      then: { solidColor: color },
    }));
  });
  return [{ matchData: "attribution", cases }, ...solid];
}

export function explorerStyles(): ExplorerStyles {
  const kindCases = Object.fromEntries(
    NODE_KINDS.map((kind) => [kind, { shape: KIND_STYLES[kind].shape, color: KIND_STYLES[kind].color }]),
  );
  const relationCases = Object.fromEntries(
    RELATIONS.map((relation) => {
      const style = RELATION_STYLES[relation];
      return [
        relation,
        {
          color: style.color,
          solidColor: style.dash > 0 ? "transparent" : style.color,
          dashSize: style.dash,
          head: style.head,
        },
      ];
    }),
  );
  return {
    nodes: [
      DEFAULT_STYLES.nodes,
      { matchData: "kind", cases: kindCases },
      // An imported file's own colours (GEXF viz:color, GraphML style keys) win over the kind's.
      { whenData: "color", then: { color: { attribute: "color" } } },
      {
        labelSize: LABEL_SIZE,
        labelColor: LABEL_COLOR,
        labelFont: LABEL_FONT,
        labelBackgroundColor: LABEL_BACKGROUND,
        labelBackgroundPadding: LABEL_BACKGROUND_PADDING,
        cursor: "pointer",
      },
      { whenState: "isDimmed", then: { opacity: 0.18, labelVisibility: "hidden" } },
      ...perspectiveNodeRules(),
      // The labels controller places every label (labels.ts), after the dimming: it leaves dimmed and
      // faded nodes unlabelled except the question's target and holder. sigma's own grid is not used.
      { matchState: "labelAt", cases: LABEL_SIDES },
      { whenState: "labelShort", then: { label: { attribute: "shortLabel" } } },
      {
        whenState: "isSelected",
        then: {
          backdropVisibility: "visible",
          backdropBorderColor: "#0f172a",
          backdropBorderWidth: 2,
          depth: "topNodes",
        },
      },
      // The node under the pointer always says its name, wherever the controller put it.
      { whenState: "isHovered", then: { labelVisibility: "visible" } },
    ],
    edges: [
      DEFAULT_STYLES.edges,
      {
        parallelPath: "curved",
        parallelSpread: 0.35,
        labelVisibility: "hidden",
        labelSize: 12,
        labelColor: LABEL_COLOR,
        labelFont: "500 sans-serif",
        cursor: "pointer",
      },
      { matchData: "relation", cases: relationCases },
      ...attributionRules(),
      {
        whenData: { heldByBothSides: true },
        then: { size: CLAIM_WIDTH.both },
        else: { size: CLAIM_WIDTH.single },
      },
      ...perspectiveEdgeRules(),
      { whenState: "isFocus", then: { depth: "topEdges" } },
      { whenState: "isHovered", then: { labelVisibility: "visible", depth: "topEdges" } },
      { whenState: "isDimmed", then: { opacity: 0.08 } },
      { whenState: "isSelected", then: { size: 5, labelVisibility: "visible", depth: "topEdges" } },
    ],
  };
}

export const EXPLORER_SETTINGS: Partial<Settings> = {
  // Sizes are screen pixels: hubs stay readable and no node grows to cover the stage when zoomed.
  itemSizesReference: "screen",
  autoRescaleContent: "nodes",
  enableEdgeEvents: true,
  renderEdgeLabels: true,
  // No nodeLabelEvents: picking labels too costs a third GPU program, about 200 ms more before
  // the first frame in software WebGL (bench/explorer.bench.ts), for a hover target users rarely need.
  labelRenderedSizeThreshold: 0,
  labelDensity: 1,
  labelGridCellSize: 120,
  enableCameraRotation: false,
  minCameraRatio: 0.04,
  maxCameraRatio: 4,
  stagePadding: 36,
};
