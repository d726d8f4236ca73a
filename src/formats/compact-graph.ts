// The graph the import worker hands the page, packed for postMessage: each attribute is a column,
// numbers go in typed arrays that are moved (the transfer list) rather than copied, and a value that
// many nodes or claims share (a kind, a source list, an empty note) is sent once. Pure: no DOM, no UI.
// packGraph runs in the worker, unpackGraph on the page; between them the message is structured-cloned.
import { MultiDirectedGraph } from "graphology";
import { z } from "zod";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../graph/types.ts";

/**
 * An attribute whose every value is a number: one slot per node or claim, read where its shape has the
 * key. 64-bit, as the graph holds them: 32 bits would round positions that round trips compare exactly.
 */
export interface NumberColumn {
  key: string;
  type: "numbers";
  values: Float64Array;
}

/** Any other attribute: each node or claim points into a table of distinct values. */
export interface TableColumn {
  key: string;
  type: "table";
  index: Uint32Array;
  table: unknown[];
}

export type PackedColumn = NumberColumn | TableColumn;

/**
 * The nodes or the claims. A shape is the list of attribute keys one of them has, in its order, so
 * that absent and present stay apart and each attribute record comes back with its keys in order.
 */
export interface PackedItems {
  /**
   * A list of strings, not one joined string and lengths: on 50,000 to 100,000 keys the two are received
   * and keyed within a few milliseconds of each other, in Node and in Chromium, against some 700 ms
   * for the build (bench/import-transfer.bench.ts), and the list is simpler.
   */
  keys: string[];
  shapes: string[][];
  shape: Uint32Array;
  columns: PackedColumn[];
}

export interface PackedClaims extends PackedItems {
  /** Positions in the node list. */
  source: Uint32Array;
  target: Uint32Array;
}

export interface PackedGraph {
  allowSelfLoops: boolean;
  attributes: GraphAttributes;
  nodes: PackedItems;
  edges: PackedClaims;
}

/** A message that does not hold a graph: its arrays disagree in length or point outside their tables. */
export class PackedGraphError extends Error {
  override name = "PackedGraphError";
}

// ---------------------------------------------------------------------------------------------
// Values shared by many entries

/**
 * A text that two values share exactly when they are equal, and would come back equal after a
 * structured clone: strings, numbers (-0 and NaN apart), booleans, null, undefined, and arrays and
 * plain objects of them, keys in order. Anything else gets none and is sent on its own.
 */
