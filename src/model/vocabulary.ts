// The closed vocabularies of the model: node kinds and claim relations, with the one typed table
// per concern that every other layer reads (labels, colours, shapes, dash cues). Nothing else
// branches on kind or relation with its own list.

export const NODE_KINDS = ["actor", "issue", "treaty"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATIONS = ["supports", "opposes", "links-to"] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * Who the document says holds a claim. stated: the document attributes it to the holders; inferred:
 * the holders are our reading of context (the note says why); document: the summary's own voice, with
 * no holders (its framing, conclusion or report, including differences it leaves unassigned).
 */
export const ATTRIBUTIONS = ["stated", "inferred", "document"] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** How firmly the document puts a claim: asserted; hedged (could, may, unclear); an open question. */
export const MODALITIES = ["asserted", "hedged", "question"] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * What every value of a vocabulary has: the name it is shown by, and one sentence that explains it
 * (the legend's tooltip). Each style table adds what its own concern needs.
 */
export interface Term {
  label: string;
  description: string;
}

export interface AttributionStyle extends Term {
  /** Shown before a document claim's evidence, or as a badge. */
  badge: string;
}

/** How each attribution reads: one table, nobody else words them. */
export const ATTRIBUTION_STYLES: Record<Attribution, AttributionStyle> = {
  stated: {
    label: "Stated",
    badge: "stated",
    description: "The document attributes this view to its holders.",
  },
  inferred: {
    label: "Inferred",
    badge: "inferred",
    description: "The holders are our reading of the context, not the document's words; the note says why.",
  },
  document: {
    label: "The document says",
    badge: "document",
    description: "The summary's own voice: its framing, conclusion or report. No actor holds it.",
  },
};

export interface ModalityStyle extends Term {
  /** A short marker shown beside the claim; empty for plain assertions. */
  marker: string;
}

export const MODALITY_STYLES: Record<Modality, ModalityStyle> = {
  asserted: { label: "Asserted", marker: "", description: "Put as a plain statement." },
  hedged: {
    label: "Hedged",
    marker: "hedged",
    description: "Put with a hedge: could, may, unclear, potential, not necessarily.",
  },
  question: {
    label: "Open question",
    marker: "open question",
    description: "Posed by the document as an open question.",
  },
};

/** Stances are what an actor holds for or against; linkages tie two things together. */
export const STANCE_RELATIONS: readonly Relation[] = ["supports", "opposes"];

export interface KindStyle extends Term {
  plural: string;
  color: string;
  /** A sigma v4 SDF shape name. */
  shape: "circle" | "square" | "triangle" | "diamond";
}

export interface RelationStyle extends Term {
  /** How the relation reads between source and target, for sentences. */
  verb: string;
  color: string;
  /** Dash length in pixels; 0 draws a solid line. The second cue, so colour is never the only one. */
  dash: number;
  head: "arrow" | "bar" | "circle" | "diamond";
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
