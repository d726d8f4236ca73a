// graphology's serialized JSON (`graph.export()`), for graphology and sigma users: every node has x, y,
// size and color, so sigma draws the file as it is. Our own exports (graph attributes holding the
// sources) come back as the same graph; any other serialized graph is checked with zod and becomes an
// imported graph, its attributes kept and its node and edge colours and edge weights read as such.
import { z } from "zod";
import { originalId } from "../graph/build.ts";
import { jsonPath } from "../graph/problems.ts";
import type { ClaimAttributes, LinkageGraph, NodeAttributes } from "../graph/types.ts";
import type { ForeignAttributes } from "../model/schema.ts";
import { KIND_STYLES } from "../model/vocabulary.ts";
import { ImportError } from "./errors.ts";
import {
  checkAndBuildForeign,
  EDGE_LOOK,
  type ForeignEdge,
  type ForeignGraph,
  type ForeignNode,
  foreignValueOf,
  liftLook,
  NODE_LOOK,
} from "./foreign.ts";
import { parseJsonImport } from "./json-input.ts";
import { checkLabel, idOf } from "./limits.ts";
import { ClaimAttributesSchema, NodeAttributesSchema, withOriginalIds } from "./model-fields.ts";
import { OwnSources } from "./own-meta.ts";
import { placement } from "./positions.ts";
import { type ClaimRecord, checkAndBuildOwn, type NodeRecord } from "./records.ts";
import type { ExportFile, ExportOptions, ImportInput, ImportOptions, ImportOutcome } from "./types.ts";
import { type Notes, note, setAttribute } from "./values.ts";

export const GRAPHOLOGY_MIME = "application/json";

/**
 * A node attribute of our own files: the drawing fields (x, y, size, color) the writer filled in for
 * sigma because the node had none. Our reader takes them off again, so the graph comes back as it was.
 */
export const DRAWN_KEY = "linkage-atlas:drawn";
const DRAWN_FIELDS = ["x", "y", "size", "color"] as const;
type DrawnField = (typeof DRAWN_FIELDS)[number];

/**
 * What sigma needs to draw a node as it is: a position, a size and a colour on every node. The node's
 * own, else the caller's layout (or seeded positions), a size from its degree and its kind's colour;
 * the fields filled in are listed under DRAWN_KEY.
 */
function drawable(graph: LinkageGraph, options: ExportOptions): (key: string, a: NodeAttributes) => object {
  const place = placement(graph, options);
  const made: Record<DrawnField, (key: string, a: NodeAttributes) => number | string> = {
    x: (key) => place.x(key),
    y: (key) => place.y(key),
    size: (key) => place.size(key),
    color: (_key, a) => KIND_STYLES[a.kind].color,
  };
  return (key, a) => {
    const drawn = DRAWN_FIELDS.filter((field) => a[field] === undefined);
    if (drawn.length === 0) return a;
    const out: Record<string, unknown> = { ...a };
    for (const field of drawn) out[field] = made[field](key, a);
    out[DRAWN_KEY] = drawn;
    return out;
  };
}

/**
 * graphology's serialization with the ids the file's nodes and claims had (build.ts: originalId), not
 * the keys an id such as `__proto__` gets inside the graph, and x, y, size and color on every node.
 */
export function writeGraphologyJson(graph: LinkageGraph, options: ExportOptions = {}): ExportFile[] {
  const serialized = graph.export();
  const draw = drawable(graph, options);
  for (const node of serialized.nodes) {
    const attributes = node.attributes ?? graph.getNodeAttributes(node.key);
    node.attributes = withOriginalIds("node", draw(node.key, attributes)) as NodeAttributes;
    node.key = originalId(node.key);
  }
  for (const edge of serialized.edges) {
    if (edge.key !== undefined) edge.key = originalId(edge.key);
    edge.source = originalId(edge.source);
    edge.target = originalId(edge.target);
    if (edge.attributes) edge.attributes = withOriginalIds("claim", edge.attributes);
  }
  return [{ name: "graph.graphology.json", text: `${JSON.stringify(serialized)}\n`, mime: GRAPHOLOGY_MIME }];
}

