// What the details panel says about a selection, as plain data: a node's claims grouped by relation
// and holder (the document's own voice and inferred holders apart), each with its sentence
// (graph/sentences.ts), attribution, modality, evidence quote, qualifier and the findings it rests on;
// or one claim in full. Pure: calls src/graph and the model's tables; views/details-panel.ts draws it.
import { type FindingRecord, findingIndex } from "../../graph/build.ts";
import { claimRecord } from "../../graph/records.ts";
import { claimSentence, listOf } from "../../graph/sentences.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import type { ForeignAttributes, ForeignValue } from "../../model/schema.ts";
import {
  ATTRIBUTION_STYLES,
  type Attribution,
  type Modality,
  type NodeKind,
  RELATIONS,
  type Relation,
} from "../../model/vocabulary.ts";
import type { Selection } from "./explorer-state.ts";
import type { Visibility } from "./filters.ts";
import { isHeldByBothSides, SIDES } from "./holders.ts";

export interface NodeRef {
  id: string;
  label: string;
  kind: NodeKind;
}

export interface ClaimEntry {
  id: string;
  /** The claim as one sentence, in its own direction, as every printer of it words it. */
  sentence: string;
  relation: Relation;
  source: NodeRef;
  target: NodeRef;
  /** The end that is not the selected node (the neighbour to move to). */
  other: NodeRef;
  qualifier: string | null;
  speaker: string | null;
  note: string;
  holders: NodeRef[];
  heldByBothSides: boolean;
  /** Null for an imported claim whose file did not say. */
  attribution: Attribution | null;
  modality: Modality | null;
  /** Actors the document says differ on this, sides not stated; empty when none. */
  disputedBy: NodeRef[];
  /** The verbatim quote of a cited finding the claim rests on. */
  evidence: string | null;
  findings: FindingRecord[];
}

export interface ClaimGroup {
  relation: Relation;
  /**
   * The attribution of the group's first claim. Document and inferred claims never share a group with
   * others; a stated group may hold imported claims whose file did not say (null).
   */
  attribution: Attribution | null;
  /** "both", or the holders' ids joined with "+". */
  holderKey: string;
  holderLabel: string;
  claims: ClaimEntry[];
}

/** One row of what another tool's file said about a node or edge, by its name there, as text. */
export interface FileAttribute {
  name: string;
  value: string;
}

export interface NodeDetails {
  type: "node";
  node: NodeRef;
  /** An imported node's attributes from its file (GEXF attvalues, GraphML data…); empty for curated ones. */
  fileAttributes: FileAttribute[];
  description: string;
  aliases: string[];
  sourceTitles: string[];
  hidden: boolean;
  groups: ClaimGroup[];
  /** Claims of this node that the filters hide. */
  hiddenClaims: number;
}

export interface ClaimDetails {
  type: "claim";
  claim: ClaimEntry;
  /** An imported edge's weight and attributes from its file; empty for curated claims. */
  fileAttributes: FileAttribute[];
  sourceTitle: string;
  hidden: boolean;
}

export type Details = NodeDetails | ClaimDetails;

