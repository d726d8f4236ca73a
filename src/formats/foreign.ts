// Another tool's graph, as the XML and JSON readers hand it over, and its mapping into an imported
// source, which checkAndBuildForeign checks and builds: ids and attributes kept as they were, a kind per
// node and a relation per edge read through the mapping (or its defaults), and no holder or finding
// ever invented.
import type { z } from "zod";
import { parseJsonText } from "../model/json-text.ts";
import {
  calendarDateProblem,
  type ForeignAttributes,
  type ForeignValue,
  ImportedClaim,
  ImportedNode,
  type ImportedSourceFile,
  type NodeShape,
} from "../model/schema.ts";
import { NODE_KINDS, RELATIONS } from "../model/vocabulary.ts";
import { parseColor, parseShape } from "./colors.ts";
import { ImportError, type ImportProblem } from "./errors.ts";
import { checkLabel, type LazyWhere } from "./limits.ts";
import { FOREIGN_CLAIM_FIELDS, FOREIGN_NODE_FIELDS, kindOfSchema, scalarFromText } from "./model-fields.ts";
import { checkAndBuild, SCHEMA_REF } from "./records.ts";
import { DEFAULT_MAPPING, type FormatId, type ImportMapping, type ImportOutcome } from "./types.ts";
import { type Notes, notesAsWarnings } from "./values.ts";

type Where = Omit<ImportProblem, "message">;
const at = (where: LazyWhere): Where => (typeof where === "function" ? where() : where);

export interface ForeignNode {
  id: string;
  label?: string;
  x?: number;
  y?: number;
  size?: number;
  /** `#rrggbb` or `#rrggbbaa` (colors.ts). */
  color?: string;
  shape?: NodeShape;
  attributes: ForeignAttributes;
  where: LazyWhere;
}

export interface ForeignEdge {
  id?: string;
  source: string;
  target: string;
  weight?: number;
  /** `#rrggbb` or `#rrggbbaa` (colors.ts). */
  color?: string;
  thickness?: number;
  attributes: ForeignAttributes;
  where: LazyWhere;
}

type Look<T> = (value: ForeignValue) => Partial<T> | undefined;

/** A finite number, or the text of one ("12.5", as a GraphML key of type string holds it). */
function finiteOf(value: ForeignValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const numberLook =
  <T>(field: keyof T, minimum = Number.NEGATIVE_INFINITY): Look<T> =>
  (value) => {
    const n = finiteOf(value);
    return n === undefined || n < minimum ? undefined : ({ [field]: n } as Partial<T>);
  };
const colorLook = (value: ForeignValue): { color: string } | undefined => {
  const color = typeof value === "string" ? parseColor(value) : undefined;
  return color ? { color } : undefined;
};

/**
 * Node attributes that common tools write under plain names (networkx and Cytoscape GraphML keys,
 * sigma's graphology JSON): read into the node's position, size, colour and shape.
 */
export const NODE_LOOK = {
  x: numberLook<ForeignNode>("x"),
  y: numberLook<ForeignNode>("y"),
  size: numberLook<ForeignNode>("size"),
  color: colorLook,
  shape: (value) => {
    const shape = typeof value === "string" ? parseShape(value) : undefined;
    return shape ? { shape } : undefined;
  },
} satisfies Record<string, Look<ForeignNode>>;

/** Edge attributes that common tools write under plain names: the weight, colour and drawn width. */
export const EDGE_LOOK = {
  weight: numberLook<ForeignEdge>("weight"),
  color: colorLook,
  thickness: numberLook<ForeignEdge>("thickness", 0),
} satisfies Record<string, Look<ForeignEdge>>;

/**
 * Moves the attributes named in `looks` into the entry's own fields when their value reads as one (a
 * number, a colour, a shape we draw); a value that does not stays an attribute of the file's, as it
 * was. A field the entry already has (a GEXF viz value) wins.
 */
export function liftLook<T extends ForeignNode | ForeignEdge>(
  entry: T,
  looks: Readonly<Record<string, Look<T>>>,
): void {
  for (const name of Object.keys(looks)) {
    if (!Object.hasOwn(entry.attributes, name)) continue;
    const read = (looks[name] as Look<T>)(entry.attributes[name] as ForeignValue);
    if (
      !read ||
      Object.keys(read).some((field) => (entry as unknown as Record<string, unknown>)[field] !== undefined)
    )
      continue;
    Object.assign(entry, read);
    delete entry.attributes[name];
  }
}

export interface ForeignGraph {
  title?: string;
  publisher?: string;
  date?: string;
  /** Graph-level attributes, such as the default edge type or a description. */
  attributes: ForeignAttributes;
  nodes: ForeignNode[];
  edges: ForeignEdge[];
  warnings: string[];
}

/** A kebab-case source id from a file name: `Les Misérables.graphml` → `les-miserables`. */
export function sourceIdFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, "");
  const slug = stem
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "imported";
}