function signature(value: unknown): string | undefined {
  if (value === null) return "null";
  const type = typeof value;
  if (type === "string") return JSON.stringify(value);
  if (type === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (type === "boolean" || type === "undefined") return String(value);
  if (type !== "object") return undefined;
  if (Array.isArray(value)) return arraySignature(value);
  return Object.getPrototypeOf(value) === Object.prototype
    ? objectSignature(value as Record<string, unknown>)
    : undefined;
}

function arraySignature(list: unknown[]): string | undefined {
  if (Object.getPrototypeOf(list) !== Array.prototype) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < list.length; i++) {
    // A hole would come back as undefined from a copy, but as a hole from a clone.
    const part = i in list ? signature(list[i]) : undefined;
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return `[${parts.join(",")}]`;
}

function objectSignature(record: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const key of Object.keys(record)) {
    const part = signature(record[key]);
    if (part === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  return `{${parts.join(",")}}`;
}

/** Sets an own property, even one named `__proto__`, which plain assignment would take as the prototype. */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** A fresh copy of a value a signature was made of, so that no two nodes share one array or record. */
function copied(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copied);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) setOwn(out, key, copied(inner));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Packing

/** After this many entries, a column whose values are mostly distinct stops looking for shared ones. */
const SHARING_PROBE = 1024;

/** Collects a table column: strings by value, other values by signature, the rest each on its own. */
function tableBuilder(key: string, count: number) {
  const index = new Uint32Array(count);
  const table: unknown[] = [];
  const strings = new Map<string, number>();
  const signed = new Map<string, number>();
  let seen = 0;
  const position = (value: unknown): number => {
    seen++;
    if (typeof value === "string") {
      const known = strings.get(value);
      if (known !== undefined) return known;
      strings.set(value, table.length);
      return table.push(value) - 1;
    }
    const sharing = seen < SHARING_PROBE || table.length * 2 < seen;
    const text = sharing ? signature(value) : undefined;
    if (text === undefined) return table.push(value) - 1;
    const known = signed.get(text);
    if (known !== undefined) return known;
    signed.set(text, table.length);
    return table.push(value) - 1;
  };
  return {
    put: (entry: number, value: unknown) => {
      index[entry] = position(value);
    },
    column: (): TableColumn => ({ key, type: "table", index, table }),
  };
}

function numberBuilder(key: string, count: number) {
  const values = new Float64Array(count);
  return {
    put: (entry: number, value: unknown) => {
      values[entry] = value as number;
    },
    column: (): NumberColumn => ({ key, type: "numbers", values }),
  };
}

type ColumnBuilder = ReturnType<typeof tableBuilder> | ReturnType<typeof numberBuilder>;

/** Packs attribute records: their shapes first (and which keys hold only numbers), then the columns. */
function packItems(records: readonly object[]): Omit<PackedItems, "keys"> {
  const count = records.length;
  const shapeOf = new Map<string, number>();
  const shapes: string[][] = [];
  const shape = new Uint32Array(count);
  const numeric = new Map<string, boolean>();
  for (let entry = 0; entry < count; entry++) {
    const record = records[entry] as Record<string, unknown>;
    const keys = Object.keys(record);
    const text = JSON.stringify(keys);
    let known = shapeOf.get(text);
    if (known === undefined) {
      known = shapes.push(keys) - 1;
      shapeOf.set(text, known);
    }
    shape[entry] = known;
    for (const key of keys) {
      const isNumber = typeof record[key] === "number";
      if (numeric.get(key) !== false) numeric.set(key, isNumber);
    }
  }
  const builders = new Map<string, ColumnBuilder>();
  for (const [key, isNumber] of numeric)
    builders.set(key, isNumber ? numberBuilder(key, count) : tableBuilder(key, count));
  const writers = shapes.map((keys) => keys.map((key) => builders.get(key) as ColumnBuilder));
  for (let entry = 0; entry < count; entry++) {
    const record = records[entry] as Record<string, unknown>;
    const s = shape[entry] as number;
    const keys = shapes[s] as string[];
    const into = writers[s] as ColumnBuilder[];
    for (let k = 0; k < keys.length; k++) (into[k] as ColumnBuilder).put(entry, record[keys[k] as string]);
  }
  return { shapes, shape, columns: [...builders.values()].map((builder) => builder.column()) };
}

const buffersOf = (items: PackedItems): ArrayBuffer[] => [
  items.shape.buffer as ArrayBuffer,
  ...items.columns.map((c) => (c.type === "numbers" ? c.values.buffer : c.index.buffer) as ArrayBuffer),
];

/**
 * The graph as a message, and the buffers to move with it (`postMessage(message, transfer)`). The
 * message holds the graph's own values: post it (a structured clone copies them) before unpacking.
 */
export function packGraph(graph: LinkageGraph): { message: PackedGraph; transfer: ArrayBuffer[] } {
  const nodeKeys: string[] = [];
  const nodeRecords: NodeAttributes[] = [];
  const position = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    position.set(key, nodeKeys.length);
    nodeKeys.push(key);
    nodeRecords.push(attributes);
  });
  const edgeKeys: string[] = [];
  const edgeRecords: ClaimAttributes[] = [];
  const source = new Uint32Array(graph.size);
  const target = new Uint32Array(graph.size);
  graph.forEachEdge((key, attributes, from, to) => {
    source[edgeKeys.length] = position.get(from) as number;
    target[edgeKeys.length] = position.get(to) as number;
    edgeKeys.push(key);
    edgeRecords.push(attributes);
  });
  const nodes: PackedItems = { keys: nodeKeys, ...packItems(nodeRecords) };
  const edges: PackedClaims = { keys: edgeKeys, ...packItems(edgeRecords), source, target };
  const message: PackedGraph = {
    allowSelfLoops: graph.allowSelfLoops,
    attributes: graph.getAttributes(),
    nodes,
    edges,
  };
  return {
    message,
    transfer: [...buffersOf(nodes), ...buffersOf(edges), source.buffer, target.buffer],
  };
}

// ---------------------------------------------------------------------------------------------
// Unpacking

// A list is taken as it is: z.array would copy a list of 100,000 keys. Its entries are checked as read.
const List = z.custom<unknown[]>((value) => Array.isArray(value), "expected a list");
const ColumnSchema = z.discriminatedUnion("type", [
  z.object({ key: z.string(), type: z.literal("numbers"), values: z.instanceof(Float64Array) }),
  z.object({
    key: z.string(),
    type: z.literal("table"),
    index: z.instanceof(Uint32Array),
    table: List,
  }),
]);
const ItemsSchema = z.object({
  keys: List,
  shapes: z.array(List),
  shape: z.instanceof(Uint32Array),
  columns: z.array(ColumnSchema),
});
const PackedGraphSchema = z.object({
  allowSelfLoops: z.boolean(),
  attributes: z.record(z.string(), z.unknown()),
  nodes: ItemsSchema,
  edges: ItemsSchema.extend({ source: z.instanceof(Uint32Array), target: z.instanceof(Uint32Array) }),
});

