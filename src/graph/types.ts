// The attribute shapes of the graphology graph that every query, format and view works on.
// A node is an actor, issue or treaty; an edge is a claim; the graph carries its sources. Nodes and
// claims of an imported graph may have an empty description, note, holders and findings.
import type { MultiDirectedGraph } from "graphology";
import type { AnySourceMeta, ForeignAttributes, NodeShape } from "../model/schema.ts";
import type { Attribution, Modality, NodeKind, Relation } from "../model/vocabulary.ts";

export interface NodeAttributes {
  kind: NodeKind;
  label: string;
  aliases: string[];
  description: string;
  about?: string[];
  /** An issue that is a statement ("TMD aids offensive missiles") rather than a thing. */
  proposition?: boolean;
  /** Ids of the sources that define this node. */
  sources: string[];
  /** Layout position and display size, when known. */
  x?: number;
  y?: number;
  size?: number;
  /** The colour another tool gave the node, `#rrggbb` (or `#rrggbbaa`); absent: the kind's colour. */
  color?: string;
  /** The shape another tool gave the node; absent: the kind's shape. */
  shape?: NodeShape;
  /** Attributes kept from another tool's file (imported graphs), by their name there. */
  attributes?: ForeignAttributes;
}

export interface ClaimAttributes {
  relation: Relation;
  /** Empty for the document's own voice (attribution "document") and for imported edges without holders. */
  heldBy: string[];
  /** Who the document says holds it; absent for an imported edge whose file did not say. */
  attribution?: Attribution;
  /** How firmly the document puts it; absent for an imported edge whose file did not say. */
  modality?: Modality;
  /** Actors the document says differ on this, without saying who holds which view. */
  disputedBy?: string[];
  /** The verbatim quote of a cited finding that the claim rests on (always present when curated). */
  evidence?: string;
  /** Qualified finding references, `source-id#F3`. */
  findings: string[];
  qualifier?: string;
  speaker?: string;
  note: string;
  /** Id of the source document the claim was read from. */
  sourceId: string;
  /** The edge's weight in another tool's file (GEXF weight, a GraphML weight key). */
  weight?: number;
  /** The colour another tool gave the edge, `#rrggbb` (or `#rrggbbaa`); absent: the relation's colour. */
  color?: string;
  /** The width another tool drew the edge at (GEXF viz:thickness), in that tool's units. */
  thickness?: number;
  /** Attributes kept from another tool's file (imported graphs), by their name there. */
  attributes?: ForeignAttributes;
}

export interface GraphAttributes {
  /** Curated sources and imported graphs; `provenance: "imported"` tells them apart. */
  sources: AnySourceMeta[];
}

export type LinkageGraph = MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>;
