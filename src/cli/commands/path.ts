// `linkage path <from> <to> [--holder ID] [--max-depth N] [--relation R…] [--attribution stated]`: every
// chain of claims between two nodes up to a length, and the shortest one whatever its length.
import { z } from "zod";
import { citedFindings } from "../../graph/records.ts";
import { DEFAULT_TRACE_RELATIONS, findPaths, shortestPath, TRACE_DEPTH } from "../../graph/trace.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import { readGraph } from "../io.ts";
import {
  ARROW_LEGEND,
  depthOption,
  describeFilter,
  FILTER_OPTIONS,
  named,
  plural,
  relationOption,
} from "../linkage-paths.ts";
import { chainLines } from "./sentences.ts";
import { ATTRIBUTION_OPTION, attributionOption, describeAttribution, reportProblems } from "./shared.ts";

const DEFAULT_MAX_DEPTH = 4;

export const path = defineCommand({
  summary: "List every chain of claims between two nodes, and the shortest one",
  usage: "path <from> <to> [--holder <id>] [--max-depth N] [--relation R…] [--attribution stated] [--json]",
  options: {
    holder: FILTER_OPTIONS.holder,
    "max-depth": {
      type: "string",
      description: `longest chain listed, in claims: ${TRACE_DEPTH.min} to ${TRACE_DEPTH.max} (default ${DEFAULT_MAX_DEPTH})`,
    },
    relation: FILTER_OPTIONS.relation,
    attribution: ATTRIBUTION_OPTION,
  },
  values: z.object({
    holder: z.string().optional(),
    "max-depth": depthOption(DEFAULT_MAX_DEPTH),
    relation: relationOption,
    attribution: attributionOption,
  }),
  positionals: [2, 2],
  run({ values, positionals, json, io }) {
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const { graph } = loaded;
    const [from, to] = positionals as [string, string];
    const filter = {
      holder: values.holder ?? null,
      relations: values.relation ?? DEFAULT_TRACE_RELATIONS,
      attribution: values.attribution ?? null,
    };
    const maxDepth = values["max-depth"];
    const paths = findPaths(graph, from, to, { ...filter, maxDepth });
    const shortest = shortestPath(graph, from, to, filter);
    const findings = citedFindings(
      graph,
      [...paths, ...(shortest ? [shortest] : [])].flatMap((p) => p.claims),
    );
    if (json) {
      printJson(io, {
        from,
        to,
        holder: filter.holder,
        maxDepth,
        relations: [...filter.relations],
        attribution: filter.attribution,
        shortest,
        paths,
        findings,
      });
      return EXIT.ok;
    }

    io.out(`Paths from ${named(graph, from)} to ${named(graph, to)}`);
    io.out(
      `${describeFilter(graph, filter.holder, filter.relations)}${describeAttribution(filter.attribution)} · up to ${plural(maxDepth, "step")}`,
    );
    if (!shortest) {
      io.out(
        `\nNo path joins them: no chain of claims with these relations and this holder${describeAttribution(filter.attribution, ", ")}.`,
      );
      return EXIT.ok;
    }
    if (!paths.length) {
      io.out(
        `\nNo path of at most ${plural(maxDepth, "step")}. The shortest takes ${plural(shortest.claims.length, "step")}. ${ARROW_LEGEND}\n`,
      );
      io.out(chainLines(graph, shortest, "    ").join("\n"));
    } else {
      io.out(
        `${plural(paths.length, "path")} found; the shortest takes ${plural(shortest.claims.length, "step")}.`,
      );
      paths.forEach((found, index) => {
        io.out(`\n  path ${index + 1} (${plural(found.claims.length, "step")}):`);
        io.out(chainLines(graph, found, "    ").join("\n"));
      });
    }
    io.out(`\nFindings cited (${findings.length}):`);
    for (const finding of findings) io.out(`  ${finding.id}  ${finding.summary}`);
    return EXIT.ok;
  },
});
