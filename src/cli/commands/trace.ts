// `linkage trace --target ID [--holder ID] [--depth N] [--relation R…] [--attribution stated]`: every node
// a holder ties to the target, each with the chains of claims that reach it, their evidence and the
// findings those claims cite.
import { z } from "zod";
import { citedFindings } from "../../graph/records.ts";
import { TRACE_DEPTH, traceLinkages } from "../../graph/trace.ts";
import { defineCommand, EXIT, printJson } from "../command.ts";
import { readGraph } from "../io.ts";
import {
  ARROW_LEGEND,
  depthOption,
  describeFilter,
  FILTER_OPTIONS,
  labelOf,
  named,
  plural,
  relationOption,
} from "../linkage-paths.ts";
import { chainLines } from "./sentences.ts";
import { ATTRIBUTION_OPTION, attributionOption, describeAttribution, reportProblems } from "./shared.ts";

export const trace = defineCommand({
  summary: "Trace what a holder ties to a target: every node reached, with its chains and findings",
  usage: "trace --target <id> [--holder <id>] [--depth N] [--relation R…] [--attribution stated] [--json]",
  options: {
    target: { type: "string", description: "the node to trace from, such as issue:taiwan-arms-sales" },
    holder: FILTER_OPTIONS.holder,
    depth: {
      type: "string",
      description: `longest chain, in claims: ${TRACE_DEPTH.min} to ${TRACE_DEPTH.max} (default ${TRACE_DEPTH.default})`,
    },
    relation: FILTER_OPTIONS.relation,
    attribution: ATTRIBUTION_OPTION,
  },
  values: z.object({
    target: z.string({ error: "is required: the node to trace from, such as issue:taiwan-arms-sales" }),
    holder: z.string().optional(),
    depth: depthOption(TRACE_DEPTH.default),
    relation: relationOption,
    attribution: attributionOption,
  }),
  positionals: [0, 0],
  run({ values, json, io }) {
    const loaded = readGraph();
    if (!loaded.ok) return reportProblems(io, loaded.problems);
    const { graph } = loaded;
    const trace = traceLinkages(graph, {
      target: values.target,
      holder: values.holder ?? null,
      depth: values.depth,
      ...(values.relation ? { relations: values.relation } : {}),
      attribution: values.attribution ?? null,
    });
    const findings = citedFindings(
      graph,
      trace.results.flatMap((r) => r.paths.flatMap((p) => p.claims)),
    );
    if (json) {
      printJson(io, { ...trace, findings });
      return EXIT.ok;
    }

    const who = trace.holder ? `does ${labelOf(graph, trace.holder)} tie` : "is tied";
    io.out(`What ${who} to ${labelOf(graph, trace.target)}?`);
    io.out(
      `from ${named(graph, trace.target)} · ${describeFilter(graph, trace.holder, trace.relations)}${describeAttribution(trace.attribution)} · depth ≤ ${trace.depth}`,
    );
    if (!trace.results.length) {
      io.out(
        `\nNothing is reached: no claim with these relations and this holder touches the target${trace.attribution ? ` (${describeAttribution(trace.attribution, "")})` : ""}.`,
      );
      return EXIT.ok;
    }
    io.out(`${plural(trace.results.length, "node")} reached. ${ARROW_LEGEND}`);
    let distance = 0;
    trace.results.forEach((result, index) => {
      if (result.distance !== distance) {
        distance = result.distance;
        const count = trace.results.filter((r) => r.distance === distance).length;
        io.out(`\nDistance ${distance} (${plural(count, "node")})`);
      }
      const paths = result.paths.length > 1 ? ` · ${plural(result.paths.length, "path")}` : "";
      io.out(`\n  ${index + 1}. ${result.label}  (${result.node})${paths}`);
      result.paths.forEach((path, p) => {
        if (result.paths.length > 1) io.out(`     path ${p + 1} of ${result.paths.length}:`);
        io.out(chainLines(graph, path, "       ").join("\n"));
      });
    });
    io.out(`\nFindings cited (${findings.length}):`);
    for (const finding of findings) io.out(`  ${finding.id}  ${finding.summary}`);
    return EXIT.ok;
  },
});
