// What `linkage trace` and `linkage path` share: the zod-checked --holder and --relation options, and
// how a chain of claims prints (one line per node, one per step, with its direction and evidence).
// Printing only; the search itself is src/graph/trace.ts.
import { z } from "zod";
import { type LinkagePath, pathSteps, TRACE_DEPTH } from "../graph/trace.ts";
import type { LinkageGraph } from "../graph/types.ts";
import { RELATIONS, type Relation } from "../model/vocabulary.ts";
import { type OptionSpec, wholeNumberOption } from "./command.ts";

const isRelation = (value: string): value is Relation => (RELATIONS as readonly string[]).includes(value);

/** `--relation` may repeat, and each value may list several relations separated by commas. */
export const relationOption = z
  .array(z.string())
  .optional()
  .transform((values, context) => {
    if (values === undefined) return undefined;
    const relations = values.flatMap((v) => v.split(",")).map((v) => v.trim());
    const unknown = relations.filter((r) => !isRelation(r));
    if (unknown.length) {
      context.addIssue({
        code: "custom",
        message: `unknown relation ${unknown.map((r) => `"${r}"`).join(", ")}; expected ${RELATIONS.join(", ")}`,
      });
      return z.NEVER;
    }
    return relations.filter(isRelation);
  });

/** A depth or max depth: a whole number within the engine's bounds, in decimal digits on the command line. */
export function depthOption(fallback: number) {
  return wholeNumberOption(TRACE_DEPTH, fallback);
}

export const FILTER_OPTIONS: Record<"holder" | "relation", OptionSpec> = {
  holder: { type: "string", description: "only claims this actor holds, such as actor:china (default: any)" },
  relation: {
    type: "string",
    multiple: true,
    description: `relations a path may use, repeatable: ${RELATIONS.join(", ")} (default: links-to)`,
  },
};

export function labelOf(graph: LinkageGraph, id: string): string {
  return graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id;
}

/** "Label (id)" for headings. */
export function named(graph: LinkageGraph, id: string): string {
  return `${labelOf(graph, id)} (${id})`;
}

/**
 * A path as lines: each node's label, and between two nodes the claim that joins them. The arrow
 * always points from the claim's source to its target, so `A ←links-to (contingent on)— B` reads
 * "B is linked to A, contingent on", reached by walking the claim backwards.
 */
export function chainLines(graph: LinkageGraph, path: LinkagePath, indent: string): string[] {
  const lines = [`${indent}${labelOf(graph, path.nodes[0] as string)}`];
  for (const step of pathSteps(path)) {
    const { claim } = step;
    const how = `${claim.relation}${claim.qualifier ? ` (${claim.qualifier})` : ""}`;
    const arrow = step.forward ? `—${how}→` : `←${how}—`;
    const holders = claim.heldBy.map((h) => labelOf(graph, h)).join(" + ");
    lines.push(`${indent}  ${arrow}  [${claim.id}; held by ${holders}; ${claim.findings.join(", ")}]`);
    lines.push(`${indent}${labelOf(graph, step.to)}`);
  }
  return lines;
}

export const ARROW_LEGEND =
  "Arrows run from a claim's source to its target: ← marks a step that follows its claim backwards.";

export function describeFilter(graph: LinkageGraph, holder: string | null, relations: readonly string[]) {
  return `held by ${holder ? named(graph, holder) : "anyone"} · relations: ${relations.join(", ")}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
