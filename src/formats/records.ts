// A graph as plain records (its sources, nodes and claims with their attributes) and the two ways
// across: records to graph-data source files (one per source), and checked files back to a new graph.
// Every reader ends in checkAndBuild, so an import is all-or-nothing.
import { buildGraph } from "../graph/build.ts";
import { checkIntegrity } from "../graph/integrity.ts";
import type { AnyLoadedSource } from "../graph/load.ts";
import { formatProblem, jsonPath } from "../graph/problems.ts";
import type { ClaimAttributes, LinkageGraph, NodeAttributes } from "../graph/types.ts";
import {
  type AnySourceFile,
  type AnySourceMeta,
  type Claim,
  type GraphNode,
  type ImportedClaim,
  type ImportedNode,
  isImported,
  sourceFileSchemaFor,
} from "../model/schema.ts";
import { ImportError, type ImportProblem } from "./errors.ts";
import type { FormatId, ImportOutcome } from "./types.ts";

export const SCHEMA_REF = "./source-file.schema.json";

export interface NodeRecord {
  id: string;
  attributes: NodeAttributes;
}
export interface ClaimRecord {
  id: string;
  source: string;
  target: string;
  attributes: ClaimAttributes;
}
export interface GraphRecords {
  sources: AnySourceMeta[];
  nodes: NodeRecord[];
  claims: ClaimRecord[];
}

export function recordsOf(graph: LinkageGraph): GraphRecords {
  return {
    sources: graph.getAttribute("sources"),
    nodes: graph.mapNodes((id, attributes) => ({ id, attributes })),
    claims: graph.mapEdges((id, attributes, source, target) => ({ id, source, target, attributes })),
  };
}

/** `src#F3` as `F3` inside its own source's file, the way curated files write it. */
function localFinding(ref: string, sourceId: string): string {
  return ref.startsWith(`${sourceId}#`) ? ref.slice(sourceId.length + 1) : ref;
}

/**
 * One source file per source. A node goes into every source that defines it; its aliases and `about`
 * only into the first, which is where buildGraph takes them from, so building the files again gives
 * the same graph. Layout (x, y, size) is kept for imported graphs only: curated files hold none.
 */
export function splitRecords(records: GraphRecords): AnySourceFile[] {
  return records.sources.map((source) => {
    const imported = isImported(source);
    const nodes: (GraphNode | ImportedNode)[] = [];
    for (const { id, attributes: a } of records.nodes) {
      if (!a.sources.includes(source.id)) continue;
      const first = a.sources[0] === source.id;
      if (imported) {
        const node: ImportedNode = { id, kind: a.kind, label: a.label };
        if (a.description) node.description = a.description;
        if (first && a.aliases.length) node.aliases = a.aliases;
        if (first && a.about) node.about = a.about;
        if (a.x !== undefined) node.x = a.x;
        if (a.y !== undefined) node.y = a.y;
        if (a.size !== undefined) node.size = a.size;
        if (a.attributes) node.attributes = a.attributes;
        nodes.push(node);
      } else {
        const node: GraphNode = { id, kind: a.kind, label: a.label, description: a.description };
        if (first && a.aliases.length) node.aliases = a.aliases;
        if (first && a.about) node.about = a.about;
        if (a.attributes) node.attributes = a.attributes;
        // Keep the key order of graph-data's files.
        nodes.push(
          Object.fromEntries(
            ["id", "kind", "label", "aliases", "description", "about", "attributes"]
              .filter((key) => key in node)
              .map((key) => [key, node[key as keyof GraphNode]]),
          ) as GraphNode,
        );
      }
    }
    const claims: (Claim | ImportedClaim)[] = [];
    for (const { id, source: from, target, attributes: a } of records.claims) {
      if (a.sourceId !== source.id) continue;
      const findings = a.findings.map((ref) => localFinding(ref, source.id));
      const claim: ImportedClaim = { id, source: from, target, relation: a.relation };
      if (!imported || a.heldBy.length) claim.heldBy = a.heldBy;
      if (!imported || findings.length) claim.findings = findings;
      if (a.qualifier !== undefined) claim.qualifier = a.qualifier;
      if (a.speaker !== undefined) claim.speaker = a.speaker;
      if (!imported || a.note) claim.note = a.note;
      if (a.attributes) claim.attributes = a.attributes;
      claims.push(claim as Claim | ImportedClaim);
    }
    return { $schema: SCHEMA_REF, source, nodes, claims } as AnySourceFile;
  });
}

/**
 * splitRecords for records read back from one of our files: every node must name a source of the
 * graph and every claim its source, or it would fall out of every file unnoticed.
 */
export function recordsToFiles(file: string, records: GraphRecords): AnySourceFile[] {
  const known = new Set(records.sources.map((source) => source.id));
  const problems: ImportProblem[] = [];
  for (const { id, attributes } of records.nodes) {
    const unknown = attributes.sources.filter((source) => !known.has(source));
    if (attributes.sources.length === 0 || unknown.length) {
      problems.push({
        file,
        element: `node "${id}"`,
        message: attributes.sources.length
          ? `names source "${unknown[0]}", which the file does not describe`
          : "names no source",
      });
    }
  }
  for (const { id, attributes } of records.claims) {
    if (!known.has(attributes.sourceId)) {
      problems.push({
        file,
        element: `claim "${id}"`,
        message: `names source "${attributes.sourceId}", which the file does not describe`,
      });
    }
  }
  if (problems.length) throw new ImportError(problems.slice(0, 20));
  return splitRecords(records);
}

/** A readable place for a zod issue in a file: the node or claim by id, not only by index. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if ((list === "nodes" || list === "claims") && typeof index === "number") {
    const entry = (data as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
    const what = list === "nodes" ? "node" : "claim";
    const rest = jsonPath(path.slice(2));
    return `${what} "${String(entry?.id ?? index)}"${rest === "(root)" ? "" : ` ${rest}`}`;
  }
  return jsonPath(path);
}

/**
 * Checks source files (schema, then integrity across them) and builds a new graph from them, with
 * the records' layout laid over curated nodes. Throws ImportError naming the file and the entry.
 */
export function checkAndBuild(
  file: string,
  format: FormatId,
  files: readonly unknown[],
  warnings: string[],
  layout?: readonly NodeRecord[],
): ImportOutcome {
  const problems: ImportProblem[] = [];
  const loaded: AnyLoadedSource[] = [];
  for (const data of files) {
    const checked = sourceFileSchemaFor(data).safeParse(data);
    if (!checked.success) {
      for (const issue of checked.error.issues.slice(0, 20)) {
        problems.push({ file, element: describePath(data, issue.path), message: issue.message });
      }
      continue;
    }
    loaded.push({ file, data: checked.data });
  }
  if (problems.length) throw new ImportError(problems);
  const integrity = checkIntegrity(loaded);
  if (integrity.length) {
    throw new ImportError(
      integrity
        .slice(0, 20)
        .map((problem) => ({ file, message: formatProblem({ ...problem, file: "" }).replace(/^:\s*/, "") })),
    );
  }
  const graph = buildGraph(loaded);
  for (const record of layout ?? []) {
    const { x, y, size } = record.attributes;
    if (!graph.hasNode(record.id)) continue;
    graph.updateNodeAttributes(record.id, (attributes) => {
      const next = { ...attributes };
      if (x !== undefined) next.x = x;
      if (y !== undefined) next.y = y;
      if (size !== undefined) next.size = size;
      return next;
    });
  }
  return { format, graph, files: loaded.map((source) => source.data), warnings };
}
