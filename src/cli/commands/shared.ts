// Printing helpers shared by the CLI commands: data problems, unknown ids, one claim per line.
import { UnknownNodeError } from "../../graph/errors.ts";
import { formatProblem, type Problem } from "../../graph/problems.ts";
import type { ClaimRecord } from "../../graph/records.ts";
import { suggestIds } from "../../graph/suggest.ts";
import type { LinkageGraph } from "../../graph/types.ts";
import { EXIT } from "../command.ts";
import type { Output } from "../io.ts";

export function reportProblems(io: Output, problems: readonly Problem[]): number {
  for (const problem of problems) io.err(formatProblem(problem));
  io.err(`graph-data has ${problems.length} problem(s); run \`linkage validate\` for details`);
  return EXIT.problem;
}

/** Throws UnknownNodeError, with the nearest ids, when `id` is not a node of the graph. */
export function requireNode(graph: LinkageGraph, id: string): void {
  if (!graph.hasNode(id)) {
    throw new UnknownNodeError(
      id,
      suggestIds(
        id,
        graph.mapNodes((key, a) => ({ id: key, label: a.label })),
      ),
    );
  }
}

export function describeClaim(graph: LinkageGraph, claim: ClaimRecord): string {
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const holders = claim.heldBy.map(label).join(" + ");
  const how = claim.qualifier ? ` (${claim.qualifier})` : "";
  return `${label(claim.source)} —${claim.relation}${how}→ ${label(claim.target)}  [held by ${holders}; ${claim.findings.join(", ")}]`;
}
