// The Neo4j Cypher script: uniqueness constraints first, then nodes and relationships MERGEd in
// batches with UNWIND over literal lists. Labels come from the kind and relationship types from the
// relation (one typed table each); every string is a single-quoted literal with Cypher's escapes.
import { originalId } from "../graph/build.ts";
import type { LinkageGraph } from "../graph/types.ts";
import type { ForeignValue } from "../model/schema.ts";
import type { NodeKind, Relation } from "../model/vocabulary.ts";
import { ExportError } from "./errors.ts";
import {
  CLAIM_FIELDS,
  claimFieldValues,
  FINDING_FIELDS,
  LAYOUT_FIELDS,
  type ModelValue,
  NODE_FIELDS,
  nodeFieldValues,
} from "./model-fields.ts";
import type { ExportFile } from "./types.ts";

export const CYPHER_MIME = "application/x-cypher-query";

/** Neo4j node labels by kind; every node also has the label Entity, which the constraint is on. */
export const NEO4J_LABELS: Record<NodeKind, string> = { actor: "Actor", issue: "Issue", treaty: "Treaty" };
/** Neo4j relationship types by relation. */
export const NEO4J_TYPES: Record<Relation, string> = {
  supports: "SUPPORTS",
  opposes: "OPPOSES",
  "links-to": "LINKS_TO",
};

/** Property names the model uses; a foreign attribute of the same name is written as `attr:<name>`. */
export const RESERVED_NODE_PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  ...NODE_FIELDS.map((field) => field.name),
  ...LAYOUT_FIELDS,
]);
export const RESERVED_CLAIM_PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  ...CLAIM_FIELDS.map((field) => field.name),
]);

export const BATCH_SIZE = 500;

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/** A Cypher string literal: quotes, backslashes and control characters escaped; lone surrogates too. */
export function cypherString(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped
  return `'${value.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]|\p{Cs}/gu, (c) => ESCAPES[c] ?? `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, "0")}`)}'`;
}

/** A property key: bare when it is a plain identifier, in backticks (doubled inside) otherwise. */
export function cypherKey(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}

type PropertyValue = ForeignValue | ModelValue;

function cypherValue(value: PropertyValue): string {
  if (Array.isArray(value))
    return `[${(value as (string | number | boolean)[]).map((v) => cypherValue(v as never)).join(", ")}]`;
  if (typeof value === "string") return cypherString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ExportError(`${value} cannot be written in Cypher`);
    return String(value);
  }
  return String(value);
}

function cypherMap(entries: [string, PropertyValue][]): string {
  return `{${entries.map(([key, value]) => `${cypherKey(key)}: ${cypherValue(value)}`).join(", ")}}`;
}

function foreignEntries(
  attributes: Record<string, ForeignValue> | undefined,
  reserved: ReadonlySet<string>,
): [string, ForeignValue][] {
  if (!attributes) return [];
  return Object.entries(attributes).map(([name, value]) => [
    reserved.has(name) ? `attr:${name}` : name,
    value,
  ]);
}

function batches<T>(items: T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function writeCypher(graph: LinkageGraph): ExportFile[] {
  const out: string[] = [
    "// Linkage Atlas graph for Neo4j 5. Run it with: cypher-shell -f graph.cypher\n",
    `// ${graph.order} nodes, ${graph.size} claims. Every node has the label Entity and a unique id.\n\n`,
    "CREATE CONSTRAINT linkage_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n",
    "CREATE CONSTRAINT linkage_source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;\n",
    "CREATE CONSTRAINT linkage_finding_ref IF NOT EXISTS FOR (f:Finding) REQUIRE f.ref IS UNIQUE;\n\n",
  ];

  const sourceRows: string[] = [];
  const findingRows: string[] = [];
  for (const source of graph.getAttribute("sources")) {
    const { findings, attributes, ...meta } = source as typeof source & {
      attributes?: Record<string, ForeignValue>;
    };
    const entries: [string, string][] = Object.entries(meta).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    if (!meta.provenance) entries.push(["provenance", "curated"]);
    sourceRows.push(cypherMap([...entries, ...foreignEntries(attributes, new Set(Object.keys(meta)))]));
    for (const finding of findings) {
      const values = finding as Record<string, string | undefined>;
      const props = FINDING_FIELDS.filter((field) => values[field] !== undefined).map(
        (field): [string, string] => [field, values[field] as string],
      );
      findingRows.push(
        `{ref: ${cypherString(`${source.id}#${finding.id}`)}, source: ${cypherString(source.id)}, props: ${cypherMap(props)}}`,
      );
    }
  }
  for (const batch of batches(sourceRows)) {
    out.push(
      `UNWIND [\n  ${batch.join(",\n  ")}\n] AS row\nMERGE (s:Source {id: row.id})\nSET s += row;\n\n`,
    );
  }
  for (const batch of batches(findingRows)) {
    out.push(
      `UNWIND [\n  ${batch.join(",\n  ")}\n] AS row\nMATCH (s:Source {id: row.source})\nMERGE (f:Finding {ref: row.ref})\nSET f += row.props\nMERGE (f)-[:IN_SOURCE]->(s);\n\n`,
    );
  }

  const nodesByKind = new Map<NodeKind, string[]>();
  graph.forEachNode((id, a) => {
    const props: [string, PropertyValue][] = nodeFieldValues(a).map(([field, value]) => [field.name, value]);
    for (const field of LAYOUT_FIELDS) {
      const value = a[field];
      if (value !== undefined) props.push([field, value]);
    }
    props.push(...foreignEntries(a.attributes, RESERVED_NODE_PROPERTIES));
    const rows = nodesByKind.get(a.kind) ?? [];
    rows.push(`{id: ${cypherString(originalId(id))}, props: ${cypherMap(props)}}`);
    nodesByKind.set(a.kind, rows);
  });
  for (const [kind, rows] of nodesByKind) {
    for (const batch of batches(rows)) {
      out.push(
        `UNWIND [\n  ${batch.join(",\n  ")}\n] AS row\nMERGE (n:Entity {id: row.id})\nSET n:${NEO4J_LABELS[kind]}\nSET n += row.props;\n\n`,
      );
    }
  }

  const claimsByRelation = new Map<Relation, string[]>();
  graph.forEachEdge((id, a, source, target) => {
    const props: [string, PropertyValue][] = claimFieldValues(a).map(([field, value]) => [field.name, value]);
    props.push(...foreignEntries(a.attributes, RESERVED_CLAIM_PROPERTIES));
    const rows = claimsByRelation.get(a.relation) ?? [];
    rows.push(
      `{id: ${cypherString(originalId(id))}, source: ${cypherString(originalId(source))}, target: ${cypherString(originalId(target))}, props: ${cypherMap(props)}}`,
    );
    claimsByRelation.set(a.relation, rows);
  });
  for (const [relation, rows] of claimsByRelation) {
    for (const batch of batches(rows)) {
      out.push(
        `UNWIND [\n  ${batch.join(",\n  ")}\n] AS row\nMATCH (s:Entity {id: row.source})\nMATCH (t:Entity {id: row.target})\nMERGE (s)-[r:${NEO4J_TYPES[relation]} {id: row.id}]->(t)\nSET r += row.props;\n\n`,
      );
    }
  }
  return [{ name: "graph.cypher", text: out.join(""), mime: CYPHER_MIME }];
}