const JsonRecord = z.record(z.string(), z.unknown());
const Serialized = z.object({
  attributes: JsonRecord.optional(),
  options: z
    .object({
      type: z.enum(["mixed", "directed", "undirected"]).optional(),
      multi: z.boolean().optional(),
      allowSelfLoops: z.boolean().optional(),
    })
    .optional(),
  nodes: z.array(z.object({ key: z.unknown(), attributes: JsonRecord.optional() })),
  edges: z
    .array(
      z.object({
        key: z.unknown().optional(),
        source: z.unknown(),
        target: z.unknown(),
        attributes: JsonRecord.optional(),
        undirected: z.boolean().optional(),
      }),
    )
    .optional(),
});

/** Names the attribute at fault, and what was expected of it. */
function attributeError(file: string, element: string, error: z.ZodError): ImportError {
  return new ImportError(
    error.issues.slice(0, 20).map((issue) => ({
      file,
      element: issue.path.length ? `${element} ${jsonPath(issue.path)}` : element,
      message: issue.message,
    })),
  );
}

const LAYOUT = ["x", "y", "size"] as const;
type Layout = Partial<Record<(typeof LAYOUT)[number], number>>;

/** A value for a message: short, and without walking into it (it may nest thousands deep). */
function described(value: unknown): string {
  if (typeof value === "string") return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "boolean") return `${value}`;
  if (typeof value === "number") return `${value}`;
  return Array.isArray(value) ? "a list" : `${value === null ? "null" : `an ${typeof value}`}`;
}

/**
 * A node's x, y and size: a finite number is kept, null or absent means none (graphology writes null
 * for a value that was unset), and anything else stops the import naming the node and the field.
 */
function layoutOf(from: Record<string, unknown>, where: { file: string; element: string }): Layout {
  const layout: Layout = {};
  for (const field of LAYOUT) {
    const value = from[field];
    if (value === null || value === undefined) continue;
    if (typeof value === "number" && Number.isFinite(value)) {
      layout[field] = value;
      continue;
    }
    throw new ImportError({
      ...where,
      message: `"${field}" must be a number or null, not ${described(value)}`,
    });
  }
  return layout;
}

/** A node's attributes without what our writer filled in for drawing (DRAWN_KEY); throws on a bad list. */
function undrawn(
  attributes: Record<string, unknown>,
  where: { file: string; element: string },
): Record<string, unknown> {
  if (!Object.hasOwn(attributes, DRAWN_KEY)) return attributes;
  const { [DRAWN_KEY]: drawn, ...rest } = attributes;
  if (
    !Array.isArray(drawn) ||
    !drawn.every((field) => (DRAWN_FIELDS as readonly unknown[]).includes(field))
  ) {
    throw new ImportError({
      ...where,
      message: `"${DRAWN_KEY}" must list some of ${DRAWN_FIELDS.join(", ")}`,
    });
  }
  for (const field of drawn as DrawnField[]) delete rest[field];
  return rest;
}

