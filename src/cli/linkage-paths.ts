// What `linkage trace` and `linkage path` share: the zod-checked --holder, --relation and depth options,
// and the heading words. Chains print through sentences.ts; the search itself is src/graph/trace.ts.
import { z } from "zod";
import { TRACE_DEPTH } from "../graph/trace.ts";
import type { LinkageGraph } from "../graph/types.ts";
import { RELATIONS } from "../model/vocabulary.ts";
import { type OptionSpec, wholeNumberOption } from "./command.ts";

/**
 * A repeatable option whose values may each list several of `allowed`, separated by commas
 * (`--relation links-to,supports --relation opposes`); an unknown value is a usage error naming it.
 */
export function listOption<const T extends string>(allowed: readonly T[], noun: string) {
  const known = (value: string): value is T => (allowed as readonly string[]).includes(value);
  return z
    .array(z.string())
    .optional()
    .transform((values, context) => {
      if (values === undefined) return undefined;
      const parts = values.flatMap((v) => v.split(",")).map((v) => v.trim());
      const unknown = parts.filter((part) => !known(part));
      if (unknown.length) {
        context.addIssue({
          code: "custom",
          message: `unknown ${noun} ${unknown.map((part) => `"${part}"`).join(", ")}; expected ${allowed.join(", ")}`,
        });
        return z.NEVER;
      }
      return parts.filter(known);
    });
}

/** `--relation` may repeat, and each value may list several relations separated by commas. */
export const relationOption = listOption(RELATIONS, "relation");

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

export const ARROW_LEGEND =
  "Arrows run from a claim's source to its target: ← marks a step that follows its claim backwards.";

export function describeFilter(graph: LinkageGraph, holder: string | null, relations: readonly string[]) {
  return `held by ${holder ? named(graph, holder) : "anyone"} · relations: ${relations.join(", ")}`;
}

export { plural } from "../graph/sentences.ts";
