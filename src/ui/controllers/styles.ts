// The sigma v4 primitives, styles and settings of the explorer in each drawing (rich or plain, see
// state/derived.ts), derived from the model's typed tables (KIND_STYLES, RELATION_STYLES) and
// state/looks.ts's ATTRIBUTION_LOOKS, bound to the display graph's attributes (state/display.ts).
// Declarative only: state flags and data attributes choose the look, with no function rules (which
// would make every camera move re-evaluate every item), so a hover re-evaluates only the items whose
// flags changed. The primitives are fixed when sigma starts: renderer.ts starts a new one to switch.
// biome-ignore-all lint/suspicious/noThenProperty: sigma's conditional style rules are `{ whenState, then }`.
import { DEFAULT_STYLES } from "sigma";
import {
  type EdgeExtremity,
  type EdgeLayer,
  extremityArrow,
  extremityBar,
  extremityCircle,
  extremityDiamond,
  type FragmentLayer,
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
import type { Drawing } from "../state/derived.ts";
import type { ClaimDisplay, DrawnVocabulary, NodeDisplay } from "../state/display.ts";
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

/** A `cases` table for a matchData rule: one look for each value of a vocabulary. */
function casesOf<V extends string, L>(values: readonly V[], look: (value: V) => L): Record<V, L> {
  return Object.fromEntries(values.map((value) => [value, look(value)])) as Record<V, L>;
}

/**
 * The plain drawing's fading, as uniforms of its node and claim programs: how much of an item's
 * colour to take away when it is not lit by the lens (`u_lensFade`) or not emphasised (`u_focusFade`).
 * Each item carries `lit` and `focus` (0 or 1, from its isLit and isFocus states); the controller sets
 * the two values. So a hover or a lens dims the whole graph by two numbers, not by a state on every
 * item, and only the items whose `lit` or `focus` changed are written. A lens on a holder with a lens
 * bit (display.ts's lensBits) writes no state at all: `u_lensBit` names the holder, and an item is lit
 * when its `holderBits` has that bit. sigma reads the uniforms' `value` at every frame.
 */
export interface Fade {
  nodes: FadeUniforms;
  claims: FadeUniforms;
}

interface FadeUniforms {
  lens: FadeUniform;
  focus: FadeUniform;
  bit: FadeUniform;
}

interface FadeUniform {
  name: string;
  type: "float";
  value: number;
}

/** How much of a faded item's alpha is taken away, as the rich drawing's isDimmed does it. */
const FADED_BY: Record<keyof Fade, number> = { nodes: 0.82, claims: 0.92 };

export function createFade(): Fade {
  const uniforms = (): FadeUniforms => ({
    lens: { name: "u_lensFade", type: "float", value: 0 },
    focus: { name: "u_focusFade", type: "float", value: 0 },
    bit: { name: "u_lensBit", type: "float", value: 0 },
  });
  return { nodes: uniforms(), claims: uniforms() };
}

/**
 * Fades what the lens and the emphasis leave out, or not, and lights the holder of `lensBit` (0 for
 * none); true when a value changed.
 */
export function setFade(fade: Fade, on: { lens: boolean; focus: boolean; lensBit: number }): boolean {
  let changed = false;
  for (const kind of ["nodes", "claims"] as const) {
    const uniforms = fade[kind];
    const values = {
      lens: on.lens ? FADED_BY[kind] : 0,
      focus: on.focus ? FADED_BY[kind] : 0,
      bit: on.lensBit,
    };
    for (const name of ["lens", "focus", "bit"] as const) {
      changed ||= uniforms[name].value !== values[name];
      uniforms[name].value = values[name];
    }
  }
  return changed;
}

/**
 * Lit by its state, or holding the lens's bit. Rounded first: a value passed between vertices may come
 * out a hair off the whole number it was.
 */
const LIT = "max(v_lit, u_lensBit > 0.0 ? mod(floor(floor(v_holderBits + 0.5) / u_lensBit), 2.0) : 0.0)";

/**
 * The share of its alpha an item of the plain drawing keeps, as KEPT_ALPHA computes it in the shaders:
 * for what reads the scene outside WebGL (the SVG export).
 */
export function keptAlpha(
  fade: Fade,
  kind: keyof Fade,
  item: { lit?: unknown; focus?: unknown; holderBits?: unknown },
): number {
  const { lens, focus, bit } = fade[kind];
  const value = (x: unknown) => (typeof x === "number" ? x : 0);
  const byBit = bit.value > 0 ? Math.floor(Math.round(value(item.holderBits)) / bit.value) % 2 : 0;
  const lit = Math.max(value(item.lit), byBit);
  return (1 - lens.value * (1 - lit)) * (1 - focus.value * (1 - value(item.focus)));
}

/** The share of an item's alpha it keeps, in GLSL, from its lit and focus values. */
const KEPT_ALPHA = `(1.0 - u_lensFade * (1.0 - ${LIT})) * (1.0 - u_focusFade * (1.0 - v_focus))`;

const FADE_VARIABLES = {
  lit: { type: "number" as const, default: 0 },
  focus: { type: "number" as const, default: 0 },
  holderBits: { type: "number" as const, default: 0 },
};

/** The plain node layer: the node's colour, faded by the two uniforms. */
function fadedFill(fade: FadeUniforms): FragmentLayer {
  const { FLOAT, UNSIGNED_BYTE } = WebGL2RenderingContext;
  return {
    name: "faded",
    glsl: `
vec4 layer_faded(vec4 v_fillColor, float v_lit, float v_focus, float v_holderBits, float u_lensFade,
    float u_focusFade, float u_lensBit) {
  return vec4(v_fillColor.rgb, v_fillColor.a * ${KEPT_ALPHA});
}
`,
    attributes: [
      { name: "fillColor", size: 4, type: UNSIGNED_BYTE, normalized: true, source: "color" },
      { name: "lit", size: 1, type: FLOAT, source: "lit" },
      { name: "focus", size: 1, type: FLOAT, source: "focus" },
      { name: "holderBits", size: 1, type: FLOAT, source: "holderBits" },
    ],
    uniforms: [fade.lens, fade.focus, fade.bit],
  };
}

/** The plain claim layer: one solid colour, the claim's own, faded by the two uniforms. */
function fadedLine(fade: FadeUniforms): EdgeLayer {
  const { FLOAT } = WebGL2RenderingContext;
  return {
    name: "faded",
    glsl: `
vec4 layer_faded(EdgeContext ctx) {
  return vec4(v_color.rgb, v_color.a * ${KEPT_ALPHA});
}
`,
    attributes: [
      { name: "a_lit", size: 1, type: FLOAT, source: "lit" },
      { name: "a_focus", size: 1, type: FLOAT, source: "focus" },
      { name: "a_holderBits", size: 1, type: FLOAT, source: "holderBits" },
    ],
    uniforms: [fade.lens, fade.focus, fade.bit],
  };
}

const EDGE_VARIABLES = {
  solidColor: { type: "color" as const, default: "#94a3b8" },
  dashSize: { type: "number" as const, default: 0 },
  ...FADE_VARIABLES,
};

/** The end marks the graph's claims draw: their relations' heads and their attributions' tails. */
function headsOf(vocabulary: DrawnVocabulary): RelationStyle["head"][] {
  return unique([
    ...[...vocabulary.relations].map((relation) => RELATION_STYLES[relation].head),
    ...[...vocabulary.attributions].flatMap((attribution) => ATTRIBUTION_LOOKS[attribution].tail ?? []),
  ]);
}

function richEdgePrimitives(vocabulary: DrawnVocabulary) {
  const dashed = [...vocabulary.relations].some((relation) => RELATION_STYLES[relation].dash > 0);
  return {
    paths: vocabulary.parallelClaims ? [pathLine(), pathCurved()] : [pathLine()],
    extremities: headsOf(vocabulary).map((head) => HEADS[head]()),
    variables: EDGE_VARIABLES,
    // A dashed relation paints its plain layer transparent and lets the dash layer draw it;
    // every other relation keeps dashSize 0, which leaves the dash layer empty.
    layers: [
      layerPlain({ color: { attribute: "solidColor" } }),
      ...(dashed
        ? [
            layerDashed({
              dashSize: { attribute: "dashSize", default: 0 },
              gapSize: { value: 4 },
              solidExtremities: true,
            }),
          ]
        : []),
    ],
  };
}

/**
 * Each drawing's programs. Plain draws one straight quad per claim in one faded colour: no curve, no
 * end mark, no dash pass. Both declare the same variables (a drawing ignores the others'), so one
 * renderer type serves both. Only what the graph draws is declared (`vocabulary`): every shape, head,
 * path or layer makes sigma's shaders bigger and slower to compile. A style naming one left out falls
 * back to sigma's default, and never applies: nothing in the graph asks for it.
 */
export function explorerPrimitives(drawing: Drawing, fade: Fade, vocabulary: DrawnVocabulary) {
  const kinds = NODE_KINDS.filter((kind) => vocabulary.kinds.has(kind));
  const shapes = unique(kinds.map((kind) => KIND_STYLES[kind].shape)).map((shape) => SHAPES[shape]());
  return {
    nodes: {
      // An empty graph still needs one shape for its program.
      shapes: shapes.length > 0 ? shapes : [sdfCircle()],
      variables: FADE_VARIABLES,
      layers: drawing === "rich" ? [layerFill()] : [fadedFill(fade.nodes)],
    },
    edges:
      drawing === "rich"
        ? richEdgePrimitives(vocabulary)
        : {
            paths: [pathLine()],
            extremities: [],
            variables: EDGE_VARIABLES,
            layers: [fadedLine(fade.claims)],
          },
  };
}

/** What sigma checks: the display graph's attributes, our flags and edge variables, our depths. */
export type ExplorerStyles = StylesDeclaration<
  NodeDisplay,
  ClaimDisplay,
  typeof NODE_STATE,
  typeof CLAIM_STATE,
  object,
  { lit: number; focus: number; holderBits: number },
  { solidColor: string; dashSize: number; lit: number; focus: number; holderBits: number }
>;

export type EdgeRule = Extract<NonNullable<ExplorerStyles["edges"]>, readonly unknown[]>[number];
export type NodeRule = Extract<NonNullable<ExplorerStyles["nodes"]>, readonly unknown[]>[number];

/**
 * The attribution's look over the relation's: after the relation rule, before the perspective rules
 * (so a Compare role still recolours a claim, which keeps its tail mark and lightness). Plain draws
 * no tail mark, and its one layer takes the claim's colour, so it needs no solidColor.
 */
function attributionRules(drawing: Drawing): EdgeRule[] {
  const cases = casesOf(ATTRIBUTIONS, (attribution) => {
    const look = ATTRIBUTION_LOOKS[attribution];
    return {
      opacity: look.opacity,
      ...(drawing === "rich" ? { tail: look.tail ?? "none" } : {}),
      ...(look.color ? { color: look.color } : {}),
    };
  });
  if (drawing === "plain") return [{ matchData: "attribution", cases }];
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

/** Each relation's colour; rich adds its head and its dashes. */
function relationRule(drawing: Drawing): EdgeRule {
  const cases = casesOf(RELATIONS, (relation) => {
    const style = RELATION_STYLES[relation];
    if (drawing === "plain") return { color: style.color };
    return {
      color: style.color,
      solidColor: style.dash > 0 ? "transparent" : style.color,
      dashSize: style.dash,
      head: style.head,
    };
  });
  return { matchData: "relation", cases };
}

/** Plain's `lit`, `focus` and `holderBits` values, which its programs fade by (see Fade). */
const FADE_RULES = [
  { holderBits: { attribute: "holderBits" } },
  { whenState: "isLit", then: { lit: 1 } },
  { whenState: "isFocus", then: { focus: 1 } },
] as const;

/** What differs between the drawings in the claims' rules: their shape, and how emphasis shows. */
const CLAIM_DRAWING: Record<Drawing, () => { shape: EdgeRule[]; emphasis: EdgeRule[] }> = {
  rich: () => ({
    shape: [
      { parallelPath: "curved", parallelSpread: 0.35 },
      relationRule("rich"),
      ...attributionRules("rich"),
    ],
    emphasis: [{ whenState: "isFocus", then: { depth: "topEdges" } }],
  }),
  plain: () => ({
    shape: [relationRule("plain"), ...attributionRules("plain")],
    emphasis: [...FADE_RULES],
  }),
};

export function explorerStyles(drawing: Drawing): ExplorerStyles {
  const claims = CLAIM_DRAWING[drawing]();
  return {
    nodes: [
      DEFAULT_STYLES.nodes,
      {
        matchData: "kind",
        cases: casesOf(NODE_KINDS, (kind) => ({
          shape: KIND_STYLES[kind].shape,
          color: KIND_STYLES[kind].color,
        })),
      },
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
      ...(drawing === "plain" ? FADE_RULES : []),
      {
        whenState: "isSelected",
        then: {
          backdropVisibility: "visible",
          backdropBorderColor: "#0f172a",
          backdropBorderWidth: 2,
          depth: "topNodes",
        },
      },
      // The node under the pointer always says its name, wherever the controller put it, on top.
      { whenState: "isHovered", then: { labelVisibility: "visible", depth: "topNodes" } },
    ],
    edges: [
      DEFAULT_STYLES.edges,
      {
        labelVisibility: "hidden",
        labelSize: 12,
        labelColor: LABEL_COLOR,
        labelFont: "500 sans-serif",
        cursor: "pointer",
      },
      ...claims.shape,
      {
        whenData: { heldByBothSides: true },
        then: { size: CLAIM_WIDTH.both },
        else: { size: CLAIM_WIDTH.single },
      },
      ...perspectiveEdgeRules(drawing),
      ...claims.emphasis,
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

/** From this many visible claims, even the plain drawing leaves claims out while the camera moves. */
export const CLAIMS_HIDDEN_ON_MOVE_FROM = 50_000;

/**
 * The settings of a drawing: plain draws no claim label, no node label while moving, and past 50,000
 * claims no claim while moving.
 */
export function explorerSettings(drawing: Drawing, visibleClaims: number): Partial<Settings> {
  if (drawing === "rich") return EXPLORER_SETTINGS;
  return {
    ...EXPLORER_SETTINGS,
    hideLabelsOnMove: true,
    // A claim's label shows only when it is hovered or selected, yet sigma looks for claim labels
    // along every labelled node's claims at each frame: about 30 ms a frame at 100,000 claims.
    renderEdgeLabels: false,
    hideEdgesOnMove: visibleClaims >= CLAIMS_HIDDEN_ON_MOVE_FROM,
  };
}
