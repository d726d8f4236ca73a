// How our own GEXF and GraphML files say they are ours: the creator "Linkage Atlas" and a JSON note
// with the graph's sources and which layout the writer made up. A reader that finds it reads the
// fixed attribute ids below as the model's fields; anything else in the file is a foreign attribute.
import { z } from "zod";
import type { ClaimAttributes, NodeAttributes } from "../graph/types.ts";
import { parseJsonText } from "../model/json-text.ts";
import {
  type AnySourceMeta,
  type ForeignAttributes,
  ImportedSourceMeta,
  SourceMeta,
} from "../model/schema.ts";
import type { ClaimRecord } from "./records.ts";

export const CREATOR = "Linkage Atlas";
export const META_KEY = "linkage-atlas";

/** The model's node and claim fields, as attribute ids and titles in our files. */
export const NODE_FIELDS = ["kind", "description", "aliases", "about", "sources"] as const;
export const CLAIM_FIELDS = [
  "relation",
  "heldBy",
  "findings",
  "qualifier",
  "speaker",
  "note",
  "sourceId",
] as const;
export const LIST_FIELDS: ReadonlySet<string> = new Set([
  "aliases",
  "about",
  "sources",
  "heldBy",
  "findings",
]);

const OwnMeta = z.object({
  [META_KEY]: z.object({
    version: z.literal(1),
    sources: z.array(z.union([SourceMeta, ImportedSourceMeta])),
    derived: z.array(z.enum(["position", "size"])),
  }),
});

export interface OwnMeta {
  sources: AnySourceMeta[];
  derived: ("position" | "size")[];
}

export function ownMetaText(meta: OwnMeta): string {
  return JSON.stringify({ [META_KEY]: { version: 1, sources: meta.sources, derived: meta.derived } });
}

/** The note of one of our files, or undefined when the text is not one (a foreign description). */
export function readOwnMeta(text: string | undefined): OwnMeta | undefined {
  if (!text?.includes(META_KEY)) return undefined;
  const parsed = parseJsonText(text.trim());
  if (!parsed.ok) return undefined;
  const checked = OwnMeta.safeParse(parsed.value);
  return checked.success ? checked.data[META_KEY] : undefined;
}

/** The model's fields of a node, as a writer emits them: absent when empty or undefined. */
export function nodeFieldValues(
  a: NodeAttributes,
): [field: (typeof NODE_FIELDS)[number], value: string | string[]][] {
  const out: [(typeof NODE_FIELDS)[number], string | string[]][] = [["kind", a.kind]];
  if (a.description) out.push(["description", a.description]);
  if (a.aliases.length) out.push(["aliases", a.aliases]);
  if (a.about) out.push(["about", a.about]);
  if (a.sources.length) out.push(["sources", a.sources]);
  return out;
}

export function claimFieldValues(
  a: ClaimAttributes,
): [field: (typeof CLAIM_FIELDS)[number], value: string | string[]][] {
  const out: [(typeof CLAIM_FIELDS)[number], string | string[]][] = [["relation", a.relation]];
  if (a.heldBy.length) out.push(["heldBy", a.heldBy]);
  if (a.findings.length) out.push(["findings", a.findings]);
  if (a.qualifier !== undefined) out.push(["qualifier", a.qualifier]);
  if (a.speaker !== undefined) out.push(["speaker", a.speaker]);
  if (a.note) out.push(["note", a.note]);
  out.push(["sourceId", a.sourceId]);
  return out;
}

/** Node attributes from the fields read back; the schema check comes after, in checkAndBuild. */
export function nodeFromFields(
  label: string,
  fields: Map<string, string | string[]>,
): Omit<NodeAttributes, "kind"> & { kind: string } {
  const a: Omit<NodeAttributes, "kind"> & { kind: string } = {
    kind: String(fields.get("kind") ?? ""),
    label,
    aliases: asList(fields.get("aliases")),
    description: String(fields.get("description") ?? ""),
    sources: asList(fields.get("sources")),
  };
  if (fields.has("about")) a.about = asList(fields.get("about"));
  return a;
}

export function claimFromFields(
  fields: Map<string, string | string[]>,
): Omit<ClaimAttributes, "relation"> & { relation: string } {
  const a: Omit<ClaimAttributes, "relation"> & { relation: string } = {
    relation: String(fields.get("relation") ?? ""),
    heldBy: asList(fields.get("heldBy")),
    findings: asList(fields.get("findings")),
    note: String(fields.get("note") ?? ""),
    sourceId: String(fields.get("sourceId") ?? ""),
  };
  if (fields.has("qualifier")) a.qualifier = String(fields.get("qualifier"));
  if (fields.has("speaker")) a.speaker = String(fields.get("speaker"));
  return a;
}

/** A node's layout fields in our files. */
export const LAYOUT_FIELDS = ["x", "y", "size"] as const;

/** Sets a node's x, y and size from the text read back, each only where it is a finite number. */
export function setLayoutFromText(
  attributes: NodeAttributes,
  textOf: (field: (typeof LAYOUT_FIELDS)[number]) => string | undefined,
): void {
  for (const field of LAYOUT_FIELDS) {
    const raw = textOf(field);
    if (raw !== undefined && raw.trim() !== "" && Number.isFinite(Number(raw)))
      attributes[field] = Number(raw);
  }
}

/**
 * A claim of our own file read back: the model's fields, any foreign attributes, then its id and ends
 * (`readId()` the claim's id, `readId("source")` and `readId("target")` its ends).
 */
export function ownClaimRecord(
  fields: Map<string, string | string[]>,
  foreign: ForeignAttributes,
  readId: (name?: string) => string,
): ClaimRecord {
  const attributes = claimFromFields(fields) as ClaimAttributes;
  if (Object.keys(foreign).length) attributes.attributes = foreign;
  return { id: readId(), source: readId("source"), target: readId("target"), attributes };
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