export function readGraphologyJson(input: ImportInput, options: ImportOptions): ImportOutcome {
  const file = input.name;
  const checked = Serialized.safeParse(parseJsonImport(file, input.text));
  if (!checked.success) {
    throw new ImportError(
      checked.error.issues.slice(0, 20).map((issue) => ({
        file,
        element: jsonPath(issue.path),
        message: `not a graphology serialized graph: ${issue.message}`,
      })),
    );
  }
  const serialized = checked.data;
  const edges = serialized.edges ?? [];
  const sources = OwnSources.safeParse(serialized.attributes?.sources);

  if (sources.success && serialized.nodes.every((node) => node.attributes && "sources" in node.attributes)) {
    const nodes: NodeRecord[] = serialized.nodes.map((node, index) => {
      const element = `nodes[${index}]`;
      const id = idOf(node.key, { file, element }, "key");
      const { x, y, size, ...rest } = undrawn(node.attributes ?? {}, { file, element: `node "${id}"` });
      const layout = layoutOf({ x, y, size }, { file, element: `node "${id}"` });
      const attributes = NodeAttributesSchema.safeParse({ ...rest, ...layout });
      if (!attributes.success) throw attributeError(file, `node "${id}"`, attributes.error);
      const data = attributes.data as NodeAttributes;
      checkLabel(data.label, { file, element: `node "${id}"` });
      return { id, attributes: data };
    });
    const claims: ClaimRecord[] = edges.map((edge, index) => {
      const element = `edges[${index}]`;
      const id = idOf(edge.key, { file, element }, "key");
      const attributes = ClaimAttributesSchema.safeParse(edge.attributes);
      if (!attributes.success) throw attributeError(file, `claim "${id}"`, attributes.error);
      return {
        id,
        source: idOf(edge.source, { file, element }, "source"),
        target: idOf(edge.target, { file, element }, "target"),
        attributes: attributes.data as ClaimAttributes,
      };
    });
    return checkAndBuildOwn(file, "graphology-json", { sources: sources.data, nodes, claims }, new Map());
  }

  const notes: Notes = new Map();
  const keep = (
    from: Record<string, unknown> | undefined,
    skip: readonly string[],
    what: string,
    element: string,
  ) => {
    const attributes: ForeignAttributes = {};
    for (const [name, raw] of Object.entries(from ?? {})) {
      if (skip.includes(name)) continue;
      const value = foreignValueOf(
        raw,
        (message) => note(notes, `${what} attribute "${name}": ${message}`),
        () => ({ file, element: `${element} attribute "${name.slice(0, 100)}"` }),
      );
      if (value !== undefined) setAttribute(attributes, name, value, notes);
    }
    return attributes;
  };
  const nodes: ForeignNode[] = serialized.nodes.map((node, index) => {
    const where = { file, element: `nodes[${index}]` };
    const id = idOf(node.key, where, "key");
    const from = node.attributes ?? {};
    const foreign: ForeignNode = {
      id,
      attributes: keep(from, ["label", "x", "y", "size"], "node", where.element),
      where,
    };
    if (from.label !== undefined) {
      if (typeof from.label !== "string" && typeof from.label !== "number") {
        throw new ImportError({ ...where, message: "the label must be a string or a number" });
      }
      foreign.label = checkLabel(String(from.label), where);
    }
    Object.assign(foreign, layoutOf(from, { file, element: `node "${id}"` }));
    // sigma's and Gephi Lite's files colour nodes with `color`.
    liftLook(foreign, { color: NODE_LOOK.color });
    return foreign;
  });
  const foreignEdges: ForeignEdge[] = edges.map((edge, index) => {
    const where = { file, element: `edges[${index}]` };
    const foreign: ForeignEdge = {
      source: idOf(edge.source, where, "source"),
      target: idOf(edge.target, where, "target"),
      attributes: keep(edge.attributes, [], "edge", where.element),
      where,
    };
    if (edge.key !== undefined) foreign.id = idOf(edge.key, where, "key");
    if (edge.undirected) foreign.attributes.undirected = true;
    liftLook(foreign, { weight: EDGE_LOOK.weight, color: EDGE_LOOK.color });
    return foreign;
  });
  const graphAttributes = keep(serialized.attributes, [], "graph", "attributes");
  if (serialized.options?.type) graphAttributes["graphology:type"] = serialized.options.type;
  const foreign: ForeignGraph = { attributes: graphAttributes, nodes, edges: foreignEdges, warnings: [] };
  if (typeof serialized.attributes?.name === "string") foreign.title = serialized.attributes.name;
  return checkAndBuildForeign(file, "graphology-json", foreign, notes, options.mapping);
}