function checkLength(what: string, length: number, count: number): void {
  if (length !== count) throw new PackedGraphError(`${what} has ${length} entries for ${count}`);
}

function checkBelow(what: string, list: Uint32Array, limit: number): void {
  for (let i = 0; i < list.length; i++)
    if ((list[i] as number) >= limit)
      throw new PackedGraphError(`${what}[${i}] is ${list[i]}, past the ${limit} it may point into`);
}

function checkText(what: string, value: unknown): string {
  if (typeof value !== "string") throw new PackedGraphError(`${what} is not a text`);
  return value;
}

/** Reads entry `i` of a column; a shared array or record is copied on every use after the first. */
function columnReader(column: PackedColumn, count: number): (entry: number) => unknown {
  if (column.type === "numbers") {
    checkLength(`column ${column.key}`, column.values.length, count);
    const { values } = column;
    return (entry) => values[entry];
  }
  checkLength(`column ${column.key}`, column.index.length, count);
  checkBelow(`column ${column.key}`, column.index, column.table.length);
  const { index, table } = column;
  const used = new Uint8Array(table.length);
  return (entry) => {
    const at = index[entry] as number;
    const value = table[at];
    if (typeof value !== "object" || value === null) return value;
    if (used[at]) return copied(value);
    used[at] = 1;
    return value;
  };
}

/** The attribute records of packed nodes or claims, in order, each keyed as it was. */
function unpackItems(items: PackedItems, what: string): Record<string, unknown>[] {
  const count = items.keys.length;
  checkLength(`${what} shape`, items.shape.length, count);
  checkBelow(`${what} shape`, items.shape, items.shapes.length);
  const readers = new Map<string, (entry: number) => unknown>();
  for (const column of items.columns) readers.set(column.key, columnReader(column, count));
  const shapes = items.shapes.map((keys) => keys.map((key) => checkText(`a ${what} shape key`, key)));
  const shapeReaders = shapes.map((keys) =>
    keys.map((key) => {
      const reader = readers.get(key);
      if (!reader)
        throw new PackedGraphError(`${what} shapes name ${JSON.stringify(key)}, which has no column`);
      return reader;
    }),
  );
  const records: Record<string, unknown>[] = new Array(count);
  for (let entry = 0; entry < count; entry++) {
    const s = items.shape[entry] as number;
    const keys = shapes[s] as string[];
    const read = shapeReaders[s] as ((entry: number) => unknown)[];
    const record: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++)
      setOwn(record, keys[k] as string, (read[k] as (entry: number) => unknown)(entry));
    records[entry] = record;
  }
  return records;
}

/**
 * The graph a packed message holds, built node by node and claim by claim. Throws PackedGraphError
 * when the message is not one packGraph made; graphology's own errors (a repeated key) pass through.
 */
export function unpackGraph(packed: PackedGraph): LinkageGraph {
  const checked = PackedGraphSchema.safeParse(packed);
  if (!checked.success) throw new PackedGraphError(`not a packed graph: ${checked.error.message}`);
  const { nodes, edges } = packed;
  const nodeKeys = nodes.keys.map((key) => checkText("a node key", key));
  const edgeKeys = edges.keys.map((key) => checkText("an edge key", key));
  const order = nodeKeys.length;
  const size = edgeKeys.length;
  checkLength("edge source", edges.source.length, size);
  checkLength("edge target", edges.target.length, size);
  checkBelow("edge source", edges.source, order);
  checkBelow("edge target", edges.target, order);
  const nodeRecords = unpackItems(nodes, "node");
  const edgeRecords = unpackItems(edges, "edge");
  const graph: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>({
    allowSelfLoops: packed.allowSelfLoops,
  });
  graph.replaceAttributes(packed.attributes);
  for (let i = 0; i < order; i++)
    graph.addNode(nodeKeys[i] as string, nodeRecords[i] as unknown as NodeAttributes);
  for (let i = 0; i < size; i++)
    graph.addDirectedEdgeWithKey(
      edgeKeys[i] as string,
      nodeKeys[edges.source[i] as number] as string,
      nodeKeys[edges.target[i] as number] as string,
      edgeRecords[i] as unknown as ClaimAttributes,
    );
  return graph;
}
