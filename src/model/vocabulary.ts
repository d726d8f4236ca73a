// The closed vocabularies of the model: node kinds and claim relations, with the one typed table
// per concern that every other layer reads (labels, colours, shapes, dash cues). Nothing else
// branches on kind or relation with its own list.

export const NODE_KINDS = ["actor", "issue", "treaty"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATIONS = ["supports", "opposes", "links-to"] as const;
export type Relation = (typeof RELATIONS)[number];

/** Stances are what an actor holds for or against; linkages tie two things together. */
export const STANCE_RELATIONS: readonly Relation[] = ["supports", "opposes"];

export interface KindStyle {
  label: string;
  plural: string;
  color: string;
  /** A sigma v4 SDF shape name. */
  shape: "circle" | "square" | "triangle" | "diamond";
  description: string;
}

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  actor: {
    label: "Actor",
    plural: "Actors",
    color: "#2563eb",
    shape: "circle",
    description: "A government or state whose participants hold views, or who is the subject of them.",
  },
  issue: {
    label: "Issue",
    plural: "Issues",
    color: "#d97706",
    shape: "square",
    description: "A policy question, programme or proposition that claims are about.",
  },
  treaty: {
    label: "Treaty or regime",
    plural: "Treaties and regimes",
    color: "#059669",
    shape: "triangle",
    description: "A treaty, regime, resolution or proposed treaty.",
  },
};

export interface RelationStyle {
  label: string;
  /** How the relation reads between source and target, for sentences. */
  verb: string;
  color: string;
  /** Dash length in pixels; 0 draws a solid line. The second cue, so colour is never the only one. */
  dash: number;
  head: "arrow" | "bar" | "circle" | "diamond";
  description: string;
}

export const RELATION_STYLES: Record<Relation, RelationStyle> = {
  supports: {
    label: "Supports",
    verb: "supports",
    color: "#15803d",
    dash: 0,
    head: "arrow",
    description: "An actor favours, backs or affirms the target (solid line, arrow head).",
  },
  opposes: {
    label: "Opposes",
    verb: "opposes",
    color: "#dc2626",
    dash: 6,
    head: "bar",
    description: "An actor rejects, resists or is concerned about the target (dashed line, bar head).",
  },
  "links-to": {
    label: "Links to",
    verb: "is linked to",
    color: "#7c3aed",
    dash: 0,
    head: "diamond",
    description:
      "The holder ties the source to the target; the qualifier says how (solid line, diamond head).",
  },
};
