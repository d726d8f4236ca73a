// The model's node, claim and finding fields as every format writes and reads them: ONE list, derived
// from the zod schemas of src/model, with each field's kind of value. A field added to the schemas
// reaches every writer and reader through here. Pure: imports the schemas and the graph's types only.
import { z } from "zod";
import { NODE_ID_FIELDS, originalId } from "../graph/build.ts";
import type { ClaimAttributes, NodeAttributes } from "../graph/types.ts";
import {
  Claim,
  Finding,
  ForeignAttributes,
  GraphNode,
  ImportedClaim,
  ImportedNode,
} from "../model/schema.ts";

/** How a field's value is written: text, a list of strings, true/false, or a number. */
export type FieldKind = "text" | "list" | "flag" | "number";
export type ModelValue = string | string[] | boolean | number;

export interface ModelField {
  readonly name: string;
  readonly kind: FieldKind;
}

type Shape = Record<string, z.ZodType>;

/** The schema under optional(), default() and the like. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while ("innerType" in inner.def) inner = inner.def.innerType as z.ZodType;
  return inner;
}

const KIND_OF_TYPE: Partial<Record<string, FieldKind>> = { array: "list", boolean: "flag", number: "number" };

export function kindOfSchema(schema: z.ZodType): FieldKind {
  return KIND_OF_TYPE[unwrapped(schema).def.type] ?? "text";
}

/** True when a file must have the key: not optional and without a default. */
export function isRequiredKey(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

/** The value a schema gives an absent key (Claim's attribution "stated"), if it has a default. */
export function schemaDefault(schema: z.ZodType): unknown {
  const def = schema.def as { type: string; defaultValue?: unknown };
  return def.type === "default" ? def.defaultValue : undefined;
}

/**
 * The fields of the imported schema (every key any file may hold), then those only curated files have,
 * less the keys that are not fields of a graph node or claim: its id and ends, its layout and its
 * foreign attributes, which each format writes in a place of its own.
 */
function fieldsOf(
  shapes: readonly Shape[],
  structural: readonly string[],
  extra: ModelField[],
): ModelField[] {
  const out = new Map<string, ModelField>();
  for (const shape of shapes) {
    for (const [name, schema] of Object.entries(shape)) {
      if (!structural.includes(name) && !out.has(name)) out.set(name, { name, kind: kindOfSchema(schema) });
    }
  }
  for (const field of extra) out.set(field.name, field);
  return [...out.values()];
}

/** A node's fields (kind, label, description, aliases, about, proposition, sources). */
export const NODE_FIELDS: readonly ModelField[] = fieldsOf(
  [ImportedNode.shape, GraphNode.shape],
  ["id", "x", "y", "size", "attributes"],
  [{ name: "sources", kind: "list" }],
);

/** A claim's fields (relation, heldBy, attribution, modality, disputedBy, evidence, findings, …, sourceId). */
export const CLAIM_FIELDS: readonly ModelField[] = fieldsOf(
  [ImportedClaim.shape, Claim.shape],
  ["id", "source", "target", "attributes"],
  [{ name: "sourceId", kind: "text" }],
);

/** A finding's fields (id, summary, opening), all text. */
export const FINDING_FIELDS: readonly string[] = Object.keys(Finding.shape);

/** A node's layout in our files; curated source files hold none. */
export const LAYOUT_FIELDS = ["x", "y", "size"] as const;

/**
 * Fields a file written by another tool may carry under their own name: model 2's claim fields and the
 * node's proposition. They are read into the claim or node and checked by the imported schema, not
 * kept as foreign attributes; the other fields' names are common words in other tools' files.
 */
export const FOREIGN_CLAIM_FIELDS: ReadonlySet<string> = new Set([
  "attribution",
  "modality",
  "disputedBy",
  "evidence",
]);
export const FOREIGN_NODE_FIELDS: ReadonlySet<string> = new Set(["proposition"]);

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * Fields every graph node or claim has, with the value that means none: what buildGraph gives a node
 * or claim whose file left the field out ("" where the file must say). Writers leave such a value out
 * and readers put it back. Every other field is absent from a graph that does not have it.
 */
const NODE_NONE: Record<RequiredKeys<NodeAttributes>, ModelValue> = {
  kind: "",
  label: "",
  description: "",
  aliases: [],
  sources: [],
};
const CLAIM_NONE: Record<RequiredKeys<ClaimAttributes>, ModelValue> = {
  relation: "",
  heldBy: [],
  findings: [],
  note: "",
  sourceId: "",
};

export type FieldOwner = "node" | "claim";
const NONE: Record<FieldOwner, Partial<Record<string, ModelValue>>> = { node: NODE_NONE, claim: CLAIM_NONE };

/** The value of a field that means none, or undefined when the field may be absent. */
export function noneValue(owner: FieldOwner, field: string): ModelValue | undefined {
  return NONE[owner][field];
}

/** True when a value says nothing: undefined, or the none value (an empty list or text) of its field. */
export function isNone(owner: FieldOwner, field: string, value: unknown): boolean {
  if (value === undefined) return true;
  const none = NONE[owner][field];
  if (Array.isArray(none)) return Array.isArray(value) && value.length === 0;
  return none !== undefined && value === none;
}

const ID_FIELDS: Record<FieldOwner, ReadonlySet<string>> = {
  node: new Set(NODE_ID_FIELDS.node),
  claim: new Set(NODE_ID_FIELDS.claim),
};

/**
 * A graph node's or claim's attributes with the node ids they name (holders, disputants, about) as
 * the ids a file writes, not the graph's keys (build.ts: graphKey). Every writer writes these.
 */
export function withOriginalIds<T extends object>(owner: FieldOwner, attributes: T): T {
  const record = attributes as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const name of ID_FIELDS[owner]) {
    const ids = record[name];
    if (!Array.isArray(ids) || !ids.some((key) => originalId(key) !== key)) continue;
    out ??= { ...record };
    out[name] = ids.map(originalId);
  }
  return (out ?? attributes) as T;
}

