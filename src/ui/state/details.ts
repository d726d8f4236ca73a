// What the details panel says about a selection, as plain data: a node's claims grouped by relation
// and holder, each with its qualifier and the findings it rests on; or one claim in full. Pure.
import { type FindingRecord, findingIndex } from "../../graph/build.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import {
  KIND_STYLES,
  type NodeKind,
  RELATION_STYLES,
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
  findings: FindingRecord[];
}

export interface ClaimGroup {
  relation: Relation;
  /** "both", or the holders' ids joined with "+". */
  holderKey: string;
  holderLabel: string;
  claims: ClaimEntry[];
}

export interface NodeDetails {
  type: "node";
  node: NodeRef;
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
  sourceTitle: string;
  hidden: boolean;
}

export type Details = NodeDetails | ClaimDetails;

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
    findings: attributes.findings.flatMap((ref) => findings.get(ref) ?? []),
  };
}

/** Both sides first, then each side alone, then anyone else by name. */
function holderRank(key: string): number {
  if (key === "both") return 0;
  const side = SIDES.indexOf(key as (typeof SIDES)[number]);
  return side >= 0 ? 1 + side : 1 + SIDES.length;
}

function holderGroup(entry: ClaimEntry): { key: string; label: string } {
  if (entry.heldByBothSides && entry.holders.length === SIDES.length) {
    return { key: "both", label: `Held by both ${entry.holders.map((h) => h.label).join(" and ")}` };
  }
  return {
    key: entry.holders.map((h) => h.id).join("+"),
    label: `Held by ${entry.holders.map((h) => h.label).join(" and ")}`,
  };
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
      group = { relation: entry.relation, holderKey: holder.key, holderLabel: holder.label, claims: [] };
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
    description: attributes.description,
    aliases: attributes.aliases,
    sourceTitles: attributes.sources.map((id) => titles.get(id) ?? id),
    hidden: !visibility.nodes.has(selection.id),
    groups: ordered,
    hiddenClaims,
  };
}

/** One line that reads as English: "United States opposes NMD", "NMD is linked to ABM Treaty". */
export function claimSentence(entry: Pick<ClaimEntry, "source" | "target" | "relation">): string {
  return `${entry.source.label} ${RELATION_STYLES[entry.relation].verb} ${entry.target.label}`;
}

export function kindLabel(kind: NodeKind): string {
  return KIND_STYLES[kind].label;
}
