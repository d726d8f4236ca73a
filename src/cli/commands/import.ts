// `linkage import FILE [--out graph-data/NAME.json]`: reads project JSON, graphology JSON, GEXF or
// GraphML through src/formats, checks it and prints a summary; with --out, writes it as graph-data
// source files. Nothing is written when the import fails or a file exists (unless --force); only a
// regular UTF-8 file is read, and never past the import limit.
import { join } from "node:path";
import { z } from "zod";
import {
  checkFileSize,
  DEFAULT_MAPPING,
  IMPORT_FORMATS,
  ImportError,
  type ImportMapping,
  type ImportOutcome,
  type ImportStream,
  type importGraph,
  MAX_IMPORT_BYTES,
  startImport,
} from "../../formats/index.ts";
import { NODE_KINDS, RELATIONS } from "../../model/vocabulary.ts";
import { defineCommand, EXIT, printJson, UsageError } from "../command.ts";
import { displayPath, FileError, isDirectory, readTextFile } from "../io.ts";
import { writeOutputs } from "../output-files.ts";
import { graphStats } from "./stats.ts";

export const importCommand = defineCommand({
  summary: "Read a project JSON, graphology JSON, GEXF or GraphML file, check it and summarise it",
  usage:
    "import <file> [--out graph-data/NAME.json] [--kind-attribute A] [--default-kind K] [--relation-attribute R] [--format F] [--force] [--json]",
  options: {
    out: {
      type: "string",
      short: "o",
      description: "write the graph as project JSON (a directory if several sources)",
    },
    "kind-attribute": { type: "string", description: "node attribute holding actor, issue or treaty" },
    "default-kind": {
      type: "string",
      description: `kind of the other nodes (${NODE_KINDS.join(", ")}); issue if absent`,
    },
    "relation-attribute": {
      type: "string",
      description: "edge attribute holding supports, opposes or links-to",
    },
    format: { type: "string", description: `${IMPORT_FORMATS.join(", ")}; guessed from the file if absent` },
    force: { type: "boolean", description: "overwrite files that exist" },
  },
  values: z.object({
    out: z.string().min(1).optional(),
    "kind-attribute": z.string().min(1).optional(),
    "default-kind": z.enum(NODE_KINDS, { message: `expected one of ${NODE_KINDS.join(", ")}` }).optional(),
    "relation-attribute": z.string().min(1).optional(),
    format: z
      .enum(IMPORT_FORMATS as [string, ...string[]], {
        message: `expected one of ${IMPORT_FORMATS.join(", ")}`,
      })
      .optional(),
    force: z.boolean().optional(),
  }),
  positionals: [1, 1],
  run({ values, positionals, json, io }) {
    const path = positionals[0] as string;
    const shown = displayPath(path);
    const mapping: ImportMapping = {
      ...DEFAULT_MAPPING,
      defaultKind: values["default-kind"] ?? DEFAULT_MAPPING.defaultKind,
    };
    if (values["kind-attribute"]) mapping.kindAttribute = values["kind-attribute"];
    if (values["relation-attribute"]) mapping.relationAttribute = values["relation-attribute"];

    let outcome: ReturnType<typeof importGraph>;
    try {
      outcome = importFile(
        path,
        startImport(shown, { mapping }, values.format as (typeof IMPORT_FORMATS)[number] | undefined),
      );
    } catch (error) {
      if (error instanceof ImportError || error instanceof FileError) {
        for (const problem of error.message.split("\n")) io.err(problem);
        io.err(`linkage import: nothing was imported`);
        return EXIT.problem;
      }
      throw error;
    }

    const written: string[] = [];
    if (values.out !== undefined) {
      const several = outcome.files.length > 1;
      const isDir = isDirectory(values.out);
      if (several && !isDir) {
        throw new UsageError(
          `the file holds ${outcome.files.length} sources; give an existing directory with --out`,
        );
      }
      if (!several && !isDir && !values.out.endsWith(".json")) {
        throw new UsageError("--out must name a .json file (or a directory)");
      }
      const targets = outcome.files.map((file) => ({
        path: isDir ? join(values.out as string, `${file.source.id}.json`) : (values.out as string),
        text: `${JSON.stringify(file, null, 2)}\n`,
      }));
      writeOutputs(targets, { force: values.force === true });
      written.push(...targets.map((target) => displayPath(target.path)));
    }

    const stats = graphStats(outcome.graph);
    const summary = {
      file: shown,
      format: outcome.format,
      sources: outcome.graph.getAttribute("sources").map((s) => ({
        id: s.id,
        provenance: s.provenance ?? "curated",
        title: s.title,
      })),
      nodes: stats.nodes,
      claims: { total: stats.claims.total, byRelation: stats.claims.byRelation },
      warnings: outcome.warnings,
      written,
    };
    if (json) {
      printJson(io, summary);
      return EXIT.ok;
    }
    io.out(`${shown}: ${outcome.format}, ok`);
    for (const source of summary.sources)
      io.out(`  source ${source.id} (${source.provenance}): ${source.title}`);
    io.out(
      `  ${stats.nodes.total} nodes (${NODE_KINDS.map((k) => `${stats.nodes.byKind[k] ?? 0} ${k}`).join(", ")})`,
    );
    io.out(
      `  ${stats.claims.total} claims (${RELATIONS.map((r) => `${stats.claims.byRelation[r] ?? 0} ${r}`).join(", ")})`,
    );
    for (const warning of outcome.warnings) io.out(`  note: ${warning}`);
    for (const path of written) io.out(`wrote ${path}`);
    return EXIT.ok;
  },
});

/** Reads the file into the import and ends it; the file's text is garbage once it is parsed. */
function importFile(path: string, stream: ImportStream): ImportOutcome {
  writeFileText(path, stream);
  return stream.end();
}

/** A frame of its own for the text, so that nothing holds it while the graph is checked and built. */
function writeFileText(path: string, stream: ImportStream): void {
  const shown = displayPath(path);
  stream.write(
    readTextFile(path, { maxBytes: MAX_IMPORT_BYTES, checkSize: (bytes) => checkFileSize(shown, bytes) }),
  );
}