function valuesOf(
  owner: FieldOwner,
  fields: readonly ModelField[],
  attributes: object,
): [field: ModelField, value: ModelValue][] {
  const record = withOriginalIds(owner, attributes) as Record<string, ModelValue | undefined>;
  const out: [ModelField, ModelValue][] = [];
  for (const field of fields) {
    const value = record[field.name];
    if (value !== undefined && !isNone(owner, field.name, value)) out.push([field, value]);
  }
  return out;
}

/**
 * Every field's value, in the order of `fields`, undefined where the node or claim has none (ids as
 * files write them): for the writers with a column per field (CSV, Neo4j).
 */
export function fieldColumnValues(
  owner: FieldOwner,
  fields: readonly ModelField[],
  attributes: object,
): (ModelValue | undefined)[] {
  const record = withOriginalIds(owner, attributes) as Record<string, ModelValue | undefined>;
  return fields.map((field) => record[field.name]);
}

/** The fields a writer emits for a node, in NODE_FIELDS order: none values left out. */
export function nodeFieldValues(a: NodeAttributes): [field: ModelField, value: ModelValue][] {
  return valuesOf("node", NODE_FIELDS, a);
}

/** The fields a writer emits for a claim, in CLAIM_FIELDS order: none values left out. */
export function claimFieldValues(a: ClaimAttributes): [field: ModelField, value: ModelValue][] {
  return valuesOf("claim", CLAIM_FIELDS, a);
}

/**
 * A scalar field's value from the text of a file: true/false for a flag and a number for a number, when
 * the text is one; otherwise the text itself, for the schema check to refuse with the field's name.
 */
export function scalarFromText(field: ModelField, text: string): ModelValue {
  if (field.kind === "flag") {
    const word = text.trim().toLowerCase();
    if (word === "true" || word === "false") return word === "true";
  }
  if (field.kind === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/**
 * The model's fields a file holds, by name (`textOf` gives a field's text, undefined when the file has
 * none): scalars read as their kind says, lists by the format's own `listOf`.
 */
export function fieldsFromText(
  fields: readonly ModelField[],
  textOf: (name: string) => string | undefined,
  listOf: (text: string, field: ModelField) => string[],
): Map<string, ModelValue> {
  const found = new Map<string, ModelValue>();
  for (const field of fields) {
    const text = textOf(field.name);
    if (text !== undefined)
      found.set(field.name, field.kind === "list" ? listOf(text, field) : scalarFromText(field, text));
  }
  return found;
}

function fromFields(
  owner: FieldOwner,
  fields: readonly ModelField[],
  read: ReadonlyMap<string, ModelValue>,
): Record<string, ModelValue> {
  const out: Record<string, ModelValue> = {};
  for (const field of fields) {
    const value = read.get(field.name) ?? NONE[owner][field.name];
    if (value === undefined) continue;
    // A list written as one item (a spreadsheet cell, a hand edit) is a list of one.
    out[field.name] = field.kind === "list" && !Array.isArray(value) ? [String(value)] : value;
  }
  return out;
}

/** Node attributes from the fields read back; the schema check comes after, in checkAndBuild. */
export function nodeFromFields(read: ReadonlyMap<string, ModelValue>): NodeAttributes {
  return fromFields("node", NODE_FIELDS, read) as unknown as NodeAttributes;
}

/** Claim attributes from the fields read back; the schema check comes after, in checkAndBuild. */
export function claimFromFields(read: ReadonlyMap<string, ModelValue>): ClaimAttributes {
  return fromFields("claim", CLAIM_FIELDS, read) as unknown as ClaimAttributes;
}

const VALUE_SCHEMAS: Record<FieldKind, () => z.ZodType> = {
  text: () => z.string(),
  list: () => z.array(z.string()),
  flag: () => z.boolean(),
  number: () => z.number(),
};

function attributesSchema(owner: FieldOwner, fields: readonly ModelField[], extra: Shape) {
  const shape: Shape = {};
  for (const field of fields) {
    const value = VALUE_SCHEMAS[field.kind]();
    shape[field.name] = noneValue(owner, field.name) === undefined ? value.optional() : value;
  }
  return z.strictObject({ ...shape, ...extra, attributes: ForeignAttributes.optional() });
}

/**
 * The attributes of a graph node and claim, as graphology serializes them: the kind of each value, not
 * its rules, which the source file schemas check after (in checkAndBuild).
 */
export const NodeAttributesSchema = attributesSchema(
  "node",
  NODE_FIELDS,
  Object.fromEntries(LAYOUT_FIELDS.map((name) => [name, z.number().optional()])),
);
export const ClaimAttributesSchema = attributesSchema("claim", CLAIM_FIELDS, {});
