// `linkage export --format F [--out PATH]`: writes graph-data's graph in one of the formats of
// src/formats, laid out as the explorer lays it out (src/graph/layout.ts). One file goes to stdout
// when no --out is given; several go into a directory. Every file is made before the first is
// written, and src/cli/output-files.ts writes them all or none, so an error leaves nothing behind.
import { join } from "node:path";
import { z } from "zod";
import { EXPORT_FORMATS, ExportError, exportGraph, FORMATS } from "../../formats/index.ts";
import { computeLayout } from "../../graph/layout.ts";
import { defineCommand, EXIT, printJson, UsageError } from "../command.ts";
import { displayPath, isDirectory, readGraph } from "../io.ts";
import { writeOutputs } from "../output-files.ts";
import { reportProblems } from "./shared.ts";

export const exportCommand = defineCommand({
  summary: "Write the graph as project JSON, graphology JSON, GEXF, GraphML, CSV, Cypher or neo4j-admin CSV",
  usage: "export --format <format> [--out <path>] [--force] [--json]",
  options: {
    format: { type: "string", short: "f", description: `one of ${EXPORT_FORMATS.join(", ")}` },
    out: {
      type: "string",
      short: "o",
      description: "file to write (a directory for csv, neo4j-admin, or several sources); stdout if absent",
    },
    force: { type: "boolean", description: "overwrite files that exist" },
  },
  values: z.object({
    format: z.enum(EXPORT_FORMATS as [string, ...string[]], {
      message: `expected one of ${EXPORT_FORMATS.join(", ")}`,
    }),
    out: z.string().min(1).optional(),
    force: z.boolean().optional(),
  }),
  positionals: [0, 0],
  run({ values, json, io }) {
    const format = values.format as (typeof EXPORT_FORMATS)[number];
    const spec = FORMATS[format];
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    let files: ReturnType<typeof exportGraph>;
    try {
      // Drawing formats get the explorer's own deterministic layout for nodes without positions.
      files = exportGraph(loaded.graph, format, { layout: (graph) => computeLayout(graph) });
    } catch (error) {
      if (error instanceof ExportError) {
        io.err(`linkage export: cannot write ${spec.label}: ${error.message}`);
        return EXIT.problem;
      }
      throw error;
    }
    const asDirectory = spec.multiFile || files.length > 1;
    if (values.out === undefined) {
      if (asDirectory) {
        throw new UsageError(
          spec.multiFile
            ? `${format} writes ${files.length} files; give a directory with --out`
            : `the graph has ${files.length} sources, so project JSON is ${files.length} files; give a directory with --out`,
        );
      }
      if (json)
        throw new UsageError("--json describes written files; give --out, or drop --json to print the file");
      (io.data ?? io.out)((files[0] as { text: string }).text);
      return EXIT.ok;
    }
    const intoDirectory = asDirectory || isDirectory(values.out);
    const targets = files.map((file) => ({
      path: intoDirectory ? join(values.out as string, file.name) : (values.out as string),
      text: file.text,
    }));
    writeOutputs(targets, {
      force: values.force === true,
      ...(asDirectory ? { directory: values.out } : {}),
    });
    const written = targets.map((t) => ({
      path: displayPath(t.path),
      bytes: Buffer.byteLength(t.text),
    }));
    if (json) printJson(io, { format, files: written });
    else for (const file of written) io.out(`wrote ${file.path} (${file.bytes} bytes)`);
    return EXIT.ok;
  },
});