/** A list field's value written as text: JSON list text (GraphML), else the text, for zod to refuse. */
function asFieldValue(schema: z.ZodType, value: ForeignValue): unknown {
  if (typeof value !== "string") return value;
  const kind = kindOfSchema(schema);
  if (kind === "list") {
    const parsed = parseJsonText(value);
    return parsed.ok && Array.isArray(parsed.value) ? parsed.value : value;
  }
  return scalarFromText({ name: "", kind }, value);
}

/**
 * Moves the attributes named like a model field (model-fields.ts: FOREIGN_*_FIELDS) out of the foreign
 * attributes and into the entry, each checked by the imported schema; a bad value stops the import,
 * naming the element, the attribute and what was expected.
 */
function liftModelFields(
  entry: Record<string, unknown>,
  attributes: ForeignAttributes,
  names: ReadonlySet<string>,
  shape: Record<string, z.ZodType>,
  where: LazyWhere,
): ForeignAttributes {
  const kept: [string, ForeignValue][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const schema = shape[name];
    if (!names.has(name) || !schema) {
      kept.push([name, value]);
      continue;
    }
    const checked = schema.safeParse(asFieldValue(schema, value));
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new ImportError({
        ...at(where),
        message: `attribute "${name}" (${JSON.stringify(value)}): ${issue?.message ?? "not a valid value"}`,
      });
    }
    entry[name] = checked.data;
  }
  // fromEntries defines properties, so no name can reach the prototype.
  return Object.fromEntries(kept);
}

function pick<T extends string>(value: ForeignValue | undefined, allowed: readonly T[]): T | undefined {
  if (typeof value !== "string") return undefined;
  const wanted = value.trim().toLowerCase();
  return allowed.find((option) => option === wanted);
}

/** A word of the vocabulary read through the mapping's attribute, and how many entries did not say one. */
interface MappedWord<T extends string> {
  of(attributes: ForeignAttributes): T;
  unread: number;
}

/** Reads `attribute` as one of `allowed`; without the attribute, or where it says none, `fallback`. */
function mappedWord<T extends string>(
  attribute: string | undefined,
  allowed: readonly T[],
  fallback: T,
): MappedWord<T> {
  const word: MappedWord<T> = {
    unread: 0,
    of(attributes) {
      if (attribute === undefined) return fallback;
      const read = pick(attributes[attribute], allowed);
      if (read === undefined) word.unread++;
      return read ?? fallback;
    },
  };
  return word;
}

/** Fields an imported record takes as they are from its foreign entry: both have them, of one type. */
type SharedFields<F, R> = readonly (keyof F & keyof R)[];
const NODE_OWN_LOOK: SharedFields<ForeignNode, ImportedNode> = ["x", "y", "size", "color", "shape"];
const CLAIM_OWN_LOOK: SharedFields<ForeignEdge, ImportedClaim> = ["weight", "color", "thickness"];

/**
 * Completes an imported node or claim from its foreign entry: the look fields the entry has, then the
 * model fields read out of its attributes (liftModelFields), then the attributes left, if any.
 */
function completed<R extends ImportedNode | ImportedClaim, F extends ForeignNode | ForeignEdge>(
  record: R,
  foreign: F,
  look: readonly (keyof R & keyof F)[],
  names: ReadonlySet<string>,
  shape: Record<string, z.ZodType>,
): R {
  for (const field of look) {
    if (foreign[field] !== undefined) record[field] = foreign[field] as unknown as R[typeof field];
  }
  const attributes = liftModelFields(record, foreign.attributes, names, shape, foreign.where);
  if (Object.keys(attributes).length) record.attributes = attributes;
  return record;
}

