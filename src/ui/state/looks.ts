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
