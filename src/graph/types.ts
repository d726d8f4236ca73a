// The attribute shapes of the graphology graph that every query, format and view works on.
// A node is an actor, issue or treaty; an edge is a claim; the graph carries its sources. Nodes and
// claims of an imported graph may have an empty description, note, holders and findings.
import type { MultiDirectedGraph } from "graphology";
import type { AnySourceMeta, ForeignAttributes } from "../model/schema.ts";
import type { NodeKind, Relation } from "../model/vocabulary.ts";

export interface NodeAttributes {
  kind: NodeKind;
  label: string;
  aliases: string[];
  description: string;
  about?: string[];
  /** Ids of the sources that define this node. */
  sources: string[];
  /** Layout position and display size, when known. */
  x?: number;
  y?: number;
  size?: number;
  /** Attributes kept from another tool's file (imported graphs), by their name there. */
  attributes?: ForeignAttributes;
}

export interface ClaimAttributes {
  relation: Relation;
  heldBy: string[];
  /** Qualified finding references, `source-id#F3`. */
  findings: string[];
  qualifier?: string;
  speaker?: string;
  note: string;
  /** Id of the source document the claim was read from. */
  sourceId: string;
  /** Attributes kept from another tool's file (imported graphs), by their name there. */
  attributes?: ForeignAttributes;
}

export interface GraphAttributes {
  /** Curated sources and imported graphs; `provenance: "imported"` tells them apart. */
  sources: AnySourceMeta[];
}

export type LinkageGraph = MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>;
