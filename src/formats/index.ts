// The one table of formats, shared by the CLI and the explorer: label, extensions, MIME type, and the
// writer and reader of each. Nothing else branches on the format. importGraph (and startImport, fed
// by chunks as a file is read) picks the reader from the file name and content and returns a new
// graph or throws ImportError.
import type { LinkageGraph } from "../graph/types.ts";
import { writeCsv } from "./csv.ts";
import { CYPHER_MIME, writeCypher } from "./cypher.ts";
import { ExportError, ImportError } from "./errors.ts";
import { gexfStream, readGexf } from "./gexf-read.ts";
import { GEXF_MIME, writeGexf } from "./gexf-write.ts";
import { graphmlStream, readGraphml } from "./graphml-read.ts";
import { GRAPHML_MIME, writeGraphml } from "./graphml-write.ts";
import { GRAPHOLOGY_MIME, readGraphologyJson, writeGraphologyJson } from "./graphology-json.ts";
import { writeNeo4jAdmin } from "./neo4j-admin.ts";
import { PROJECT_JSON_MIME, readProjectJson, writeProjectJson } from "./project-json.ts";
import {
  type ExportFile,
  type ExportOptions,
  FORMAT_IDS,
  type FormatId,
  type FormatSpec,
  type ImportInput,
  type ImportOptions,
  type ImportOutcome,
  type ImportStream,
} from "./types.ts";

export const FORMATS: Record<FormatId, FormatSpec> = {
  "project-json": {
    label: "Project JSON (graph-data source files)",
    extensions: [".json"],
    mime: PROJECT_JSON_MIME,
    multiFile: false,
    lossless: true,
    write: writeProjectJson,
    read: readProjectJson,
  },
  "graphology-json": {
    label: "graphology serialized JSON",
    extensions: [".graphology.json", ".json"],
    mime: GRAPHOLOGY_MIME,
    multiFile: false,
    lossless: true,
    write: writeGraphologyJson,
    read: readGraphologyJson,
  },
  gexf: {
    label: "GEXF 1.3 (Gephi)",
    extensions: [".gexf"],
    mime: GEXF_MIME,
    multiFile: false,
    lossless: true,
    write: writeGexf,
    read: readGexf,
    stream: gexfStream,
  },
  graphml: {
    label: "GraphML (networkx, yEd, Cytoscape)",
    extensions: [".graphml"],
    mime: GRAPHML_MIME,
    multiFile: false,
    lossless: true,
    write: writeGraphml,
    read: readGraphml,
    stream: graphmlStream,
  },
  csv: {
    label: "CSV (nodes.csv, claims.csv, findings.csv)",
    extensions: [".csv"],
    mime: "text/csv",
    multiFile: true,
    lossless: false,
    write: writeCsv,
  },
  cypher: {
    label: "Neo4j Cypher script",
    extensions: [".cypher"],
    mime: CYPHER_MIME,
    multiFile: false,
    lossless: false,
    write: writeCypher,
  },
  "neo4j-admin": {
    label: "Neo4j neo4j-admin import CSV",
    extensions: [".csv"],
    mime: "text/csv",
    multiFile: true,
    lossless: false,
    write: writeNeo4jAdmin,
  },
};

export function isFormatId(value: string): value is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(value);
}

export const EXPORT_FORMATS = FORMAT_IDS.filter((id) => FORMATS[id].write);
export const IMPORT_FORMATS = FORMAT_IDS.filter((id) => FORMATS[id].read);

/** Writes the graph; the graph is not changed. */
export function exportGraph(
  graph: LinkageGraph,
  format: FormatId,
  options: ExportOptions = {},
): ExportFile[] {
  const write = FORMATS[format].write;
  if (!write) throw new ExportError(`${FORMATS[format].label} cannot be written`);
  return write(graph, options);
}

/** Which reader a file needs: by content first (the root element, the JSON shape), then by name. */
export function detectFormat(input: ImportInput): FormatId | undefined {
  const head = input.text.slice(0, 4096).replace(/^\ufeff/, "");
  const lower = input.name.toLowerCase();
  if (/^\s*</.test(head)) {
    if (/<gexf[\s>]/.test(head)) return "gexf";
    if (/<graphml[\s>]/.test(head)) return "graphml";
    if (lower.endsWith(".gexf")) return "gexf";
    if (lower.endsWith(".graphml")) return "graphml";
    return undefined;
  }
  if (/^\s*[{[]/.test(head)) {
    // A graph-data source has a "source" object; graphology's export has keyed nodes.
    if (/"source"\s*:\s*\{/.test(head) || /"\$schema"/.test(head)) return "project-json";
    return "graphology-json";
  }
  return undefined;
}

/** Reads a file into a new graph; throws ImportError (file, place, reason) and changes nothing. */
export function importGraph(input: ImportInput, options: ImportOptions, format?: FormatId): ImportOutcome {
  const stream = startImport(input.name, options, format);
  stream.write(input.text);
  return stream.end();
}

/** The text detectFormat looks at; chunks are held until there is this much, or the file ends. */
const DETECT_LENGTH = 4096;

/**
 * An import fed by chunks as the file is read. GEXF and GraphML are parsed as the text arrives and
 * never held whole; the JSON formats are read when the file has ended. The format is told from the
 * first chunks (or given); write and end throw ImportError, and after one the import is over.
 */
export function startImport(name: string, options: ImportOptions, format?: FormatId): ImportStream {
  let head = "";
  let reader: ImportStream | undefined;
  let failure: unknown;
  const choose = (): ImportStream => {
    const chosen = format ?? detectFormat({ name, text: head });
    if (!chosen) {
      throw new ImportError({
        file: name,
        message: "not a format this can import (project JSON, graphology JSON, GEXF or GraphML)",
      });
    }
    const spec = FORMATS[chosen];
    const chosenReader = spec.stream?.(name, options) ?? wholeText(name, options, spec.read);
    if (!chosenReader) throw new ImportError({ file: name, message: `${spec.label} cannot be imported` });
    const text = head;
    head = "";
    chosenReader.write(text);
    return chosenReader;
  };
  /** Runs a step; after one fails, every later one throws that error again. */
  const step = <T>(run: () => T): T => {
    if (failure !== undefined) throw failure;
    try {
      return run();
    } catch (error) {
      failure = error;
      throw error;
    }
  };
  return {
    write: (text) =>
      step(() => {
        if (reader) return reader.write(text);
        head += text;
        if (format !== undefined || head.length >= DETECT_LENGTH) reader = choose();
      }),
    end: () =>
      step(() => {
        reader ??= choose();
        return reader.end();
      }),
  };
}

/** A reader that needs the whole text (JSON), fed by chunks all the same. */
function wholeText(name: string, options: ImportOptions, read: FormatSpec["read"]): ImportStream | undefined {
  if (!read) return undefined;
  const parts: string[] = [];
  return {
    write: (text) => {
      parts.push(text);
    },
    end: () => read({ name, text: parts.length === 1 ? (parts[0] as string) : parts.join("") }, options),
  };
}

export { ExportError, FileTooLargeError, ImportError, UnsafeXmlError } from "./errors.ts";
export { checkFileSize, MAX_IMPORT_BYTES, MAX_LABEL_LENGTH } from "./limits.ts";
export type {
  ExportFile,
  ExportOptions,
  FormatId,
  ImportMapping,
  ImportOptions,
  ImportOutcome,
  ImportStream,
} from "./types.ts";
export { DEFAULT_MAPPING, FORMAT_IDS } from "./types.ts";
