// Plain, stable records of nodes, claims and findings, as every query returns them and as the
// CLI prints them with --json. Absent optional fields are null so the shape never changes.
import {
  ATTRIBUTION_STYLES,
  type Attribution,
  MODALITY_STYLES,
  type Modality,
  type NodeKind,
  type Relation,
} from "../model/vocabulary.ts";
import { findingIndex } from "./build.ts";
import type { ClaimAttributes, LinkageGraph } from "./types.ts";

export interface NodeRecord {
  id: string;
  kind: NodeKind;
  label: string;
  aliases: string[];
  description: string;
  sources: string[];
}

export interface ClaimRecord {
  id: string;
  source: string;
  target: string;
  relation: Relation;
  heldBy: string[];
  /** null for an imported edge whose file did not say. */
  attribution: Attribution | null;
  modality: Modality | null;
  /** Actors the document says differ on it, sides not stated; empty when none. */
  disputedBy: string[];
  findings: string[];
  evidence: string | null;
  qualifier: string | null;
  speaker: string | null;
  note: string;
}

export interface FindingSummary {
  /** Qualified reference, `source-id#F3`. */
  id: string;
  source: string;
  summary: string;
}

export function nodeRecord(graph: LinkageGraph, id: string): NodeRecord {
  const a = graph.getNodeAttributes(id);
  return {
    id,
    kind: a.kind,
    label: a.label,
    aliases: a.aliases,
    description: a.description,
    sources: a.sources,
  };
}

export function claimRecord(graph: LinkageGraph, id: string): ClaimRecord {
  return claimRecordOf(id, graph.source(id), graph.target(id), graph.getEdgeAttributes(id));
}

/** The same record from what a graph.forEachEdge callback already has, without looking the claim up. */
export function claimRecordOf(id: string, source: string, target: string, a: ClaimAttributes): ClaimRecord {
  return {
    id,
    source,
    target,
    relation: a.relation,
    heldBy: a.heldBy,
    attribution: a.attribution ?? null,
    modality: a.modality ?? null,
    disputedBy: a.disputedBy ?? [],
    findings: a.findings,
    evidence: a.evidence ?? null,
    qualifier: a.qualifier ?? null,
    speaker: a.speaker ?? null,
    note: a.note,
  };
}

/** The findings cited by the given claims, each once, in source then finding order. */
export function citedFindings(graph: LinkageGraph, claims: readonly ClaimRecord[]): FindingSummary[] {
  const wanted = new Set(claims.flatMap((c) => c.findings));
  const out: FindingSummary[] = [];
  for (const record of findingIndex(graph).values()) {
    if (wanted.has(record.ref))
      out.push({ id: record.ref, source: record.sourceId, summary: record.summary });
  }
  return out;
}

/**
 * How a claim is voiced, in the words of the vocabulary tables (ATTRIBUTION_STYLES, MODALITY_STYLES): what
 * every printer of a claim (the CLI, the evidence brief) puts before it, beside it and under it, decided
 * once so that a new attribution or modality is one edit.
 */
export interface ClaimVoice {
  /** "The document says" for the document's own voice (no holders); null when actors hold the claim. */
  lead: string | null;
  /** Markers shown beside the claim, in order: "inferred", then the hedge. */
  markers: string[];
  /** The modality's marker, "hedged" or "open question"; null for a plain assertion. */
  hedge: string | null;
  /** The verbatim quote the claim rests on; null for an imported edge without one. */
  evidence: string | null;
  /** For inferred holders, why they are read as holding it (the claim's note); otherwise null. */
  inferredBecause: string | null;
}

export function claimVoice(
  claim: Pick<ClaimRecord, "attribution" | "modality" | "evidence" | "note">,
): ClaimVoice {
  const inferred = claim.attribution === "inferred";
  const markers = inferred ? [ATTRIBUTION_STYLES.inferred.badge] : [];
  const hedge = (claim.modality ? MODALITY_STYLES[claim.modality].marker : "") || null;
  if (hedge) markers.push(hedge);
  return {
    lead: claim.attribution === "document" ? ATTRIBUTION_STYLES.document.label : null,
    markers,
    hedge,
    evidence: claim.evidence,
    inferredBecause: inferred && claim.note.trim() ? claim.note : null,
  };
}
