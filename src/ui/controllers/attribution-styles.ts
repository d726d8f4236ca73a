// How each attribution is drawn over its relation's look: one table, read by the sigma styles
// (styles.ts), the legend's swatches and the browser tests. No sigma import, so Node can read it too.
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
