// The shapes every format shares: what a writer returns, what a reader takes and returns, and the
// mapping that turns another tool's graph into actors, issues and treaties joined by claims.
import type { LinkageGraph } from "../graph/types.ts";
import type { AnySourceFile } from "../model/schema.ts";
import type { NodeKind, Relation } from "../model/vocabulary.ts";
import type { XmlParser } from "./xml-stream.ts";

export const FORMAT_IDS = [
  "project-json",
  "graphology-json",
  "gexf",
  "graphml",
  "csv",
  "cypher",
  "neo4j-admin",
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** One file of an export; multi-file formats return several, named relative to their directory. */
export interface ExportFile {
  name: string;
  text: string;
  mime: string;
}

export type Positions = Record<string, { x: number; y: number }>;

export interface ExportOptions {
  /** Positions for nodes that have none (the explorer's or the build's layout); seeded ones otherwise. */
  layout?: (graph: LinkageGraph) => Positions;
  /** `lastmodifieddate` for GEXF, YYYY-MM-DD; omitted when not given, so output is reproducible. */
  date?: string;
}

export interface ImportMapping {
  /** A node attribute whose value (actor, issue or treaty) gives the node's kind. */
  kindAttribute?: string;
  /** The kind of a node whose kind the mapping cannot read. */
  defaultKind: NodeKind;
  /** An edge attribute whose value (supports, opposes, links-to) gives the claim's relation. */
  relationAttribute?: string;
  /** The relation of an edge whose relation the mapping cannot read; links-to unless said. */
  defaultRelation?: Relation;
}

export const DEFAULT_MAPPING: ImportMapping = { defaultKind: "issue", defaultRelation: "links-to" };

export interface ImportInput {
  /** The file name, for messages and for the imported source's id. */
  name: string;
  text: string;
}

export interface ImportOptions {
  /** The XML tokenizer under the GEXF and GraphML readers; saxes (xml-saxes.ts) when not given. */
  xml?: XmlParser;
  mapping?: ImportMapping;
}

/** An import fed text in chunks, as a file is read; `end` gives the outcome or throws ImportError. */
export interface ImportStream {
  write(text: string): void;
  end(): ImportOutcome;
}

export interface ImportOutcome {
  format: FormatId;
  /** A new graph; the caller's graph is never touched. */
  graph: LinkageGraph;
  /** The same graph as graph-data source files (one per source), checked. */
  files: AnySourceFile[];
  /** Things the reader kept differently or skipped, in words. */
  warnings: string[];
}

export interface FormatSpec {
  label: string;
  /** File name extensions, the first one used when writing. */
  extensions: readonly string[];
  mime: string;
  /** Written as a directory of files (csv, neo4j-admin) rather than one file. */
  multiFile: boolean;
  /** Export then import gives the identical graph. */
  lossless: boolean;
  write?: (graph: LinkageGraph, options?: ExportOptions) => ExportFile[];
  read?: (input: ImportInput, options: ImportOptions) => ImportOutcome;
  /** The reader fed by chunks, for formats that need not hold the whole text (GEXF, GraphML). */
  stream?: (name: string, options: ImportOptions) => ImportStream;
}
