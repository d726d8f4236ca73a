// Plain, stable records of nodes, claims and findings, as every query returns them and as the
// CLI prints them with --json. Absent optional fields are null so the shape never changes.
import { findingIndex } from "./build.ts";
import type { Attribution, Modality } from "../model/vocabulary.ts";
import type { ClaimAttributes, LinkageGraph } from "./types.ts";

export interface NodeRecord {
  id: string;
  kind: string;
  label: string;
  aliases: string[];
  description: string;
  sources: string[];
}

export interface ClaimRecord {
  id: string;
  source: string;
  target: string;
  relation: string;
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
