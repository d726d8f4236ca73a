// How our own GEXF and GraphML files say they are ours: the creator "Linkage Atlas" and a JSON note
// with the graph's sources and which layout the writer made up. A reader that finds it reads the
// model's fields (model-fields.ts) by their names into node and claim records made here; anything
// else in the file is a foreign attribute.
import { z } from "zod";
import type { NodeAttributes } from "../graph/types.ts";
import { parseJsonText } from "../model/json-text.ts";
import {
  type AnySourceMeta,
  Finding,
  type ForeignAttributes,
  ImportedSourceMeta,
  SourceMeta,
} from "../model/schema.ts";
import { claimFromFields, LAYOUT_FIELDS, type ModelValue, nodeFromFields } from "./model-fields.ts";
import type { ClaimRecord, NodeRecord } from "./records.ts";

export const CREATOR = "Linkage Atlas";
export const META_KEY = "linkage-atlas";

/**
 * The sources a graph holds, as our files carry them. A graph's curated source may lack its findings'
 * openings (a synthetic graph); the file still reads back as ours, and a source file written from it
 * is refused by the loader for what it lacks.
 */
export const OwnSources = z.array(
  z.union([SourceMeta.extend({ findings: z.array(Finding).min(1) }), ImportedSourceMeta]),
);

const OwnMeta = z.object({
  [META_KEY]: z.object({
    version: z.literal(1),
    sources: OwnSources,
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

/** Sets a node's x, y and size from the text read back, each only where it is a finite number. */
function setLayoutFromText(
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
 * A node of our own file read back: the model's fields, its layout where the file gives one (`layoutText`
 * the text of x, y or size) and any foreign attributes.
 */
export function ownNodeRecord(
  id: string,
  fields: ReadonlyMap<string, ModelValue>,
  layoutText: (field: (typeof LAYOUT_FIELDS)[number]) => string | undefined,
  foreign: ForeignAttributes,
): NodeRecord {
  const attributes = nodeFromFields(fields);
  setLayoutFromText(attributes, layoutText);
  if (Object.keys(foreign).length) attributes.attributes = foreign;
  return { id, attributes };
}

/**
 * A claim of our own file read back: the model's fields, any foreign attributes, then its id and ends
 * (`readId()` the claim's id, `readId("source")` and `readId("target")` its ends).
 */
export function ownClaimRecord(
  fields: ReadonlyMap<string, ModelValue>,
  foreign: ForeignAttributes,
  readId: (name?: string) => string,
): ClaimRecord {
  const attributes = claimFromFields(fields);
  if (Object.keys(foreign).length) attributes.attributes = foreign;
  return { id: readId(), source: readId("source"), target: readId("target"), attributes };
}
