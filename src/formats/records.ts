// A graph as plain records (its sources, nodes and claims with their attributes) and the two ways
// across: records to graph-data source files (one per source), and checked files back to a new graph.
// Every reader ends in checkAndBuild, so an import is all-or-nothing.
import type { z } from "zod";
import { buildGraph, graphKey, originalId } from "../graph/build.ts";
import { checkIntegrity } from "../graph/integrity.ts";
import type { AnyLoadedSource } from "../graph/load.ts";
import { formatProblem, jsonPath } from "../graph/problems.ts";
import type { ClaimAttributes, LinkageGraph, NodeAttributes } from "../graph/types.ts";
import {
  type AnySourceFile,
  type AnySourceMeta,
  Claim,
  GraphNode,
  ImportedClaim,
  ImportedNode,
  isImported,
  MODEL_VERSION,
  sourceFileSchemaFor,
} from "../model/schema.ts";
import { ImportError, type ImportProblem } from "./errors.ts";
import { type FieldOwner, isNone, isRequiredKey, schemaDefault, withOriginalIds } from "./model-fields.ts";
import type { FormatId, ImportOutcome } from "./types.ts";
import { type Notes, notesAsWarnings } from "./values.ts";

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

/** The graph's nodes and claims by the ids files hold (originalId), not by graphology key. */
export function recordsOf(graph: LinkageGraph): GraphRecords {
  return {
    sources: graph.getAttribute("sources"),
    nodes: graph.mapNodes((key, attributes) => ({
      id: originalId(key),
      attributes: withOriginalIds("node", attributes),
    })),
    claims: graph.mapEdges((key, attributes, source, target) => ({
      id: originalId(key),
      source: originalId(source),
      target: originalId(target),
      attributes: withOriginalIds("claim", attributes),
    })),
  };
}

/** `src#F3` as `F3` inside its own source's file, the way curated files write it. */
function localFinding(ref: string, sourceId: string): string {
  return ref.startsWith(`${sourceId}#`) ? ref.slice(sourceId.length + 1) : ref;
}

interface EntryKey {
  key: string;
  required: boolean;
  fallback: unknown;
}

/** A schema's keys in its order, each with whether a file must have it and the schema's default. */
function entryKeys(shape: Record<string, z.ZodType>): EntryKey[] {
  return Object.entries(shape).map(([key, schema]) => ({
    key,
    required: isRequiredKey(schema),
    fallback: schemaDefault(schema),
  }));
}

const NODE_KEYS = { curated: entryKeys(GraphNode.shape), imported: entryKeys(ImportedNode.shape) };
const CLAIM_KEYS = { curated: entryKeys(Claim.shape), imported: entryKeys(ImportedClaim.shape) };

/**
 * An entry of a source file with the keys of its schema, in the schema's order, each from the graph
 * attribute of the same name (or `special`: id, ends, local finding refs). A key the schema does not
 * require is left out when the graph holds none (model-fields.ts), when it is the schema's default
 * (attribution "stated"), and in a node's later sources (`onlyRequired`): buildGraph takes it from
 * the first.
 */
function entryOf(
  keys: readonly EntryKey[],
  owner: FieldOwner,
  attributes: object,
  special: Record<string, unknown>,
  onlyRequired = false,
): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  const values = attributes as Record<string, unknown>;
  for (const { key, required, fallback } of keys) {
    const value = key in special ? special[key] : values[key];
    if (value === undefined) continue;
    if (!required && (onlyRequired || isNone(owner, key, value) || value === fallback)) continue;
    entry[key] = value;
  }
  return entry;
}

/**
 * One source file per source. A node goes into every source that defines it; its optional fields
 * (aliases, about, proposition, layout, attributes) only into the first, which is where buildGraph
 * takes them from, so building the files again gives the same graph. Layout (x, y, size) is kept for
 * imported graphs only, whose schema has it: curated files hold none.
 */
export function splitRecords(records: GraphRecords): AnySourceFile[] {
  return records.sources.map((source) => {
    const imported = isImported(source);
    const provenance = imported ? "imported" : "curated";
    const nodes: Record<string, unknown>[] = [];
    for (const { id, attributes } of records.nodes) {
      if (!attributes.sources.includes(source.id)) continue;
      const first = attributes.sources[0] === source.id;
      nodes.push(entryOf(NODE_KEYS[provenance], "node", attributes, { id }, !first));
    }
    const claims: Record<string, unknown>[] = [];
    for (const { id, source: from, target, attributes } of records.claims) {
      if (attributes.sourceId !== source.id) continue;
      const findings = attributes.findings.map((ref) => localFinding(ref, source.id));
      claims.push(
        entryOf(CLAIM_KEYS[provenance], "claim", attributes, { id, source: from, target, findings }),
      );
    }
    const version = imported ? {} : { modelVersion: MODEL_VERSION };
    return { $schema: SCHEMA_REF, ...version, source, nodes, claims } as AnySourceFile;
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

/** A node's layout and look: a curated file holds none of them, our other files carry them. */
const NODE_LOOK = ["x", "y", "size", "color", "shape"] as const satisfies readonly (keyof NodeAttributes)[];

/**
 * Checks source files (schema, then integrity across them) and builds a new graph from them, with
 * the records' layout and look laid over curated nodes. Throws ImportError naming the file and the entry.
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
    const key = graphKey(record.id);
    if (!graph.hasNode(key)) continue;
    const look = NODE_LOOK.filter((field) => record.attributes[field] !== undefined);
    if (look.length === 0) continue;
    graph.updateNodeAttributes(key, (attributes) => {
      const next: Record<string, unknown> = { ...attributes };
      for (const field of look) next[field] = record.attributes[field];
      return next as unknown as NodeAttributes;
    });
  }
  return { format, graph, files: loaded.map((source) => source.data), warnings };
}

/**
 * The records read back from one of our own files (GEXF, GraphML, graphology JSON) as the graph they
 * were written from: one file per source, checked and built, each node with the layout the file gave it.
 */
export function checkAndBuildOwn(
  file: string,
  format: FormatId,
  records: GraphRecords,
  notes: Notes,
): ImportOutcome {
  return checkAndBuild(file, format, recordsToFiles(file, records), notesAsWarnings(notes), records.nodes);
}
