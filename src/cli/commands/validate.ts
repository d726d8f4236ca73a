// `linkage validate [files…]`: schema and integrity checks over graph-data or the files given.
import { z } from "zod";
import { formatProblem } from "../../graph/problems.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import { readSources } from "../io.ts";

export const validate = defineCommand({
  summary: "Check source files against the schema and the integrity rules",
  usage: "validate [files or directories…] [--json]",
  options: {},
  values: z.object({}),
  positionals: [0, Number.POSITIVE_INFINITY],
  run({ positionals, json, io }) {
    const { files, sources, problems } = readSources(positionals);
    const nodes = new Set(sources.flatMap((s) => s.data.nodes.map((n) => n.id))).size;
    const claims = sources.reduce((sum, s) => sum + s.data.claims.length, 0);
    if (json) {
      printJson(io, {
        ok: problems.length === 0,
        files,
        counts: { sources: sources.length, nodes, claims },
        problems,
      });
    } else if (problems.length === 0) {
      io.out(`ok: ${files.length} file(s), ${nodes} nodes, ${claims} claims, no problems`);
    } else {
      for (const problem of problems) io.err(formatProblem(problem));
      io.err(`${problems.length} problem(s) in ${files.length} file(s)`);
    }
    return problems.length === 0 ? EXIT.ok : EXIT.problem;
  },
});
