// How attributions and Compare roles are drawn: the tables that sigma's styles (controllers/styles.ts,
// controllers/perspective-styles.ts), the legend's swatches, the details panel and the browser tests
// all read, so a cue is changed in one place. Pure data: no DOM, no sigma, so Node can read it too.
import { type ClaimRole, PATTERN_TEXT } from "../../graph/perspectives.ts";
import type { Attribution, RelationStyle } from "../../model/vocabulary.ts";

export interface AttributionLook {
  /** Replaces the relation's colour; null keeps it. */
  color: string | null;
  /** 1 is full strength; lower draws the claim lighter over the white stage. */
  opacity: number;
  /** An end mark at the claim's source, so colour is never the only cue; null for none. */
  tail: RelationStyle["head"] | null;
  /** How the legend says it is drawn. */
  cue: string;
}

/**
 * How each attribution is drawn over its relation's look. The document's own voice is a neutral grey
 * (no relation colour is grey) with a dot at its start; a holder we inferred is drawn lighter. The
 * relation keeps its head and dashes either way, so "opposes" still reads as opposes.
 */
export const ATTRIBUTION_LOOKS: Record<Attribution, AttributionLook> = {
  stated: { color: null, opacity: 1, tail: null, cue: "in the relation's colour" },
  inferred: { color: null, opacity: 0.4, tail: null, cue: "lighter, in the relation's colour" },
  document: { color: "#737373", opacity: 1, tail: "circle", cue: "grey, with a dot at its start" },
};

export interface CompareRoleStyle {
  color: string;
  /** Width in screen pixels: contested is the thickest, so colour is never the only cue. */
  size: number;
  /** Legend text; `{a}` and `{b}` are the holders drawn in the first and second side's colour. */
  label: string;
  description: string;
}

/**
 * Compare's colours. In Compare the claims lose their relation colour, so none of these is a relation's
 * (green supports, red opposes, purple links-to) or a node kind's: a reader who has learnt "red is
 * opposes" is never told otherwise. Differences are warm (orange, brown), agreements are blue (navy
 * for one claim both hold, light for matching views), and each side has its own hue (cyan, pink); width and the dashes of "opposes" stay as cues. "only-a" and "only-b" are colour slots, not
 * positions: the perspective layer gives each actor the same slot whatever the order it is compared
 * in (sideSlots in perspective-layer.ts).
 */
export const COMPARE_ROLE_STYLES: Record<ClaimRole, CompareRoleStyle> = {
  contested: {
    color: "#ea580c",
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
    color: "#1e3a8a",
    size: 3.4,
    label: PATTERN_TEXT.shared.title,
    description: `${PATTERN_TEXT.shared.gloss} (thick line)`,
  },
  matching: {
    color: "#60a5fa",
    size: 2.6,
    label: PATTERN_TEXT.matching.title,
    description: PATTERN_TEXT.matching.gloss,
  },
  "only-a": { color: "#0891b2", size: 1.6, label: "Only {a}", description: "{a} speaks to it; {b} does not" },
  "only-b": { color: "#db2777", size: 1.6, label: "Only {b}", description: "{b} speaks to it; {a} does not" },
};

export const COMPARE_ROLES = Object.keys(COMPARE_ROLE_STYLES) as ClaimRole[];
