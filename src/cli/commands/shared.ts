// Helpers shared by the CLI commands: data problems, unknown ids, and the --attribution option of trace
// and path. How claims read is sentences.ts.
import { z } from "zod";
import { graphKey, originalId } from "../../graph/build.ts";
import { UnknownNodeError } from "../../graph/errors.ts";
import { formatProblem, type Problem } from "../../graph/problems.ts";
import { suggestIds } from "../../graph/suggest.ts";
import { TRACE_ATTRIBUTIONS, type TraceAttribution } from "../../graph/trace.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { ATTRIBUTION_STYLES } from "../../model/vocabulary.ts";
import { EXIT, type OptionSpec } from "../command.ts";
import type { Output } from "../io.ts";

export function reportProblems(io: Output, problems: readonly Problem[]): number {
  for (const problem of problems) io.err(formatProblem(problem));
  io.err(`graph-data has ${problems.length} problem(s); run \`linkage validate\` for details`);
  return EXIT.problem;
}

/**
 * The graph's key for node `id` as the files write it (build.ts: graphKey, so that `__proto__` is found
 * too). Throws UnknownNodeError, with the nearest ids, when the graph has no such node.
 */
export function requireNode(graph: LinkageGraph, id: string): string {
  const key = graphKey(id);
  if (graph.hasNode(key)) return key;
  throw new UnknownNodeError(
    id,
    suggestIds(
      id,
      graph.mapNodes((node, a) => ({ id: originalId(node), label: a.label })),
    ),
  );
}

const ALLOWED_ATTRIBUTIONS = TRACE_ATTRIBUTIONS.map((a) => `"${a}"`).join(" or ");

export const ATTRIBUTION_OPTION: OptionSpec = {
  type: "string",
  description: `${ALLOWED_ATTRIBUTIONS}: follow only claims the document attributes to their holders, not its own voice nor inferred holders (default: every claim)`,
};

/** `--attribution stated`; any other value is a usage error that names the allowed ones. */
export const attributionOption = z
  .enum(TRACE_ATTRIBUTIONS, {
    error: (issue) => `expected ${ALLOWED_ATTRIBUTIONS}, got ${JSON.stringify(issue.input)}`,
  })
  .optional();

/** " · stated claims only" (after `separator`), or nothing when every attribution is followed. */
export function describeAttribution(attribution: TraceAttribution | null, separator = " · "): string {
  return attribution ? `${separator}${ATTRIBUTION_STYLES[attribution].label.toLowerCase()} claims only` : "";
}