function valueText(value: ForeignValue): string {
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The file's own attributes as rows, after any the reader kept in fields of ours (`first`). */
function fileAttributes(
  attributes: ForeignAttributes | undefined,
  first: [string, ForeignValue | undefined][] = [],
): FileAttribute[] {
  const rows = [...first, ...Object.entries(attributes ?? {})];
  return rows.flatMap(([name, value]) =>
    value === undefined || value === null ? [] : [{ name, value: valueText(value) }],
  );
}

function nodeRef(graph: LinkageGraph, id: string): NodeRef {
  const attributes = graph.getNodeAttributes(id);
  return { id, label: attributes.label, kind: attributes.kind };
}

function claimEntry(
  graph: LinkageGraph,
  claim: string,
  findings: ReadonlyMap<string, FindingRecord>,
  from: string | null,
): ClaimEntry {
  const attributes = graph.getEdgeAttributes(claim);
  const source = nodeRef(graph, graph.source(claim));
  const target = nodeRef(graph, graph.target(claim));
  return {
    id: claim,
    sentence: claimSentence(graph, claimRecord(graph, claim)),
    relation: attributes.relation,
    source,
    target,
    other: from === source.id ? target : source,
    qualifier: attributes.qualifier ?? null,
    speaker: attributes.speaker ?? null,
    note: attributes.note,
    holders: attributes.heldBy
      .filter((holder) => graph.hasNode(holder))
      .map((holder) => nodeRef(graph, holder)),
    heldByBothSides: isHeldByBothSides(attributes.heldBy),
    attribution: attributes.attribution ?? null,
    modality: attributes.modality ?? null,
    disputedBy: (attributes.disputedBy ?? [])
      .filter((actor) => graph.hasNode(actor))
      .map((actor) => nodeRef(graph, actor)),
    evidence: attributes.evidence ?? null,
    findings: attributes.findings.flatMap((ref) => findings.get(ref) ?? []),
  };
}

/** "United States and China differ on this; …": how a difference with sides not stated reads. */
export function disputedSentence(actors: readonly string[]): string {
  return `${listOf(actors)} differ on this; the document does not say who holds which view`;
}

/** The key suffix of a group whose holders are inferred: it sorts right after the same holders, stated. */
const INFERRED = `~${ATTRIBUTION_STYLES.inferred.badge}`;
/** The group of the document's own claims, which no actor holds. */
const DOCUMENT = ATTRIBUTION_STYLES.document.badge;
/** The group of an imported file's edges, which name no holder: the panel says nothing of holders. */
const UNHELD = "unheld";

/** Both sides first, then each side alone, then anyone else by name, then the document's voice. */
function holderRank(key: string): number {
  if (key === DOCUMENT || key === UNHELD) return 3 + SIDES.length;
  const inferred = key.endsWith(INFERRED) ? 0.5 : 0;
  const holders = inferred ? key.slice(0, -INFERRED.length) : key;
  if (holders === "both") return inferred;
  const side = SIDES.indexOf(holders as (typeof SIDES)[number]);
  return (side >= 0 ? 1 + side : 1 + SIDES.length) + inferred;
}

function holderGroup(entry: ClaimEntry): { key: string; label: string } {
  if (entry.attribution === "document") return { key: DOCUMENT, label: ATTRIBUTION_STYLES.document.label };
  // An imported edge says nothing of who holds it; neither does its group.
  if (entry.holders.length === 0) return { key: UNHELD, label: "" };
  const names = listOf(entry.holders.map((h) => h.label));
  const both = entry.heldByBothSides && entry.holders.length === SIDES.length;
  const group = both
    ? { key: "both", label: `Held by both ${names}` }
    : { key: entry.holders.map((h) => h.id).join("+"), label: `Held by ${names}` };
  // Inferred holders are our reading: their claims never sit in a group the document states.
  return entry.attribution === "inferred"
    ? { key: `${group.key}${INFERRED}`, label: `${group.label} (${ATTRIBUTION_STYLES.inferred.badge})` }
    : group;
}

export function describeSelection(
  graph: LinkageGraph,
  selection: Selection,
  visibility: Visibility,
): Details | null {
  const findings = findingIndex(graph);
  if (selection.type === "claim") {
    if (!graph.hasEdge(selection.id)) return null;
    const sourceId = graph.getEdgeAttribute(selection.id, "sourceId");
    const source = graph.getAttribute("sources").find((s) => s.id === sourceId);
    return {
      type: "claim",
      claim: claimEntry(graph, selection.id, findings, null),
      fileAttributes: fileAttributes(graph.getEdgeAttribute(selection.id, "attributes"), [
        ["weight", graph.getEdgeAttribute(selection.id, "weight")],
      ]),
      sourceTitle: source?.title ?? sourceId,
      hidden: !visibility.claims.has(selection.id),
    };
  }
  if (!graph.hasNode(selection.id)) return null;
  const attributes = graph.getNodeAttributes(selection.id);
  const groups = new Map<string, ClaimGroup>();
  let hiddenClaims = 0;
  graph.forEachEdge(selection.id, (claim) => {
    if (!visibility.claims.has(claim)) {
      hiddenClaims++;
      return;
    }
    const entry = claimEntry(graph, claim, findings, selection.id);
    const holder = holderGroup(entry);
    const key = `${entry.relation}|${holder.key}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        relation: entry.relation,
        attribution: entry.attribution,
        holderKey: holder.key,
        holderLabel: holder.label,
        claims: [],
      };
      groups.set(key, group);
    }
    group.claims.push(entry);
  });
  const ordered = [...groups.values()].sort(
    (a, b) =>
      RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation) ||
      holderRank(a.holderKey) - holderRank(b.holderKey) ||
      a.holderLabel.localeCompare(b.holderLabel),
  );
  for (const group of ordered) group.claims.sort((a, b) => a.other.label.localeCompare(b.other.label));
  const titles = new Map(graph.getAttribute("sources").map((s) => [s.id, s.title]));
  return {
    type: "node",
    node: nodeRef(graph, selection.id),
    fileAttributes: fileAttributes(attributes.attributes),
    description: attributes.description,
    aliases: attributes.aliases,
    sourceTitles: attributes.sources.map((id) => titles.get(id) ?? id),
    hidden: !visibility.nodes.has(selection.id),
    groups: ordered,
    hiddenClaims,
  };
}