export function foreignToSourceFile(
  graph: ForeignGraph,
  file: string,
  format: FormatId,
  mapping: ImportMapping = DEFAULT_MAPPING,
): ImportedSourceFile {
  const sourceId = sourceIdFromFileName(file);
  const kinds = mappedWord(mapping.kindAttribute, NODE_KINDS, mapping.defaultKind);
  const defaultRelation = mapping.defaultRelation ?? "links-to";
  const relations = mappedWord(mapping.relationAttribute, RELATIONS, defaultRelation);
  const nodeIds = new Set<string>();
  const nodes = graph.nodes.map((foreign): ImportedNode => {
    if (nodeIds.has(foreign.id)) {
      throw new ImportError({ ...at(foreign.where), message: `node id "${foreign.id}" is used twice` });
    }
    nodeIds.add(foreign.id);
    const node: ImportedNode = {
      id: foreign.id,
      kind: kinds.of(foreign.attributes),
      label: checkLabel(foreign.label ?? foreign.id, foreign.where),
    };
    return completed(node, foreign, NODE_OWN_LOOK, FOREIGN_NODE_FIELDS, ImportedNode.shape);
  });

  const claimIds = new Set<string>();
  for (const edge of graph.edges) if (edge.id !== undefined) claimIds.add(edge.id);
  const seen = new Set<string>();
  let generated = 0;
  const claims = graph.edges.map((edge): ImportedClaim => {
    for (const end of [edge.source, edge.target]) {
      if (!nodeIds.has(end)) {
        throw new ImportError({
          ...at(edge.where),
          message: `the edge refers to node "${end}", which the file does not define`,
        });
      }
    }
    let id = edge.id;
    if (id === undefined) {
      // Edges without ids get the first free `e<n>`; a key, not data.
      do id = `e${generated++}`;
      while (claimIds.has(id));
      claimIds.add(id);
    } else if (seen.has(id)) {
      throw new ImportError({ ...at(edge.where), message: `edge id "${id}" is used twice` });
    }
    seen.add(id);
    const relation = relations.of(edge.attributes);
    const claim: ImportedClaim = { id, source: edge.source, target: edge.target, relation };
    return completed(claim, edge, CLAIM_OWN_LOOK, FOREIGN_CLAIM_FIELDS, ImportedClaim.shape);
  });

  if (kinds.unread) {
    graph.warnings.push(
      `${kinds.unread} node(s) had no actor, issue or treaty in attribute "${mapping.kindAttribute}"; they are ${mapping.defaultKind}s`,
    );
  }
  if (relations.unread) {
    graph.warnings.push(
      `${relations.unread} edge(s) had no supports, opposes or links-to in attribute "${mapping.relationAttribute}"; they are ${defaultRelation} claims`,
    );
  }

  const base = file.split(/[\\/]/).pop() ?? file;
  const source: ImportedSourceFile["source"] = {
    id: sourceId,
    provenance: "imported",
    title: (graph.title?.trim() || base).slice(0, 10_000),
    importedFrom: base.slice(0, 1000),
    format,
    findings: [],
  };
  if (graph.publisher?.trim()) source.publisher = graph.publisher.trim().slice(0, 300);
  // A file's date is metadata: one that is not a real calendar date is left out with a note, not fatal.
  if (graph.date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(graph.date)) {
    const problem = calendarDateProblem(graph.date);
    if (problem) graph.warnings.push(`the file's date "${graph.date}" was left out: ${problem}`);
    else source.date = graph.date;
  }
  if (Object.keys(graph.attributes).length) source.attributes = graph.attributes;
  return { $schema: SCHEMA_REF, source, nodes, claims };
}

/**
 * Another tool's graph as one imported source, checked and built. Its nodes and edges are let go once
 * the source file has them, so only the file is held while the graph is built.
 */
export function checkAndBuildForeign(
  file: string,
  format: FormatId,
  foreign: ForeignGraph,
  notes: Notes,
  mapping: ImportMapping | undefined,
): ImportOutcome {
  const source = foreignToSourceFile(foreign, file, format, mapping);
  foreign.nodes = [];
  foreign.edges = [];
  return checkAndBuild(file, format, [source], [...foreign.warnings, ...notesAsWarnings(notes)]);
}

/** Deeper JSON values are refused: no graph attribute needs them, and writing one back as text recurses. */
export const MAX_VALUE_NESTING = 100;

/** How deeply arrays and objects nest in a parsed JSON value, counted without recursion, up to `limit + 1`. */
export function nestingDepth(value: unknown, limit = MAX_VALUE_NESTING): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * A foreign JSON value as a ForeignValue: scalars and homogeneous lists as they are; nested objects
 * and mixed lists as JSON text; null and non-finite numbers dropped. Says what it changed. A value
 * nested deeper than MAX_VALUE_NESTING stops the import, naming its place (`where`).
 */
export function foreignValueOf(
  value: unknown,
  note: (message: string) => void,
  where: LazyWhere,
): ForeignValue | undefined {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    note("a number that is not finite was dropped");
    return undefined;
  }
  if (value === null || value === undefined) {
    note("a null value was dropped");
    return undefined;
  }
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === "string")) return value as string[];
    if (value.every((item) => typeof item === "number" && Number.isFinite(item))) return value as number[];
    if (value.every((item) => typeof item === "boolean")) return value as boolean[];
  }
  if (nestingDepth(value) > MAX_VALUE_NESTING) {
    throw new ImportError({
      ...at(where),
      message: `the value nests more than ${MAX_VALUE_NESTING} levels deep; attributes are limited to ${MAX_VALUE_NESTING}`,
    });
  }
  note("a nested or mixed value was kept as JSON text");
  return JSON.stringify(value);
}
