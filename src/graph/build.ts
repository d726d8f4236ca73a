// Builds one graphology multi-graph from checked sources: the same node id in several files is the
// same node (first label and description win, aliases and sources merge). Callers check integrity first.
// It is the one place ids become graphology keys: an id that names a property of every plain object
// (`__proto__`, `constructor`, `toString`, …) gets a safe key here, and originalId gives it back.
import { MultiDirectedGraph } from "graphology";
import { qualifyFinding } from "../model/schema.ts";
import type { AnyLoadedSource } from "./load.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "./types.ts";

/**
 * Ids that name a property every plain object already has, and `prototype`. graphology 0.26 keeps each
 * node's adjacency in plain objects indexed by the neighbour's key, so an edge to a node with such a
 * key writes onto Object.prototype or a built-in function, or finds a phantom edge
 * (docs/upstream/graphology-prototype-keys.md). None of them ever reaches graphology as a key.
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "prototype",
  "toLocaleString",
  "toString",
  "valueOf",
]);

/** Marks a key that is not its id: an unsafe id, or an id that starts with the mark itself. */
export const KEY_MARK = "~";

/**
 * The graphology key of a node or claim id: the id itself, except that an unsafe id (UNSAFE_KEYS) and
 * an id that starts with KEY_MARK get KEY_MARK in front, so that no two ids share a key and every key
 * gives its id back (originalId). Readers, the CLI and the explorer look ids up through here.
 */
export function graphKey(id: string): string {
  return UNSAFE_KEYS.has(id) || id.startsWith(KEY_MARK) ? `${KEY_MARK}${id}` : id;
}

/** The id a graphology key stands for: what every writer writes and every view shows. */
export function originalId(key: string): string {
  return key.startsWith(KEY_MARK) ? key.slice(KEY_MARK.length) : key;
}

/** Attributes that hold node ids, which are keys inside the graph and ids outside it. */
export const NODE_ID_FIELDS = { node: ["about"], claim: ["heldBy", "disputedBy"] } as const;

const keysOf = (ids: readonly string[]) => ids.map(graphKey);

export function buildGraph(sources: readonly Pick<AnyLoadedSource, "data">[]): LinkageGraph {
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
  graph.replaceAttributes({ sources: sources.map(({ data }) => data.source) });
  for (const { data } of sources) {
    for (const node of data.nodes) {
      const key = graphKey(node.id);
      if (graph.hasNode(key)) {
        graph.updateNodeAttributes(key, (current) => ({
          ...current,
          aliases: [...new Set([...current.aliases, ...(node.aliases ?? [])])],
          sources: [...current.sources, data.source.id],
        }));
        continue;
      }
      const attributes: NodeAttributes = {
        kind: node.kind,
        label: node.label,
        aliases: node.aliases ?? [],
        description: node.description ?? "",
        sources: [data.source.id],
      };
      if (node.about) attributes.about = keysOf(node.about);
      if (node.proposition) attributes.proposition = true;
      // Imported graphs may carry the other tool's layout and attributes.
      if ("x" in node && typeof node.x === "number") attributes.x = node.x;
      if ("y" in node && typeof node.y === "number") attributes.y = node.y;
      if ("size" in node && typeof node.size === "number") attributes.size = node.size;
      if ("color" in node && node.color) attributes.color = node.color;
      if ("shape" in node && node.shape) attributes.shape = node.shape;
      // An empty set of foreign attributes is none: XML formats cannot tell the two apart.
      if (node.attributes && Object.keys(node.attributes).length) attributes.attributes = node.attributes;
      graph.addNode(key, attributes);
    }
  }
  for (const { data } of sources) {
    for (const claim of data.claims) {
      const attributes: ClaimAttributes = {
        relation: claim.relation,
        heldBy: keysOf(claim.heldBy ?? []),
        findings: (claim.findings ?? []).map((ref) => qualifyFinding(ref, data.source.id)),
        note: claim.note ?? "",
        sourceId: data.source.id,
      };
      if (claim.attribution) attributes.attribution = claim.attribution;
      if (claim.modality) attributes.modality = claim.modality;
      if (claim.disputedBy) attributes.disputedBy = keysOf(claim.disputedBy);
      if (claim.evidence) attributes.evidence = claim.evidence;
      if (claim.qualifier) attributes.qualifier = claim.qualifier;
      if (claim.speaker) attributes.speaker = claim.speaker;
      // An imported edge's own look and weight, when its file gave them.
      if ("weight" in claim && typeof claim.weight === "number") attributes.weight = claim.weight;
      if ("color" in claim && claim.color) attributes.color = claim.color;
      if ("thickness" in claim && typeof claim.thickness === "number") attributes.thickness = claim.thickness;
      if (claim.attributes && Object.keys(claim.attributes).length) attributes.attributes = claim.attributes;
      graph.addDirectedEdgeWithKey(
        graphKey(claim.id),
        graphKey(claim.source),
        graphKey(claim.target),
        attributes,
      );
    }
  }
  return graph;
}

export interface FindingRecord {
  ref: string;
  sourceId: string;
  id: string;
  summary: string;
  sourceTitle: string;
}

/** Every finding of the graph's sources by qualified reference, in source then finding order. */
export function findingIndex(graph: LinkageGraph): Map<string, FindingRecord> {
  const index = new Map<string, FindingRecord>();
  for (const source of graph.getAttribute("sources")) {
    for (const finding of source.findings) {
      const ref = `${source.id}#${finding.id}`;
      index.set(ref, {
        ref,
        sourceId: source.id,
        id: finding.id,
        summary: finding.summary,
        sourceTitle: source.title,
      });
    }
  }
  return index;
}
